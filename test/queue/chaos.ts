/**
 * Chaos run of queue mode (`npm run chaos`; CHAOS_INSTANCES, CHAOS_WORKERS, CHAOS_KILL_EVERY_MS).
 * Starts N instances of a process with service tasks, a timer and a parallel join (processes.ts,
 * chaosProcess) on a fresh PostgreSQL database and Redis prefix, runs 3 worker processes
 * (`engine/worker.ts`, handlers from chaos-handlers.ts) and SIGKILLs one every few seconds,
 * restarting it at once. At the end (chaos-checks.ts): every instance completed, every history shows
 * each element completed, each job completed and the timer fired exactly once, every job row
 * completed and none in another state, no timer row or queued job left, no failed BullMQ job, and
 * the kills hit work in progress (redeliveries). Prints the counts; exits 1 when anything is off.
 * Needs DATABASE_URL and REDIS_URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { QueueEvents } from 'bullmq';
import { jobQueueName, TIMER_QUEUE } from '../../engine/runner/queue/names.js';
import knexPkg from 'knex';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { QueueRunner } from '../../engine/runner/queue/queue-runner.js';
import { queueOptions } from '../../engine/runner/queue/options.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { outboxCounts } from '../../engine/store/queue-feed.js';
import { createLogger } from '../../engine/observability/logger.js';
import { chaosProcess, CHAOS_ELEMENTS } from './processes.js';
import { deleteKeys } from './support.js';
import { bundleWorker } from '../../bench/queue/bundle.js';
import { judgeChaos } from './chaos-checks.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICE_TASKS = ['A', 'B', 'C', 'D'];

/** `workMs`: a handler run's mean time (CHAOS_WORK_MS, 5 ms by default); longer runs make a kill land on work in progress. */
export interface ChaosOptions { instances: number; workers: number; killEveryMs: number; timeoutMs: number; workMs?: number; log?: (line: string) => void }

export interface ChaosResult {
  ok: boolean;
  problems: string[];
  counts: Record<string, unknown>;
}

