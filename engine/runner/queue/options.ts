/**
 * Settings of queue mode, read from the environment once by the entry points (main.ts,
 * worker.ts) and passed down. Every number has a default that suits one small server.
 */
import type { Backoff } from '../execute.js';
import { parseTypeLimits, type TypeLimit } from './limits.js';

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
}

function num(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

export function queueOptions(redisUrl: string, overrides: Partial<QueueOptions> = {}): QueueOptions {
  return {
    redisUrl, prefix: 'alur', workers: true, pollMs: 1000, horizonMs: 10 * 60_000, marginMs: 5000, batch: 1000,
    reconcileMs: 60_000, lockMs: 30_000, stalledIntervalMs: 15_000, leaseMs: 5 * 60_000,
    backoff: { baseMs: 1000, maxMs: 5 * 60_000 }, limits: parseTypeLimits(undefined, 4), timerConcurrency: 8,
    ...overrides,
  };
}

/** Queue options from ALUR_QUEUE_* variables (see the README, "Queue mode and workers"). */
export function queueOptionsFromEnv(redisUrl: string, env: NodeJS.ProcessEnv, workers = true): QueueOptions {
  return queueOptions(redisUrl, {
    prefix: env.ALUR_QUEUE_PREFIX || 'alur',
    workers,
    pollMs: num(env, 'ALUR_QUEUE_POLL_MS', 1000),
    reconcileMs: num(env, 'ALUR_QUEUE_RECONCILE_MS', 60_000),
    lockMs: num(env, 'ALUR_QUEUE_LOCK_MS', 30_000),
    stalledIntervalMs: num(env, 'ALUR_QUEUE_STALLED_MS', 15_000),
    leaseMs: num(env, 'ALUR_QUEUE_LEASE_MS', 5 * 60_000),
    backoff: { baseMs: num(env, 'ALUR_JOB_BACKOFF_MS', 1000), maxMs: num(env, 'ALUR_JOB_MAX_BACKOFF_MS', 5 * 60_000) },
    limits: parseTypeLimits(env.ALUR_QUEUE_LIMITS, num(env, 'ALUR_QUEUE_CONCURRENCY', 4)),
    timerConcurrency: num(env, 'ALUR_TIMER_CONCURRENCY', 8),
  });
}
