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
const names = new Map<string, Named>();
/** Texts seen once and not named yet; forgotten when many, so one-off texts cannot pile up. */
const seen = new Set<string>();

/** What a statement answers: node-pg's result (PGlite's driver answers the same shape). */
export interface SqlResult { rows: Record<string, unknown>[]; rowCount?: number | null }

/**
 * `sql` with its bindings, as a named prepared statement when the driver has them and the text
 * qualifies (above). On PostgreSQL outside a transaction — the one statement of a command, the
 * completion's read, a job's take — it goes straight to a pooled node-pg connection: knex's raw
 * query (its `?` scan, positioning, runner and response handling, per statement) was about a tenth
 * of the server's CPU per command (bench/README.md, "api"), for texts that are fixed and whose
 * positioned form is kept here with their name. It emits knex's `query`, `query-response` and
 * `query-error` events as knex does (specs and bench/api/trace-queries.ts count statements by
 * them). In a transaction, on PGlite, and for any text knex itself must rewrite (`??`, `\?`, a
 * binding that is a query or undefined), knex sends it as before.
 */
export function prepared(db: Db, sql: string, bindings: readonly Knex.Value[]): Promise<SqlResult> {
  const named = nameOf(db, sql);
  if (!(db as Knex.Transaction).isTransaction && (db.client as { config: { client?: unknown } }).config.client === 'pg' && plain(sql, bindings)) {
    return direct(db, named, sql, bindings);
  }
  const raw = db.raw(sql, bindings as Knex.Value[]);
  return (named === undefined ? raw : raw.options({ name: named.name })) as unknown as Promise<SqlResult>;
}

/** A name given to a text, with the text as node-pg takes it (`$1`, `$2`… for knex's `?`). */
interface Named { name: string; text: string }

function nameOf(db: Db, sql: string): Named | undefined {
  if ((db.client as { config: { client?: unknown } }).config.client !== 'pg') return undefined;
  const known = names.get(sql);
  if (known !== undefined || names.size >= PREPARED_TEXTS || sql.length > PREPARED_MAX_CHARS) return known;
  if (!seen.has(sql)) {
    if (seen.size >= 1000) seen.clear();
    seen.add(sql);
    return undefined;
  }
  seen.delete(sql);
  const named = { name: `alur_${++lastName}`, text: positioned(sql) };
  names.set(sql, named);
  return named;
}

/** Whether knex would send `sql` with `bindings` unchanged but for positioning: no identifier or escaped placeholders, no binding it would inline or refuse. */
function plain(sql: string, bindings: readonly Knex.Value[]): boolean {
  if (sql.includes('??') || sql.includes('\\')) return false;
  for (const b of bindings) {
    if (b === undefined || (b !== null && typeof b === 'object' && typeof (b as { toSQL?: unknown }).toSQL === 'function')) return false;
  }
  return true;
}

/** knex's `?` placeholders as node-pg's `$n` (the text has no escaped ones: `plain`). */
function positioned(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

interface PgConnection { query(config: { name?: string; text: string; values: unknown[] }): Promise<SqlResult>; __knexUid?: string }
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
  emit(event: string, ...args: unknown[]): boolean;
}

let lastQuery = 0;

async function direct(db: Db, named: Named | undefined, sql: string, bindings: readonly Knex.Value[]): Promise<SqlResult> {
  const client = db.client as unknown as KnexClient;
  const text = named?.text ?? positioned(sql);
  const connection = await client.acquireConnection();
  const query = { method: 'raw', sql: text, bindings, options: named ? { name: named.name } : undefined, __knexUid: connection.__knexUid, __knexQueryUid: `alur-q${++lastQuery}` };
  try {
    client.emit('query', query);
    const result = await connection.query({ name: named?.name, text, values: bindings as unknown[] });
    client.emit('query-response', result, query);
    return result;
  } catch (err) {
    client.emit('query-error', err, query);
    throw err;
  } finally {
    await client.releaseConnection(connection);
  }
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
