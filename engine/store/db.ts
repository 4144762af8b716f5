/** What every repository function takes: the root knex or a transaction (the caller decides). */
import type { Knex } from 'knex';

export type Db = Knex | Knex.Transaction;

/**
 * Most statements PostgreSQL receives from commands have one of a few texts (a start's, a
 * completion's read and write, a job's take and outcome), yet as unnamed statements each is
 * parsed, analysed and planned again: about two fifths of the backends' CPU per command
 * (bench/README.md, "store"). Named, node-pg parses one once per connection and PostgreSQL keeps
 * its plan (generic after five runs, as plan_cache_mode says). A connection keeps what it
 * prepared until it closes — about 100 KiB a statement — so a text gets a name only when it came
 * again (one-off texts, such as a batch's, never do) and is not long, and only the first
 * PREPARED_TEXTS such texts do; the rest run unnamed, as all did. PGlite gets no names (its driver
 * has no named statements).
 */
export const PREPARED_TEXTS = 64;
/** Longest text named (a statement of many rows is rarely repeated and costs its size in every connection). */
const PREPARED_MAX_CHARS = 8_000;
const names = new Map<string, string>();
/** Texts seen once and not named yet; forgotten when many, so one-off texts cannot pile up. */
const seen = new Set<string>();

/** `sql` with its bindings, as a named prepared statement when the driver has them and the text qualifies (above). */
export function prepared(db: Db, sql: string, bindings: readonly Knex.Value[]): Knex.Raw {
  const raw = db.raw(sql, bindings as Knex.Value[]);
  const name = nameOf(db, sql);
  return name === undefined ? raw : raw.options({ name });
}

function nameOf(db: Db, sql: string): string | undefined {
  if ((db.client as { config: { client?: unknown } }).config.client !== 'pg') return undefined;
  const known = names.get(sql);
  if (known !== undefined || names.size >= PREPARED_TEXTS || sql.length > PREPARED_MAX_CHARS) return known;
  if (!seen.has(sql)) {
    if (seen.size >= 1000) seen.clear();
    seen.add(sql);
    return undefined;
  }
  seen.delete(sql);
  const name = `alur_${++lastName}`;
  names.set(sql, name);
  return name;
}

/** Names are never given twice, even after forgetPreparedTexts: a connection that prepared an old name keeps its text. */
let lastName = 0;

/**
 * For specs: forget which texts have names, so the next texts can be named although earlier specs
 * of the same process used up PREPARED_TEXTS (prepared.spec failed in the whole suite, passed alone).
 */
export function forgetPreparedTexts(): void {
  names.clear();
  seen.clear();
}

/** Whether the database answers a trivial query (for /health); throws when it does not. */
export async function databaseAnswers(db: Db): Promise<void> {
  await db.raw('select 1');
}

/** Page of a list query: `{ items, total }` as the API returns it. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  limit: number;
  offset: number;
}

/** Runs a count and a page of the same filtered query. */
export async function paged<T>(query: Knex.QueryBuilder, page: PageQuery, order: (q: Knex.QueryBuilder) => Knex.QueryBuilder): Promise<Page<T>> {
  const [{ n }] = await query.clone().clearSelect().clearOrder().count('* as n');
  const items = await order(query.clone()).limit(page.limit).offset(page.offset);
  return { items: items as T[], total: Number(n) };
}
