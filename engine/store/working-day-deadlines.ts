/**
 * The cases a calendar change may move (service/replan.ts): those with a deadline counted in
 * working days that has not passed — an open task's due date, a timer, or the case's SLA (running
 * and not yet due, or paused before it was due) — in id order, a batch at a time. Each source is
 * read through its own partial index (migrations working_day_due_dates and case_sla).
 */
import type { Db } from './db.js';
import type { InstanceRow } from './instances.js';

/**
 * Up to `limit` ids of the tenant's cases with a pending working-day deadline, after `after`, in id
 * order. With `since`, only deadlines due at or after it (a paused SLA always: its due date is
 * still to be counted) — a holiday added or removed on day D moves no deadline due before D.
 */
export async function casesWithPendingDeadlines(db: Db, tenant: string, now: Date, after: string | null, limit: number, since?: Date): Promise<string[]> {
  const from = after ?? '00000000-0000-0000-0000-000000000000';
  const due = since && since > now ? since : now;
  const result = await db.raw(`select id from (
      (select t.instance_id as id from user_task t where t.tenant_id = ? and t.state = 'open' and t.due_working_days is not null and t.due_at > ? and t.instance_id > ? order by t.instance_id limit ?)
      union
      (select m.instance_id from timer m where m.tenant_id = ? and m.working_days and m.due_at > ? and m.instance_id > ? order by m.instance_id limit ?)
      union
      (select i.id from process_instance i where i.tenant_id = ? and i.state = 'active' and i.sla_due_at is not null
        and (i.sla_paused_at is not null or i.sla_due_at > ?) and i.sla_due_at > least(?::timestamptz, coalesce(i.sla_paused_at, ?::timestamptz)) and i.id > ? order by i.id limit ?)
    ) x order by id limit ?`, [tenant, due, from, limit, tenant, due, from, limit, tenant, due, now, now, from, limit, limit]);
  return (result.rows as { id: string }[]).map((r) => String(r.id));
}

/** The instance rows of `ids` (snapshots included), read without locks: their saves assert the versions read. */
export async function instancesByIds(db: Db, ids: string[]): Promise<InstanceRow[]> {
  if (ids.length === 0) return [];
  return db('process_instance').whereIn('id', ids);
}
