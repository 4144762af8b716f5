/**
 * Pending deadlines counted in working days, read and moved in batches when a tenant's calendar
 * changes. Only due dates still ahead move: one already passed stays where it was.
 */
import type { Db } from './db.js';

export interface PendingDue { id: string; due_from: string; due_working_days: number; due_at: Date }

/** Open tasks of the tenant due in working days after `now`, in id order after `after`. */
export async function pendingTaskDues(db: Db, tenant: string, now: Date, after: string | null, limit: number): Promise<PendingDue[]> {
  const q = db('user_task').where({ tenant_id: tenant, state: 'open' }).whereNotNull('due_working_days').where('due_at', '>', now)
    .select('id', 'due_from', 'due_working_days', 'due_at').orderBy('id').limit(limit);
  if (after) q.where('id', '>', after);
  return q;
}

/** Sets new due dates in one statement; a task closed meanwhile keeps its row as it was. */
export async function moveTaskDues(db: Db, tenant: string, moves: Array<{ id: string; due_at: Date }>): Promise<number> {
  if (moves.length === 0) return 0;
  const values = moves.map(() => '(?::uuid, ?::timestamptz)').join(', ');
  const bindings = moves.flatMap((m) => [m.id, m.due_at.toISOString()]);
  const result = await db.raw(`UPDATE user_task AS t SET due_at = v.due_at FROM (VALUES ${values}) AS v(id, due_at) WHERE t.id = v.id AND t.tenant_id = ? AND t.state = 'open'`, [...bindings, tenant]);
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}
