/**
 * HTTP benchmark of the durable engine against PostgreSQL (issue 3):
 *  1. start + complete of a one-user-task process over HTTP with 1, 8 and 32 concurrent clients,
 *     beside `pgbench -N` at the same client counts in the same run (commands/s and the ratio), and
 *     beside the stack's ceiling: pgbench -N's transaction behind the same HTTP server and query
 *     builder with no engine (bare-server.ts);
 *  2. the inbox query (`GET /api/tasks?filter=candidate`) p50/p95 with N open tasks in 50 tenants.
 * The server runs as its own process (`engine/main.ts`), as in production. Creates and drops its
 * own databases. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/run.ts [seconds=10] [tasks=1000000]
 * (BENCH_INBOX_ONLY=1 measures only the inbox query.)
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import knexPkg from 'knex';
import { freePort, jsonCaller, spawnEngine, waitHealthy } from './engine-server.js';
import { seedInbox } from './seed-inbox.js';
import { cpuMs, deployOneTask } from './one-task.js';
import { backendCpu, backendCpuSince } from '../pg-backends.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const seconds = Number(process.argv[2] ?? 10);
const taskCount = Number(process.argv[3] ?? 1_000_000);
const clients = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);

const suffix = randomBytes(4).toString('hex');
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbUrl = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const engineDb = `alur_bench_${suffix}`;
const pgbenchDb = `alur_pgbench_${suffix}`;

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${engineDb}`);
  await admin.raw(`CREATE DATABASE ${pgbenchDb}`);
  const { port, process: server } = await spawnEngine(dbUrl(engineDb), { ALUR_DB_POOL_MAX: '40' }, process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
  let agent: http.Agent | undefined;
  let bare: ReturnType<typeof spawn> | undefined;
  try {
    await waitHealthy(port);
    // node:http with keep-alive: global fetch adds several milliseconds per request on this machine.
    // A fresh agent per phase: sockets idle through a pgbench run would be closed by the server under us.
    agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const call = jsonCaller(port, () => agent);
    const { root, staff, login } = await deployOneTask(port, call);

    execFileSync('pgbench', ['-i', '-q', '-s', '1', dbUrl(pgbenchDb)], { stdio: 'ignore' });
    // The stack's ceiling: the same HTTP server, query builder and driver running pgbench -N's
    // transaction per request, with no engine (bare-server.ts).
    const barePort = await freePort();
    bare = spawn(process.execPath, ['--import', 'tsx', 'bench/api/bare-server.ts'], { env: { ...process.env, DATABASE_URL: dbUrl(pgbenchDb), PORT: String(barePort) }, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitHealthy(barePort);
    const rows: string[] = [];
    const throughputClients = process.env.BENCH_INBOX_ONLY ? [] : clients;
    // pgbench first, while neither server holds connections (engine 40 + bare 40 + pgbench 32
    // went past PostgreSQL's max_connections of 100 on a shared machine).
    const pgbenchTps = new Map<number, number>();
    for (const c of throughputClients) {
      const out = execFileSync('pgbench', ['-N', '-c', String(c), '-j', String(Math.min(c, 4)), '-T', String(seconds), dbUrl(pgbenchDb)], { encoding: 'utf8' });
      pgbenchTps.set(c, Number(/tps = ([\d.]+)/.exec(out)?.[1]));
    }
    // The engine and the bare stack take turns in slices (engine, bare, bare, engine, …: `rounds`
    // pairs, `seconds` each in total), so a change in the shared machine's load falls on both alike.
    const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
    const slice = (seconds * 1000) / (2 * rounds);
    // Work done and the time it took, until the last client's last loop ended (not the slice's
    // end: loops still running then are counted, so their time must be too).
    const measure = async (c: number, loop: () => Promise<number>, pid: number, database: string, latencies?: number[]): Promise<{ done: number; ms: number; cpu: number; pg: number }> => {
      agent?.destroy();
      agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      let done = 0;
      const cpu0 = cpuMs(pid);
      const pg0 = backendCpu(database);
      const from = performance.now();
      const until = Date.now() + slice;
      await Promise.all(Array.from({ length: c }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          const n = await loop(); // not `done += await loop()`: that reads `done` before the await and loses the other clients' counts
          done += n;
          latencies?.push(performance.now() - t0);
        }
      }));
      if (process.env.BENCH_DEBUG) console.error(`slice: ${c} clients, ${done} done in ${(performance.now() - from).toFixed(0)} ms`);
      return { done, ms: performance.now() - from, cpu: cpuMs(pid) - cpu0, pg: backendCpuSince(database, pg0) };
    };
    for (const c of throughputClients) {
      // The engine: each loop is two commands, start and complete; the start's answer names the
      // task it opened for the caller (before that field existed, the loop read the task list).
      const engineLoop = async () => {
        const inst = await call('POST', '/api/process-instances', staff, { processKey: 'one-task' });
        await call('POST', `/api/tasks/${inst.tasks[0].id}/complete`, staff, {});
        return 2;
      };
      const bareLoop = async () => { await call('POST', '/tx', undefined, {}, barePort); return 1; };
      const engine = { done: 0, ms: 0, cpu: 0, pg: 0 };
      const bareSum = { done: 0, ms: 0, cpu: 0, pg: 0 };
      const add = (to: typeof engine, m: typeof engine) => { to.done += m.done; to.ms += m.ms; to.cpu += m.cpu; to.pg += m.pg; };
      const latencies: number[] = [];
      for (let r = 0; r < rounds; r++) {
        if (r % 2 === 0) {
          add(engine, await measure(c, engineLoop, server.pid!, engineDb, latencies));
          add(bareSum, await measure(c, bareLoop, bare!.pid!, pgbenchDb));
        } else {
          add(bareSum, await measure(c, bareLoop, bare!.pid!, pgbenchDb));
          add(engine, await measure(c, engineLoop, server.pid!, engineDb, latencies));
        }
      }
      const engineRate = (engine.done * 1000) / engine.ms;
      const bareRate = (bareSum.done * 1000) / bareSum.ms;
      const tps = pgbenchTps.get(c)!;
      latencies.sort((a, b) => a - b);
      rows.push(`| ${c} | ${engineRate.toFixed(0)} | ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} | ${bareRate.toFixed(0)} | ${tps.toFixed(0)} | ${(engineRate / tps).toFixed(2)} | ${(bareRate / tps).toFixed(2)} | ${(engineRate / bareRate).toFixed(2)} | ${(engine.cpu / engine.done).toFixed(2)} | ${(bareSum.cpu / bareSum.done).toFixed(2)} | ${(engine.pg / engine.done).toFixed(2)} | ${(bareSum.pg / bareSum.done).toFixed(2)} |`);
      console.error(rows.at(-1));
    }

    console.log(`\nclients | engine commands/s | engine loop p50 ms | bare HTTP+knex tx/s | pgbench -N tps | engine / pgbench | bare / pgbench | engine / bare | engine server CPU ms per command | bare server CPU ms per tx | engine's PostgreSQL backends CPU ms per command | bare's backends CPU ms per tx\n--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---\n${rows.join('\n')}`);
    if (taskCount === 0) return; // tasks=0: throughput only.
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    await seedInbox(knexPkg.knex({ client: 'pg', connection: dbUrl(engineDb) }), taskCount, 50);
    await call('POST', '/api/users', root, { username: 'inbox-staff', password: 'bench-pass-1', tenant: 'inbox-00', roles: ['staff'], groups: ['unit-03', 'unit-07'] });
    const inboxUser = await login('inbox-staff', 'bench-pass-1');
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 320; i++) {
      const t0 = performance.now();
      const page = await call('GET', '/api/tasks?filter=candidate&limit=50', inboxUser);
      if (i >= 20) times.push(performance.now() - t0); // the first requests warm caches
      total = page.total;
    }
    times.sort((a, b) => a - b);
    if (process.env.BENCH_EXPLAIN) {
      const k = knexPkg.knex({ client: 'pg', connection: dbUrl(engineDb) });
      const where = `tenant_id = 'inbox-00' and state = 'open' and assignee is null and candidate_keys && array['inbox-00:u:inbox-staff','inbox-00:g:unit-03','inbox-00:g:unit-07']`;
      for (const sql of [`select count(*) from user_task where ${where}`, `select * from user_task where ${where} order by priority desc, created_at, id limit 50`]) {
        const plan = await k.raw(`explain (analyze, buffers) ${sql}`);
        console.log(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      }
      await k.destroy();
    }
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`\ninbox: ${taskCount} open tasks in 50 tenants; the user is a candidate for ${total}; GET /api/tasks?filter=candidate&limit=50 p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (300 requests)`);
  } finally {
    agent?.destroy();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (bare && bare.exitCode === null) {
      bare.kill('SIGTERM');
      await new Promise((r) => bare!.once('exit', r));
    }
    await admin.raw(`DROP DATABASE IF EXISTS ${engineDb} WITH (FORCE)`);
    await admin.raw(`DROP DATABASE IF EXISTS ${pgbenchDb} WITH (FORCE)`);
    await admin.destroy();
  }
}

await main();
