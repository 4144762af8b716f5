/**
 * Handler module of the chaos run, loaded by each worker through ALUR_HANDLERS (the same way an
 * integrator adds handlers). `chaos-step` takes a few milliseconds and counts every run in
 * Redis, so the run can show deliveries (at least once) beside transitions (exactly once).
 */
import { Redis } from 'ioredis';
import type { JobHandlerRegistry } from '../../engine/runner/registry.js';

export function register(registry: JobHandlerRegistry): void {
  const prefix = process.env.ALUR_QUEUE_PREFIX ?? 'alur';
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const workMs = Number(process.env.CHAOS_WORK_MS ?? 5);
  registry.register('chaos-step', async (job) => {
    await redis.incr(`${prefix}:chaos-runs`);
    await new Promise((r) => setTimeout(r, workMs * (0.5 + Math.random())));
    return { variables: { [`done_${job.elementId}`]: true } };
  });
}
