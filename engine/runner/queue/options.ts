/**
 * Settings of queue mode: config.ts reads them from the environment (ALUR_QUEUE_*), the entry
 * points pass them down. Every number has a default that suits one small server.
 */
import type { Backoff } from '../execute.js';
import { parseTypeLimits, type TypeLimit } from './limits.js';
import { DEFAULT_UNCLAIMED_JOB_MS } from '../unclaimed.js';

export interface QueueOptions {
  redisUrl: string;
  /** Redis key prefix (BullMQ `prefix`); one per deployment or test run. */
  prefix: string;
  /** Run workers in this process (false: dispatch only). */
  workers: boolean;
  pollMs: number;
  horizonMs: number;
  marginMs: number;
  batch: number;
  reconcileMs: number;
  lockMs: number;
  stalledIntervalMs: number;
  leaseMs: number;
  backoff: Backoff;
  limits: (type: string) => TypeLimit;
  timerConcurrency: number;
  /** A due job nobody took for this long becomes an incident (runner/unclaimed.ts). */
  unclaimedJobMs: number;
  /**
   * Eager continuation (workers.ts): a worker runs the next job of the case it just stepped, of the
   * same type, itself — at most `max` jobs in a row and only while the run is younger than `ms`,
   * then the next job goes to the back of the queue like any other. `max` 1 turns it off.
   */
  chain: { max: number; ms: number };
}

export function queueOptions(redisUrl: string, overrides: Partial<QueueOptions> = {}): QueueOptions {
  return {
    redisUrl, prefix: 'alur', workers: true, pollMs: 1000, horizonMs: 10 * 60_000, marginMs: 5000, batch: 1000,
    reconcileMs: 60_000, lockMs: 30_000, stalledIntervalMs: 15_000, leaseMs: 5 * 60_000,
    backoff: { baseMs: 1000, maxMs: 5 * 60_000 }, limits: parseTypeLimits(undefined, 4), timerConcurrency: 8, unclaimedJobMs: DEFAULT_UNCLAIMED_JOB_MS,
    chain: { max: 10, ms: 2000 },
    ...overrides,
  };
}
