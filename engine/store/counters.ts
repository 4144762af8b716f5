/**
 * Gap-free counters (table number_counter): one row per tenant, scope and series holding the last
 * number taken. Taking a number is one upsert that inserts 1 or adds 1 and returns the result; its
 * row lock is held until the surrounding transaction (or single statement) ends, so concurrent
 * takers of one series wait in line and get consecutive numbers, and a rolled-back use hands its
 * number back. Run outside a transaction, the number would be used even if the caller's later work
 * failed: always take it in the transaction or statement that records what it numbers.
 * engine/numbering is the public face; these are its statements.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

export interface CounterKey {
  tenant: string;
  /** What is numbered: `process:<key>` for registration numbers, a register for letters. */
  scope: string;
  /** The series within the scope: the number format rendered except its counter. */
  series: string;
}

/** How a counter value is written: `prefix`, the value zero-padded to `width` (never cut), `suffix`. */
export interface NumberShape { prefix: string; suffix: string; width: number }

/**
 * The upsert taking the next number (or the next `count` numbers), returning `value` (bigint, the
 * last number taken) and `number` (its text, shaped in SQL so that a statement can use the number
 * in its other parts: `(select number from <cte>)`).
 * Holds the counter row's lock until the transaction or statement ends. Written out once rather
 * than built by the query builder: it is on every numbered start's path, and knex's
 * insert-with-merge compiled on each start was a third of the server time a number added.
 */
const TAKE_NUMBER_SQL = 'insert into "number_counter" ("scope", "series", "tenant_id", "updated_at", "value") values (?, ?, ?, ?, ?::bigint)'
  + ' on conflict ("tenant_id", "scope", "series") do update set "value" = number_counter.value + excluded.value, "updated_at" = excluded.updated_at'
  + " returning \"value\", ?::text || lpad(number_counter.value::text, greatest(?::int, length(number_counter.value::text)), '0') || ?::text as number";

export function takeNumberQuery(db: Db, key: CounterKey, at: Date, shape: NumberShape, count = 1): Knex.Raw {
  return db.raw(TAKE_NUMBER_SQL, [key.scope, key.series, key.tenant, at, count, shape.prefix, shape.width, shape.suffix]);
}

/**
 * The number `back` places before the last one `counter` (a takeNumberQuery of several numbers,
 * by its CTE name) took, shaped like it: `back` 0 is the last, count - 1 the first.
 */
export function earlierNumberQuery(db: Db, counter: string, back: number, shape: NumberShape): Knex.Raw {
  return db.raw("select ?::text || lpad(v::text, greatest(?::int, length(v::text)), '0') || ?::text as number from (select value - ? as v from ??) taken",
    [shape.prefix, shape.width, shape.suffix, back, counter]);
}

/** Takes the next number in the caller's transaction; see takeNumberQuery. */
export async function takeNumber(db: Db, key: CounterKey, at: Date, shape: NumberShape): Promise<{ value: number; number: string }> {
  const { rows: [row] } = await takeNumberQuery(db, key, at, shape) as { rows: { value: string | number; number: string }[] };
  return { value: Number(row.value), number: row.number };
}

/** The last number taken in a series (0 when none was). Reads without a lock. */
export async function lastNumber(db: Db, key: CounterKey): Promise<number> {
  const row = await db('number_counter').where({ tenant_id: key.tenant, scope: key.scope, series: key.series }).first('value');
  return row ? Number(row.value) : 0;
}
