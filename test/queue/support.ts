/**
 * Queue-mode specs run against real PostgreSQL and Redis, only when DATABASE_URL and REDIS_URL
 * are set. Each harness has its own database (created and dropped) and its own Redis key prefix
 * (whose keys are deleted at the end), so runs never see each other. Timings are short so the
 * specs finish in seconds; the clock is real because BullMQ delays are real.
 */
import { randomUUID, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Redis } from 'ioredis';
import { backends } from '../store/backends.js';
import type { Database } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { QueueRunner } from '../../engine/runner/queue/queue-runner.js';
import { queueOptions, type QueueOptions } from '../../engine/runner/queue/options.js';
import { insertTenant } from '../../engine/store/tenants.js';
import type { Actor } from '../../engine/service/actor.js';
import { createLogger, type Logger } from '../../engine/observability/logger.js';
import { createMetrics, metricsObserver, registerQueueDepths, type Metrics } from '../../engine/observability/metrics.js';

export const queueServices = Boolean(process.env.REDIS_URL && process.env.DATABASE_URL);

/** describe() only when PostgreSQL and Redis are configured. */
export function describeQueue(title: string, suite: (this: Mocha.Suite) => void): void {
  if (queueServices) describe(title, suite);
}

/** Short timings for specs: fast passes, fast stall detection, short backoff. */
export function fastOptions(prefix: string, overrides: Partial<QueueOptions> = {}): QueueOptions {
  return queueOptions(process.env.REDIS_URL!, {
    prefix, pollMs: 100, reconcileMs: 500, lockMs: 2000, stalledIntervalMs: 1000, leaseMs: 3000,
    backoff: { baseMs: 100, maxMs: 1000 }, ...overrides,
  });
}

export interface QueueHarness {
  db: Database;
  engine: Engine;
  registry: JobHandlerRegistry;
  runner: QueueRunner;
  metrics: Metrics;
  redis: Redis;
  prefix: string;
  tenant: string;
  analyst: Actor;
  /** Deletes every key under the prefix: Redis "loses everything" for this run only. */
  flushPrefix(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Deletes every key matching `pattern` inside one Lua script, which Redis runs atomically: the
 * loss is instant, as with FLUSHALL, but touches only this run's prefix (other runs share Redis).
 */
const DELETE_MATCHING = `local cursor = '0'
local n = 0
repeat
  local r = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = r[1]
  for _, k in ipairs(r[2]) do redis.call('DEL', k); n = n + 1 end
until cursor == '0'
return n`;

export async function deleteKeys(redis: Redis, pattern: string): Promise<number> {
  return Number(await redis.eval(DELETE_MATCHING, 0, pattern));
}

/** A database, an engine and a queue runner; handlers are registered before `runner.start()`. */
export async function openQueueHarness(overrides: Partial<QueueOptions> = {}, logger?: Logger): Promise<QueueHarness> {
  const backend = backends().find((b) => b.name === 'postgres')!;
  const db = await backend.open();
  const prefix = `alurtest${randomBytes(4).toString('hex')}`;
  const clock = new Clock();
  const metrics = createMetrics();
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), observers: [metricsObserver(metrics)] });
  const registry = new JobHandlerRegistry();
  const runner = new QueueRunner(engine, registry, fastOptions(prefix, overrides), metrics, logger ?? createLogger(process.env.ALUR_TEST_LOG ? { level: 'debug', destination: createWriteStream(process.env.ALUR_TEST_LOG, { flags: 'a' }) } : { level: 'silent' }));
  registerQueueDepths(metrics, () => runner.depths());
  const redis = new Redis(process.env.REDIS_URL!);
  const tenant = `q-${randomUUID().slice(0, 8)}`;
  await insertTenant(db.knex, { id: tenant, name: tenant, created_at: new Date() });
  const analyst: Actor = { id: randomUUID(), username: 'ana', tenant, roles: ['analyst', 'staff'], groups: [] };
  const flushPrefix = () => deleteKeys(redis, `${prefix}:*`);
  return {
    db, engine, registry, runner, metrics, redis, prefix, tenant, analyst, flushPrefix,
    async close() {
      await runner.stop();
      await flushPrefix();
      redis.disconnect();
      await db.close();
    },
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
