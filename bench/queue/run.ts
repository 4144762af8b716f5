/**
 * bench/queue: Alur in queue mode end to end — instances/s for start → 5 service tasks → end (with
 * and without eager continuation, ALUR_QUEUE_CHAIN_MAX=1) and for the 10-branch parallel process,
 * with 1 and 3 worker processes (bundled engine/worker.ts
 * with a no-op handler) — beside `pgbench -N` and a no-op BullMQ queue measured in the same run.
 * Each Alur measurement has a fresh database and Redis prefix; this process starts the instances
 * (BENCH_STARTERS at a time) and dispatches, the workers run every job.
 * Reproduce: `npm run bench:queue` (needs DATABASE_URL, REDIS_URL, pgbench and psql).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import knexPkg from 'knex';
import { Redis } from 'ioredis';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { QueueRunner } from '../../engine/runner/queue/queue-runner.js';
import { queueOptions } from '../../engine/runner/queue/options.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { createLogger } from '../../engine/observability/logger.js';
import { chainProcess, parallelProcess } from '../../test/queue/processes.js';
import { deleteKeys } from '../../test/queue/support.js';
import { bundleWorker } from './bundle.js';
import { pgbench, noopBullmq } from './baselines.js';

const url = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!url || !redisUrl) {
  console.error('bench:queue needs DATABASE_URL and REDIS_URL');
  process.exit(2);
}
const N_CHAIN = Number(process.env.BENCH_CHAIN_INSTANCES ?? 1000);
const N_PARALLEL = Number(process.env.BENCH_PARALLEL_INSTANCES ?? 300);
const STARTERS = Number(process.env.BENCH_STARTERS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_ONLY=chain5:1 measures that shape with that many workers only (keys chain5, chain5-queued, par10; workers 1, 3).
const ONLY = process.env.BENCH_ONLY?.split(',');
// BENCH_PROFILE=<dir>: CPU profiles of the worker processes (node --cpu-prof) land there.
const PROFILE = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

/** Every worker process started, killed when this process exits (a failed run must not leave them running, holding its output open). */
const spawned: ChildProcess[] = [];
process.on('exit', () => { for (const w of spawned) if (w.exitCode === null) w.kill('SIGKILL'); });

interface Shape { name: string; key: string; process?: string; jobsPer: number; file: { name: string; content: Buffer }; instances: number; env?: Record<string, string> }
const shapes: Shape[] = [
  { name: 'start → 5 service tasks → end', key: 'chain5', jobsPer: 5, file: chainProcess('chain5', 5, 'bench-noop'), instances: N_CHAIN },
  // The same chain with eager continuation off: every job through Redis and its own take (the figure before it).
  { name: 'start → 5 service tasks → end, no eager continuation', key: 'chain5-queued', process: 'chain5', jobsPer: 5, file: chainProcess('chain5', 5, 'bench-noop'), instances: N_CHAIN, env: { ALUR_QUEUE_CHAIN_MAX: '1' } },
  { name: '10-branch parallel fork/join', key: 'par10', jobsPer: 10, file: parallelProcess('par10', 10, 'bench-noop'), instances: N_PARALLEL },
];

async function measure(shape: Shape, workerCount: number, bundle: { worker: string; handlers: string }): Promise<{ instPerSec: number; jobsPerSec: number; seconds: number }> {
  const name = `alur_bench_${randomBytes(5).toString('hex')}`;
  const prefix = `alurbench${randomBytes(4).toString('hex')}`;
  const admin = knexPkg.knex({ client: 'pg', connection: url!, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ${name}`);
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: target.toString(), poolMax: STARTERS + 2 });
  await migrateToLatest(db.knex);
  const env = { ...process.env, DATABASE_URL: target.toString(), ALUR_QUEUE_PREFIX: prefix, ALUR_HANDLERS: bundle.handlers, ALUR_LOG_LEVEL: 'error', ALUR_QUEUE_CONCURRENCY: '8', ALUR_DB_POOL_MAX: '8', ALUR_QUEUE_POLL_MS: '200', ...shape.env };
  const workers: ChildProcess[] = [];
  for (let i = 0; i < workerCount; i++) workers.push(spawn(process.execPath, [...PROFILE, bundle.worker], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
  spawned.push(...workers);
  const engine = new Engine({ knex: db.knex, clock: new Clock(), models: new ModelCache() });
  const runner = new QueueRunner(engine, new JobHandlerRegistry(), queueOptions(redisUrl!, { prefix, workers: false, pollMs: 200 }), undefined, createLogger({ level: 'error' }));
  await runner.start();
  const tenant = `bench-${randomUUID().slice(0, 6)}`;
  await insertTenant(db.knex, { id: tenant, name: tenant, created_at: new Date() });
  const actor = { id: randomUUID(), username: 'bench', tenant, roles: ['analyst'], groups: [] };
  await engine.deploy(actor, [shape.file]);
  // Let the workers come up before the clock starts.
  await new Promise((r) => setTimeout(r, 2500));

  const begin = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: STARTERS }, async () => {
    while (next < shape.instances) {
      next++;
      await engine.startInstance(actor, { processKey: shape.process ?? shape.key });
    }
  }));
  for (;;) {
    const [{ n }] = await db.knex('process_instance').where({ state: 'completed' }).count('* as n');
    if (Number(n) >= shape.instances) break;
    if (Date.now() - begin > 20 * 60_000) throw new Error(`${shape.key} with ${workerCount} workers did not finish`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - begin) / 1000;

  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map((w) => (w.exitCode === null ? new Promise((r) => w.once('exit', r)) : undefined)));
  await runner.stop();
  const redis = new Redis(redisUrl!);
  await deleteKeys(redis, `${prefix}:*`);
  redis.disconnect();
  await db.close();
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
  return { instPerSec: shape.instances / seconds, jobsPerSec: (shape.instances * shape.jobsPer) / seconds, seconds };
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: n < 100 ? 1 : 0 });

const bundle = await bundleWorker('bench/queue/handlers.ts');
console.log(`bench/queue — ${new Date().toISOString()}, Node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const tps = pgbench(url, `alur_pgbench_${randomBytes(4).toString('hex')}`, SECONDS, 4);
console.log(`pgbench -N (4 clients, ${SECONDS} s): ${fmt(tps)} tps`);
const noop = await noopBullmq(redisUrl, `alurbenchnoop${randomBytes(3).toString('hex')}`, 10_000, 8);
console.log(`no-op BullMQ (10,000 jobs, 1 worker, concurrency 8): ${fmt(noop)} jobs/s`);
console.log('| shape | workers | instances | seconds | instances/s | jobs/s | ÷ no-op BullMQ |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const shape of shapes) {
  for (const w of [1, 3]) {
    if (ONLY && !ONLY.includes(`${shape.key}:${w}`)) continue;
    const r = await measure(shape, w, bundle);
    console.log(`| ${shape.name} | ${w} | ${shape.instances} | ${r.seconds.toFixed(1)} | ${fmt(r.instPerSec)} | ${fmt(r.jobsPerSec)} | ${(r.jobsPerSec / noop).toFixed(3)} |`);
  }
}
process.exit(0);
