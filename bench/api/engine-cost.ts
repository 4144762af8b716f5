/**
 * The engine server alone over HTTP (no pgbench, no bare stack): `clients` loops of start +
 * complete (bench/api/run.ts's engine loop) for `seconds`, `rounds` times, and the CPU per command
 * of the server process and of its database's backends after each round (from /proc). For
 * comparing two trees' server cost without the baselines' time; BENCH_PID_FILE=<file> writes the
 * server's pid there before measuring (to attach strace or perf); BENCH_KEEP_DB=1 keeps the database.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/engine-cost.ts [seconds=5] [clients=8] [rounds=3]
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import knexPkg from 'knex';
import { jsonCaller, spawnEngine, waitHealthy } from './engine-server.js';
import { cpuMs, deployOneTask } from './one-task.js';
import { backendCpu, backendCpuSince } from '../pg-backends.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (PostgreSQL)');
const seconds = Number(process.argv[2] ?? 5);
const clients = Number(process.argv[3] ?? 8);
const rounds = Number(process.argv[4] ?? 3);
const name = `alur_ecost_${randomBytes(4).toString('hex')}`;
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });

await admin.raw(`CREATE DATABASE ${name}`);
const { port, process: server } = await spawnEngine(Object.assign(new URL(base), { pathname: `/${name}` }).toString(), { ALUR_DB_POOL_MAX: '40' }, process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
try {
  await waitHealthy(port);
  const call = jsonCaller(port, () => agent);
  const { staff } = await deployOneTask(port, call);
  const loop = async () => {
    const inst = await call('POST', '/api/process-instances', staff, { processKey: 'one-task' });
    await call('POST', `/api/tasks/${inst.tasks[0].id}/complete`, staff, {});
    return 2;
  };
  const run = async (ms: number) => {
    let done = 0;
    const until = Date.now() + ms;
    await Promise.all(Array.from({ length: clients }, async () => { while (Date.now() < until) { const n = await loop(); done += n; } }));
    return done;
  };
  await run(5000); // warm-up (shorter left the first round 30-50 % dearer: JIT, caches)
  if (process.env.BENCH_PID_FILE) writeFileSync(process.env.BENCH_PID_FILE, `${server.pid} ${name}`);
  for (let r = 0; r < rounds; r++) {
    const cpu0 = cpuMs(server.pid!);
    const pg0 = backendCpu(name);
    const t0 = performance.now();
    const done = await run(seconds * 1000);
    const ms = performance.now() - t0;
    console.log(`${clients} clients: ${((done * 1000) / ms).toFixed(0)} commands/s; CPU ms per command: server ${((cpuMs(server.pid!) - cpu0) / done).toFixed(3)}, PostgreSQL backends ${(backendCpuSince(name, pg0) / done).toFixed(3)}`);
  }
} finally {
  agent.destroy();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  if (process.env.BENCH_KEEP_DB) console.log(`kept database ${name}`);
  else await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.destroy();
}
