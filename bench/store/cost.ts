/**
 * What one command costs the database and the store, without HTTP or BullMQ around it: the
 * durable engine in this process over a fresh PostgreSQL database, `clients` loops at once for
 * `seconds`, and the CPU used per command by this process and by the database's backends (from
 * /proc, steadier than rates on a shared machine). Shapes:
 *   api   — startInstance + completeTask of a one-user-task process (what bench/api's loop sends);
 *   queue — start → 5 service tasks → end, each job run as the BullMQ worker runs it (runJobRow:
 *           take the row with its instance, record the outcome), the next job's row id from the
 *           command's observer instead of Redis. Per job.
 *   queue-chain — the same with eager continuation (a chain's jobs after the first are taken by the
 *           statement that records the one before). Per job.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/store/cost.ts [api|queue|queue-chain] [seconds=10] [clients=8]
 */
import { randomBytes, randomUUID } from 'node:crypto';
import knexPkg from 'knex';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import type { Actor } from '../../engine/service/actor.js';
import type { JobRow } from '../../engine/store/jobs.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { runJobRow } from '../../engine/runner/queue/workers.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { chainProcess } from '../../test/queue/processes.js';
import { backendCpu, backendCpuSince } from '../pg-backends.js';
import { ONE_TASK_BPMN } from '../api/one-task.js';

const ONE_TASK = Buffer.from(ONE_TASK_BPMN);

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const shape = process.argv[2] ?? 'api';
const seconds = Number(process.argv[3] ?? 10);
const clients = Number(process.argv[4] ?? 8);

const name = `alur_cost_${randomBytes(4).toString('hex')}`;
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
await admin.raw(`CREATE DATABASE ${name}`);
const db = await openDatabase({ databaseUrl: Object.assign(new URL(base), { pathname: `/${name}` }).toString(), poolMax: clients + 2 });
try {
  await migrateToLatest(db.knex);
  const tenant = 'bench';
  await insertTenant(db.knex, { id: tenant, name: 'Bench', created_at: new Date() });
  // The job rows each command enqueued, by instance: what the dispatcher would add to BullMQ.
  const next = new Map<string, JobRow[]>();
  const engine = new Engine({
    knex: db.knex, clock: new Clock(), models: new ModelCache(),
    observers: [{ committed: (e) => { for (const j of e.enqueued) next.set(j.instance_id, [...(next.get(j.instance_id) ?? []), j]); } }],
  });
  const registry = new JobHandlerRegistry();
  registry.register('bench-noop', async () => ({}));
  const analyst: Actor = { id: randomUUID(), username: 'bench-analyst', tenant, roles: ['analyst'], groups: [] };
  const staff: Actor = { id: randomUUID(), username: 'bench-staff', tenant, roles: ['staff'], groups: ['bench'] };
  await engine.deploy(analyst, [{ name: 'one-task.bpmn', content: ONE_TASK }, chainProcess('chain5', 5, 'bench-noop')]);

  const apiLoop = async () => {
    const started = await engine.startInstance(staff, { processKey: 'one-task' });
    await engine.completeTask(staff, started.tasks[0].id, {});
    return 2;
  };
  const queueLoop = async () => {
    const started = await engine.startInstance(analyst, { processKey: 'chain5' });
    let jobs = 0;
    for (;;) {
      const row = next.get(started.row.id)?.shift();
      if (!row) break;
      await runJobRow(engine, registry, row.id, 60_000, { baseMs: 1000, maxMs: 60_000 });
      jobs++;
    }
    next.delete(started.row.id);
    return jobs;
  };
  // Eager continuation: the chain's first job from the observer, the rest taken by the statement that finishes the one before.
  const chainLoop = async () => {
    const started = await engine.startInstance(analyst, { processKey: 'chain5' });
    let jobs = 0;
    const [first] = next.get(started.row.id) ?? [];
    next.delete(started.row.id);
    if (first) await runJobRow(engine, registry, first.id, 60_000, { baseMs: 1000, maxMs: 60_000 }, { max: 10, ms: 60_000 }, () => { jobs++; });
    return jobs;
  };
  const loop = shape === 'queue' ? queueLoop : shape === 'queue-chain' ? chainLoop : apiLoop;
  const run = async (ms: number) => {
    let done = 0;
    const until = Date.now() + ms;
    await Promise.all(Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const n = await loop();
        done += n;
      }
    }));
    return done;
  };
  await run(Math.min(2000, seconds * 200)); // warm-up: caches, JIT, the remembered definition
  const cpu0 = process.cpuUsage();
  const pg0 = backendCpu(name);
  const t0 = performance.now();
  const done = await run(seconds * 1000);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const pg = backendCpuSince(name, pg0);
  const unit = shape.startsWith('queue') ? 'job' : 'command';
  console.log(`${shape}, ${clients} clients, ${seconds} s: ${done} ${unit}s, ${((done * 1000) / ms).toFixed(0)}/s; CPU ms per ${unit}: this process ${((cpu.user + cpu.system) / 1000 / done).toFixed(3)}, PostgreSQL backends ${(pg / done).toFixed(3)}`);
  if (process.env.BENCH_PREPARED) {
    // One pooled connection's prepared statements (plans used) and the memory its plan cache holds.
    const conn = await db.knex.client.acquireConnection();
    try {
      const st = await conn.query(`select name, generic_plans, custom_plans, length(statement) as chars from pg_prepared_statements order by name`);
      for (const r of st.rows) console.log(`  ${r.name}: ${r.chars} chars, generic plans ${r.generic_plans}, custom plans ${r.custom_plans}`);
      const mem = await conn.query(`select name, count(*) as n, sum(total_bytes) as bytes from pg_backend_memory_contexts where name like 'CachedPlan%' group by name`);
      for (const r of mem.rows) console.log(`  ${r.name}: ${r.n} contexts, ${(Number(r.bytes) / 1024).toFixed(0)} KiB`);
    } finally {
      await db.knex.client.releaseConnection(conn);
    }
  }
} finally {
  await db.close();
  await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
}
