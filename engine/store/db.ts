/** What every repository function takes: the root knex or a transaction (the caller decides). */
import type { Knex } from 'knex';

export type Db = Knex | Knex.Transaction;

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
