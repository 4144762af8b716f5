/**
 * Numbered starts of one series go to the database together, like a group commit: while a
 * statement taking numbers of a series is in flight from this process, the starts that come
 * meanwhile wait here, then go as ONE statement that raises the counter by their number and gives
 * each its own (the first to come the lowest). A start that finds the series idle goes at once,
 * alone, exactly as it would without this file.
 *
 * Why: a number is gap-free because the counter row stays locked from the upsert until the commit,
 * so the takers of a series are served one at a time. Sent one statement each, every taker pays
 * the commit's flush inside that window, and each one queued in PostgreSQL on the row wakes at
 * every number taken, finds the row changed and looks it up again: its CPU per number grew with
 * the waiters (0.87 → 1.70 ms at 32 concurrent starts) and numbered starts reached 0.70 of plain
 * ones (bench/README.md, "registration numbers"). Together they take one lock, one flush and one
 * statement for many, and nobody waits on the row.
 *
 * What stays: each start's rows are written in the same statement as its number (a refused start
 * never gets here; a statement that fails writes nothing and uses no number); several processes
 * (servers, queue workers) each batch their own and the row lock still orders them. A statement of
 * several starts that fails for any reason — one start's check, a deadlock — hands each start back
 * to run again on its own, in a transaction (NeedsTransaction), where its own error, if any, is
 * met alone. Only starts whose writes are all plain inserts go together (rows of their own new
 * instance, which no other start touches); others go alone, in their turn.
 */
import type { Db } from './db.js';
import { sendStatement, NeedsTransaction, MAX_BINDINGS, type Statement, type Queued } from './executor.js';
import { takeNumberQuery, earlierNumberQuery, type CounterKey, type NumberShape } from './counters.js';
import { TAKEN_NUMBER } from './taken-number.js';

/**
 * Statements of one series this process has in flight at once (ALUR_NUMBER_IN_FLIGHT; 0 — off, each
 * start sends its own statement at once). 1: on a quiet machine (two runs, 14:19 and 14:22 UTC on
 * 2026-12-07) numbered starts ran at 1.09–1.12 / 0.99–1.13 / 1.38–1.55 of plain ones at 1 / 8 / 32
 * clients with 1, against 0.91–0.96 / 0.68–1.05 / 0.78–0.87 with 0 and 0.91–1.29 with 2; the
 * loaded machine's runs (where batching lost at 8 clients) could not decide (bench/README.md,
 * "registration numbers").
 */
export const IN_FLIGHT_PER_SERIES = 1;
/**
 * Most starts in one statement: PostgreSQL's planning and executor start-up of a statement grow
 * faster than its parts (16 starts' parts plan and run in several times the time of 16 single
 * starts on the loaded machine), and 16 measured better than 4 or 64.
 */
const MAX_TOGETHER = 16;

interface Member {
  db: Db;
  statement: Statement;
  key: CounterKey;
  shape: NumberShape;
  at: Date;
  resolve: (number: string) => void;
  reject: (err: unknown) => void;
}

interface Line { inFlight: number; waiting: Member[] }

export class NumberedBatches {
  private readonly lines = new Map<string, Line>();
  /** Starts sent in statements of several (specs, and what the bench reads). */
  together = 0;

  /** `inFlight` 0: no batching, every statement goes at once on its own (as before this file). */
  constructor(private readonly inFlight = IN_FLIGHT_PER_SERIES) {}

  /**
   * Sends `statement` — one unit of work's, which takes one number of `key` in its part named
   * TAKEN_NUMBER.cte — alone or together with others of the series, and answers its number.
   */
  async send(db: Db, statement: Statement, key: CounterKey, shape: NumberShape, at: Date): Promise<string> {
    if (this.inFlight <= 0) return (await sendStatement(db, statement))[0];
    const id = `${key.tenant}\u0000${key.scope}\u0000${key.series}`;
    let line = this.lines.get(id);
    if (!line) this.lines.set(id, (line = { inFlight: 0, waiting: [] }));
    const taken = new Promise<string>((resolve, reject) => line.waiting.push({ db, statement, key, shape, at, resolve, reject }));
    this.pump(id, line);
    return taken;
  }

