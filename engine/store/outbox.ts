/**
 * Queries of queue mode over the job and timer tables (owned by engine/runner/queue). PostgreSQL
 * stays the source of truth: these read what must be in the queue and mark a job as taken by a
 * worker. They never change instance state — only the service does that.
 */
import type { Db } from './db.js';
import type { JobRow } from './jobs.js';
import type { TimerRow } from './timers.js';

/** What the dispatcher needs of a job row; never its payload. */
export interface PendingJob {
  id: string;
  effect_id: string;
  type: string;
  due_at: Date;
  created_at: Date;
}

/** Ready jobs created at or after `since` (oldest first), for the dispatcher's incremental pass. */
export async function readyJobsSince(db: Db, since: Date | null, limit: number): Promise<PendingJob[]> {
  const q = db('job').where('state', 'ready').select('id', 'effect_id', 'type', 'due_at', 'created_at').orderBy('created_at').limit(limit);
  if (since) q.andWhere('created_at', '>=', since);
  return q;
}

/**
 * Every job that should be in the queue: ready ones, and running ones whose lease ended (their
 * worker died, and Redis may have lost the job). Keyset-paged by id for the reconciler.
 */
export async function jobsToReconcile(db: Db, now: Date, afterId: string | null, limit: number): Promise<PendingJob[]> {
  const q = db('job')
    .where((w) => w.where('state', 'ready').orWhere((r) => r.where('state', 'running').andWhere('locked_until', '<=', now)))
    .select('id', 'effect_id', 'type', 'due_at', 'created_at').orderBy('id').limit(limit);
  if (afterId) q.andWhere('id', '>', afterId);
  return q;
}

export async function findJobById(db: Db, id: string): Promise<JobRow | undefined> {
  return db('job').where({ id }).first();
}

/**
 * Marks a ready or running job running with a fresh lease and counts the delivery. A running row
 * is taken over: the queue delivers it again only when its worker lost the job (killed, stalled).
 * Returns the row, or undefined when it is finished or cancelled.
 */
export async function takeJob(db: Db, id: string, now: Date, leaseMs: number): Promise<JobRow | undefined> {
  const rows: JobRow[] = await db('job').where({ id }).whereIn('state', ['ready', 'running'])
    .update({ state: 'running', locked_until: new Date(now.getTime() + leaseMs), attempts: db.raw('attempts + 1') })
    .returning('*');
  return rows[0];
}

/** Timers due before `until` (the dispatcher's horizon), keyset-paged by id. */
export async function timersDueBefore(db: Db, until: Date, afterId: string | null, limit: number): Promise<Pick<TimerRow, 'id' | 'due_at'>[]> {
  const q = db('timer').where('due_at', '<=', until).select('id', 'due_at').orderBy('id').limit(limit);
  if (afterId) q.andWhere('id', '>', afterId);
  return q;
}

/**
 * Locks one timer for firing. It waits for another transaction firing the same timer (rather
 * than skipping it): if that one rolls back, this one still fires, and if it commits the row is gone.
 */
export async function lockTimer(db: Db, id: string): Promise<TimerRow | undefined> {
  return db('timer').where({ id }).forUpdate().first();
}

/** Counts for the chaos test and /metrics: jobs by state, and timers. */
export async function outboxCounts(db: Db): Promise<{ jobs: Record<string, number>; timers: number }> {
  const rows: { state: string; n: string | number }[] = await db('job').select('state').count('* as n').groupBy('state');
  const [{ n }] = await db('timer').count('* as n');
  return { jobs: Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])), timers: Number(n) };
}
