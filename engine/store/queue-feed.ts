/**
 * What feeds the queue in queue mode (engine/runner/queue): reads of the outbox — the job and
 * timer rows every command writes with the state that caused them — telling the dispatcher and
 * the reconciler what must be in BullMQ. PostgreSQL stays the source of truth; nothing here
 * writes. (Taking a job to run is jobs.ts `takeJob`; firing a timer, the engine's `fireTimer`.)
 */
import type { Db } from './db.js';
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

/** Timers due before `until` (the dispatcher's horizon), keyset-paged by id. */
export async function timersDueBefore(db: Db, until: Date, afterId: string | null, limit: number): Promise<Pick<TimerRow, 'id' | 'due_at'>[]> {
  const q = db('timer').where('due_at', '<=', until).select('id', 'due_at').orderBy('id').limit(limit);
  if (afterId) q.andWhere('id', '>', afterId);
  return q;
}

/** Counts for the chaos test and /metrics: jobs by state, and timers. */
export async function outboxCounts(db: Db): Promise<{ jobs: Record<string, number>; timers: number }> {
  const rows: { state: string; n: string | number }[] = await db('job').select('state').count('* as n').groupBy('state');
  const [{ n }] = await db('timer').count('* as n');
  return { jobs: Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])), timers: Number(n) };
}
