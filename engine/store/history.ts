/**
 * The append-only history. Rows are only inserted, in the transaction of the step that caused
 * them; their id gives the order.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';
import { WrittenSql, placeholders } from './written-sql.js';

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
export function historyInsert(rows: readonly HistoryRow[]): WrittenSql {
  const values: Knex.Value[] = [];
  for (const r of rows) values.push(r.at, r.data ? JSON.stringify(r.data) : null, r.element_id, r.instance_id, r.tenant_id, r.type, r.username);
  return new WrittenSql(`insert into "history" ("at", "data", "element_id", "instance_id", "tenant_id", "type", "username") values ${new Array<string>(rows.length).fill(HISTORY_ROW).join(', ')}`, values);
}

const HISTORY_ROW = placeholders(7);

/** History of one instance in order. */
export async function historyOf(db: Db, instanceId: string, limit = 5000): Promise<(HistoryRow & { id: number })[]> {
  return db('history').where({ instance_id: instanceId }).orderBy('id').limit(limit);
}