  /** Starts and waiting at `key` now (for specs). */
  waiting(key: CounterKey): number {
    return this.lines.get(`${key.tenant}\u0000${key.scope}\u0000${key.series}`)?.waiting.length ?? 0;
  }

  private pump(id: string, line: Line): void {
    while (line.inFlight < this.inFlight && line.waiting.length) {
      const members = together(line.waiting);
      line.waiting.splice(0, members.length);
      line.inFlight++;
      if (members.length > 1) this.together += members.length;
      void run(members).finally(() => {
        line.inFlight--;
        if (line.inFlight === 0 && line.waiting.length === 0) this.lines.delete(id);
        else this.pump(id, line);
      });
    }
  }
}

/** The first waiting start, and those after it that may share its statement. */
function together(waiting: readonly Member[]): Member[] {
  const [first] = waiting;
  if (!insertsOnly(first.statement)) return [first];
  const members = [first];
  let bindings = bindingsOf(first.statement);
  for (const next of waiting.slice(1, MAX_TOGETHER)) {
    const more = bindingsOf(next.statement);
    if (next.db !== first.db || !insertsOnly(next.statement) || bindings + more > MAX_BINDINGS) break;
    members.push(next);
    bindings += more;
  }
  return members;
}

function insertsOnly(statement: Statement): boolean {
  return statement.parts.every((p) => p.name === TAKEN_NUMBER.cte || (p.insert && !p.expect && !p.name));
}

function bindingsOf(statement: Statement): number {
  return statement.parts.reduce((n, p) => n + p.values.length, 0);
}

async function run(members: Member[]): Promise<void> {
  if (members.length === 1) {
    const [only] = members;
    try {
      only.resolve((await sendStatement(only.db, only.statement))[0]);
    } catch (err) {
      only.reject(err);
    }
    return;
  }
  try {
    const numbers = await sendStatement(members[0].db, merged(members));
    members.forEach((m, i) => m.resolve(numbers[i]));
  } catch (err) {
    const again = new NeedsTransaction(`a statement of ${members.length} numbered starts failed: ${(err as Error).message}`);
    for (const m of members) m.reject(again);
  }
}

/**
 * One statement for `members`: the counter raised by their number (part TAKEN_NUMBER.cte), member
 * i's number in part `taken_number_i` (the first member the lowest), and each member's own parts,
 * which read `"taken_number"` (taken-number.ts), reading its `taken_number_i` instead. The name is
 * an identifier in the parts' compiled SQL text (values are bound apart), so renaming it there
 * touches nothing else.
 */
function merged(members: Member[]): Statement {
  const { db, key, shape } = members[0];
  const at = members[members.length - 1].at;
  const k = members.length;
  const compiled = (name: string, query: ReturnType<typeof takeNumberQuery>): Queued => {
    const { sql, bindings } = query.toSQL();
    return { table: 'number_counter', query, name, sql, values: bindings };
  };
  const own = (i: number) => `${TAKEN_NUMBER.cte}_${i}`;
  const parts: Queued[] = [compiled(TAKEN_NUMBER.cte, takeNumberQuery(db, key, at, shape, k))];
  members.forEach((_, i) => parts.push(compiled(own(i), earlierNumberQuery(db, TAKEN_NUMBER.cte, k - 1 - i, shape))));
  members.forEach((m, i) => {
    for (const p of m.statement.parts) {
      if (p.name === TAKEN_NUMBER.cte) continue;
      parts.push({ ...p, sql: p.sql.split(`"${TAKEN_NUMBER.cte}"`).join(`"${own(i)}"`) });
    }
  });
  const assumptions = new Map(members.flatMap((m) => m.statement.assumptions.map((a) => [JSON.stringify(a), a] as const)));
  return { parts, assumptions: [...assumptions.values()], numbers: members.map((_, i) => own(i)) };
}
