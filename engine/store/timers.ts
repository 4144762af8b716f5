/**
 * Timers: instance timers (instance_id + key) and timer start events (definition_id). Firing
 * deletes the row in the same transaction as the input it feeds, so a timer fires once.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

export interface TimerRow {
  id: string;
  tenant_id: string;
  instance_id: string | null;
  key: number | null;
  definition_id: string | null;
  element_id: string;
  due_at: Date;
  repeat: { left: number | null; every: string } | null;
  /** The due time is one `add working days` call: a calendar change counts it again (absent: false). */
  working_days?: boolean;
}

/** Schedules the timer of instance+key, replacing an earlier due time (a cycle's next round). */
export function upsertTimer(db: Db, row: TimerRow): Knex.QueryBuilder {
  return db('timer').insert({ ...row, repeat: row.repeat ? JSON.stringify(row.repeat) : null }).onConflict(['instance_id', 'key']).merge(['due_at', 'element_id', 'working_days']);
}

/** Inserts a start-event timer of a definition. */
export function insertStartTimer(db: Db, row: TimerRow): Knex.QueryBuilder {
  return db('timer').insert({ ...row, repeat: row.repeat ? JSON.stringify(row.repeat) : null });
}

/** Removes the timer of instance+key; running twice is harmless. */
export function deleteTimer(db: Db, instanceId: string, key: number): Knex.QueryBuilder {
  return db('timer').where({ instance_id: instanceId, key }).delete();
}

/** Removes the start-event timers of earlier versions of a process (a new version replaces them). */
export async function deleteStartTimers(db: Db, definitionIds: string[]): Promise<void> {
  if (definitionIds.length) await db('timer').whereIn('definition_id', definitionIds).delete();
}

/** Claims one due timer (FOR UPDATE SKIP LOCKED), of `tenant` when given; the caller deletes it in the same transaction. */
export async function claimDueTimer(db: Db, now: Date, tenant?: string): Promise<TimerRow | undefined> {
  const q = db('timer').where('due_at', '<=', now);
  if (tenant !== undefined) q.andWhere('tenant_id', tenant);
  return q.orderBy('due_at').forUpdate().skipLocked().first();
}

/** Tenants with a due timer, the longest-waiting first (the runner takes turns between them). */
export async function dueTimerTenants(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db('timer').where('due_at', '<=', now).groupBy('tenant_id').select('tenant_id').min('due_at as first').orderBy('first').limit(limit);
  return rows.map((r) => String(r.tenant_id));
}

/** Removes a timer that fired (by its row id). */
export function deleteTimerById(db: Db, id: string): Knex.QueryBuilder {
  return db('timer').where({ id }).delete();
}

/** Earliest due time of any timer, for the runner's sleep. */
export async function nextTimerDue(db: Db): Promise<Date | undefined> {
  const row = await db('timer').min('due_at as at').first();
  return row?.at ?? undefined;
}

/**
 * Locks one timer for firing. It waits for another transaction firing the same timer (rather
 * than skipping it): if that one rolls back, this one still fires, and if it commits the row is gone.
 */
export async function lockTimer(db: Db, id: string): Promise<TimerRow | undefined> {
  return db('timer').where({ id }).forUpdate().first();
}
