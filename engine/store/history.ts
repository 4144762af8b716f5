/**
 * The append-only history. Rows are only inserted, in the transaction of the step that caused
 * them; their id gives the order.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

export interface HistoryRow {
  tenant_id: string;
  instance_id: string;
  at: Date;
  type: string;
  element_id: string | null;
  username: string | null;
  data: Record<string, unknown> | null;
}

/** The insert of `rows` (at least one). */
export function historyInsert(db: Db, rows: HistoryRow[]): Knex.QueryBuilder {
  return db('history').insert(rows.map((r) => ({ ...r, data: r.data ? JSON.stringify(r.data) : null })));
}

/** History of one instance in order. */
export async function historyOf(db: Db, instanceId: string, limit = 5000): Promise<(HistoryRow & { id: number })[]> {
  return db('history').where({ instance_id: instanceId }).orderBy('id').limit(limit);
}