export async function runChaos(o: ChaosOptions): Promise<ChaosResult> {
  const say = o.log ?? ((line: string) => console.log(line));
  const url = process.env.DATABASE_URL!;
  const redisUrl = process.env.REDIS_URL!;
  const name = `alur_chaos_${randomBytes(5).toString('hex')}`;
  const prefix = `alurchaos${randomBytes(4).toString('hex')}`;
  const admin = knexPkg.knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: target.toString(), poolMax: 6 });
  await migrateToLatest(db.knex);
  const redis = new Redis(redisUrl);

  const bundle = await bundleWorker('test/queue/chaos-handlers.ts');
  const env = {
    ...process.env, DATABASE_URL: target.toString(), ALUR_QUEUE_PREFIX: prefix, ALUR_HANDLERS: bundle.handlers,
    ALUR_QUEUE_LOCK_MS: '4000', ALUR_QUEUE_STALLED_MS: '2000', ALUR_QUEUE_LEASE_MS: '6000', ALUR_QUEUE_RECONCILE_MS: '5000',
    ...(o.workMs === undefined ? {} : { CHAOS_WORK_MS: String(o.workMs) }),
    ALUR_QUEUE_POLL_MS: '250', ALUR_QUEUE_CONCURRENCY: '8', ALUR_LOG_LEVEL: process.env.CHAOS_WORKER_LOG ? 'debug' : 'error', ALUR_DB_POOL_MAX: '4',
  };
  const workers: (ChildProcess | undefined)[] = [];
  const bornAt: number[] = [];
  const spawnWorker = (slot: number) => {
    // Plain node on the bundled worker, so SIGKILL hits the process that holds the jobs and a restart takes a second.
    const out = process.env.CHAOS_WORKER_LOG ? openSync(process.env.CHAOS_WORKER_LOG, 'a') : 'ignore';
    const child = spawn(process.execPath, [bundle.worker], { cwd: ROOT, env, stdio: ['ignore', out, 'inherit'] });
    workers[slot] = child;
    bornAt[slot] = Date.now();
  };
  for (let i = 0; i < o.workers; i++) spawnWorker(i);

  const clock = new Clock();
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache() });
  // This process only starts instances and dispatches; the worker processes run everything.
  const runner = new QueueRunner(engine, new JobHandlerRegistry(), queueOptions(redisUrl, { prefix, workers: false, pollMs: 250, reconcileMs: 5000 }), undefined, createLogger({ level: 'error' }));
  await runner.start();
  // Failed BullMQ jobs are removed at once (removeOnFail), so they are counted as they fail.
  let bullFailed = 0;
  // BullMQ never closes a connection it was given: each listener's is kept and closed at the end
  // (left open, they kept the mocha process alive after the chaos spec).
  const listenerConnections: Redis[] = [];
  const events = [jobQueueName('chaos-step'), TIMER_QUEUE].map((queue) => {
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    listenerConnections.push(connection);
    const listener = new QueueEvents(queue, { connection, prefix });
    listener.on('failed', () => { bullFailed++; });
    return listener;
  });
  await Promise.all(events.map((listener) => listener.waitUntilReady()));
  const tenant = `chaos-${randomUUID().slice(0, 6)}`;
  await insertTenant(db.knex, { id: tenant, name: tenant, created_at: new Date() });
  const actor = { id: randomUUID(), username: 'chaos', tenant, roles: ['analyst'], groups: [] };
  await engine.deploy(actor, [chaosProcess('chaos', 'chaos-step', 'PT1S')]);

  let kills = 0;
  let stopKilling = false;
  const killer = (async () => {
    while (!stopKilling) {
      await new Promise((r) => setTimeout(r, o.killEveryMs));
      if (stopKilling) break;
      // The oldest worker: it is surely up and holding jobs (a fresh one may still be starting).
      const slot = bornAt.indexOf(Math.min(...bornAt));
      workers[slot]?.kill('SIGKILL');
      kills++;
      spawnWorker(slot);
    }
  })();

  const begin = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < o.instances; i++) ids.push((await engine.startInstance(actor, { processKey: 'chaos', variables: { n: i } })).instanceId);
  say(`started ${ids.length} instances in ${Date.now() - begin} ms; ${o.workers} workers, one SIGKILLed every ${o.killEveryMs} ms`);

  const problems: string[] = [];
  for (;;) {
    const rows: { state: string; n: string }[] = await db.knex('process_instance').select('state').count('* as n').groupBy('state');
    const byState = Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
    if ((byState.completed ?? 0) === o.instances) break;
    if (Date.now() - begin > o.timeoutMs) {
      problems.push(`timed out: ${JSON.stringify(byState)}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const elapsedMs = Date.now() - begin;
  stopKilling = true;
  await killer;
  // A worker SIGKILLed after its input committed leaves its BullMQ job active until the lock
  // expires and a living worker's stall check re-runs it (the service then ignores the stale
  // input). "No job left" is a property of the quiet system, so wait for the queues to drain,
  // bounded by a few lock periods (lock 4 s + stall check 2 s), before judging.
  const drainBy = Date.now() + 30_000;
  while (Date.now() < drainBy) {
    const d = await runner.depths();
    if (Object.values(d).every((x) => x.waiting + x.active + x.delayed === 0)) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const history: { instance_id: string; type: string; element_id: string | null; n: string }[] = await db.knex('history')
    .select('instance_id', 'type', 'element_id').count('* as n').whereIn('type', ['element.completed', 'job.completed', 'timer.fired', 'input.ignored'])
    .groupBy('instance_id', 'type', 'element_id');
  const per = new Map<string, number>();
  let ignored = 0;
  for (const r of history) {
    if (r.type === 'input.ignored') ignored += Number(r.n);
    else per.set(`${r.instance_id}|${r.type}|${r.element_id}`, Number(r.n));
  }
  const outbox = await outboxCounts(db.knex);
  const queued = await runner.queues.jobs('chaos-step').getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
  const depths = await runner.depths();
  const left = Object.values(depths).reduce((n, d) => n + d.waiting + d.active + d.delayed, 0);
  const failed = Object.values(depths).reduce((n, d) => n + d.failed, 0);
  const runs = Number(await redis.get(`${prefix}:chaos-runs`));
  problems.push(...judgeChaos({
    instanceIds: ids, elements: CHAOS_ELEMENTS, serviceTasks: SERVICE_TASKS, timer: 'Wait', history: per,
    jobRows: outbox.jobs, timersLeft: outbox.timers, queueLeft: left, queueFailed: failed + bullFailed,
    kills, handlerRuns: runs,
  }));

  const counts = {
    instances: o.instances, completed: Number((await db.knex('process_instance').where({ state: 'completed' }).count('* as n'))[0].n),
    workers: o.workers, kills, elapsedMs, jobRows: outbox.jobs, timersLeft: outbox.timers, handlerRuns: runs,
    jobsExpected: o.instances * SERVICE_TASKS.length, redeliveries: runs - o.instances * SERVICE_TASKS.length, ignoredInputs: ignored,
    queueLeft: left, bullmqFailed: failed + bullFailed, chaosQueue: queued,
  };

  for (const w of workers) w?.kill('SIGTERM');
  await Promise.all(workers.map((w) => (w && w.exitCode === null ? new Promise((r) => w.once('exit', r)) : undefined)));
  await runner.stop();
  await Promise.all(events.map((listener) => listener.close()));
  for (const connection of listenerConnections) connection.disconnect();
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await db.close();
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
  return { ok: problems.length === 0, problems, counts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    console.error('chaos needs DATABASE_URL and REDIS_URL');
    process.exit(2);
  }
  const result = await runChaos({
    instances: Number(process.env.CHAOS_INSTANCES ?? 1000), workers: Number(process.env.CHAOS_WORKERS ?? 3),
    killEveryMs: Number(process.env.CHAOS_KILL_EVERY_MS ?? 3000), timeoutMs: Number(process.env.CHAOS_TIMEOUT_MS ?? 15 * 60_000),
  });
  console.log(JSON.stringify(result.counts, null, 2));
  for (const p of result.problems) console.log(`PROBLEM: ${p}`);
  console.log(result.ok ? 'chaos: OK' : 'chaos: FAILED');
  process.exit(result.ok ? 0 : 1);
}
