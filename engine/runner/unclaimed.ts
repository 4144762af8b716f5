/**
 * Cases stuck at a service task that nobody handles (e.g. a pack's `tte-sign` before the regency
 * registers a handler for it) become incidents after a wait, instead of waiting silently: a job
 * row still `ready` `waitMs` after it was due fails with no retries left, so the core raises a
 * `job` incident naming the type. Retrying the incident (once a handler is registered) queues the
 * job again. Both runners sweep on their passes; the rows are taken with SKIP LOCKED, so several
 * processes sweeping together fail each job once.
 */
import type { Engine } from '../service/engine.js';
import { attemptOf, takeUnclaimedJob } from '../store/jobs.js';

/** How long a due job may wait for someone to take it before it becomes an incident (ALUR_UNCLAIMED_JOB_MINUTES). */
export const DEFAULT_UNCLAIMED_JOB_MS = 15 * 60_000;

/** The incident message: no personal data, the type and the wait only. */
export function unclaimedMessage(type: string, waitMs: number): string {
  const minutes = Math.round(waitMs / 60_000);
  return `no worker took job type "${type}" within ${minutes} minute${minutes === 1 ? '' : 's'}: is a handler registered for it?`;
}

/** Fails up to `limit` jobs nobody took within `waitMs` of their due time; returns how many. */
export async function failUnclaimedJobs(engine: Engine, waitMs: number, limit = 100): Promise<number> {
  let failed = 0;
  for (; failed < limit; failed++) {
    const now = engine.deps.clock.now();
    const taken = await takeUnclaimedJob(engine.deps.knex, new Date(now.getTime() - waitMs), now, 60_000);
    if (!taken) break;
    const { job, instance } = taken;
    await engine.finishJob(job, { type: 'job.fail', key: job.key, attempt: attemptOf(job), retries: 0, message: unclaimedMessage(job.type, waitMs), params: { text: 'unclaimed', type: job.type, minutes: Math.round(waitMs / 60_000) } }, instance);
  }
  return failed;
}
