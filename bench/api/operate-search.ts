/**
 * Operating running cases over HTTP against PostgreSQL (API.md 1.1): the case search
 * (`GET /api/process-instances` with the console's filters) and the per-element statistics
 * (`GET /api/process-definitions/{id}/statistics`) with N instances of 50 tenants seeded in SQL
 * (bench/api/seed-cases.ts), as the inbox bench seeds its tasks. Prints p50/p95 per request kind.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/operate-search.ts [instances=1000000]
 *
 * Seeding a million cases takes minutes: with OPERATE_BENCH_DB=<name> the first run seeds that
 * database and keeps it, and later runs reuse it as it is (the server's migrations bring a kept
 * database up to date, so a new index is measured on the same rows).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import knexPkg from 'knex';
import { jsonCaller, spawnEngine, waitHealthy } from './engine-server.js';
import { seedCases } from './seed-cases.js';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const count = Number(process.argv[2] ?? 1_000_000);
const suffix = randomBytes(4).toString('hex');
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbUrl = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const kept = process.env.OPERATE_BENCH_DB;
if (kept && !/^[a-z_][a-z0-9_]*$/.test(kept)) throw new Error('OPERATE_BENCH_DB must be a plain lower-case database name');
const engineDb = kept ?? `alur_ops_bench_${suffix}`;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://alur.example/bench">
  <bpmn:process id="izin-usaha" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="T" name="Periksa"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;

async function main(): Promise<void> {
  const exists = kept ? (await admin.raw('select 1 from pg_database where datname = ?', [kept])).rows.length > 0 : false;
  if (!exists) await admin.raw(`CREATE DATABASE ${engineDb}`);
  else {
    // A new migration builds its indexes over the million rows for minutes: before the server, not in its start.
    const kept = await openDatabase({ databaseUrl: dbUrl(engineDb) });
    const t0 = performance.now();
    await migrateToLatest(kept.knex);
    await kept.knex.raw('vacuum analyze process_instance');
    await kept.close();
    console.log(`kept database ${engineDb} migrated and vacuumed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const { port, process: server } = await spawnEngine(dbUrl(engineDb), { ALUR_DB_POOL_MAX: '10' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  try {
    await waitHealthy(port);
    const call = jsonCaller(port, () => agent);
    const login = async (u: string, p: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: p })).token as string;
    let definitionId: string;
    let analyst: string;
    if (exists) {
      analyst = await login('ops-analyst', 'bench-pass-1');
      definitionId = (await call('GET', '/api/process-definitions?key=izin-usaha', analyst)).items[0].id;
      console.log(`reusing database ${engineDb} as seeded before`);
    } else {
      const root = await login('admin', 'bench-admin');
      await call('POST', '/api/tenants', root, { id: 'ops-00', name: 'Ops 0' });
      await call('POST', '/api/users', root, { username: 'ops-analyst', password: 'bench-pass-1', tenant: 'ops-00', roles: ['analyst'] });
      analyst = await login('ops-analyst', 'bench-pass-1');
      const form = new FormData();
      form.append('file', new Blob([BPMN]), 'izin.bpmn');
      const dep = await fetch(`http://127.0.0.1:${port}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${analyst}` }, body: form });
      if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${await dep.text()}`);
      definitionId = (await dep.json()).processes[0].id as string;
      const seeded = performance.now();
      await seedCases(knexPkg.knex({ client: 'pg', connection: dbUrl(engineDb) }), definitionId, count, 50);
      console.log(`seeded ${count} instances of 50 tenants in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);
    }

    const at = new Date(Date.now() - 3 * 3600_000).toISOString();
    const until = new Date(Date.now() - 2 * 3600_000).toISOString();
    const searches: [string, string][] = [
      ['newest', '/api/process-instances?limit=50'],
      ['active of a process', '/api/process-instances?processKey=izin-usaha&state=active&limit=50'],
      ['business key part', '/api/process-instances?q=2026/00012&limit=50'],
      ['waiting at an element', `/api/process-instances?processKey=izin-usaha&version=1&elementId=Paraf&limit=50`],
      ['with an incident', '/api/process-instances?hasIncident=true&limit=50'],
      ['started in an hour', `/api/process-instances?startedAfter=${encodeURIComponent(at)}&startedBefore=${encodeURIComponent(until)}&limit=50`],
    ];
    const measure = async (path: string, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n + 10; i++) {
        const t0 = performance.now();
        await call('GET', path, analyst);
        if (i >= 10) times.push(performance.now() - t0); // the first requests warm caches
      }
      return times.sort((a, b) => a - b);
    };
    const pct = (times: number[], q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    const all: number[] = [];
    const lines: string[] = [];
    for (const [name, path] of searches) {
      const times = await measure(path, 50);
      all.push(...times);
      const page = await call('GET', path, analyst);
      lines.push(`| ${name} | ${page.total} | ${pct(times, 0.5).toFixed(1)} | ${pct(times, 0.95).toFixed(1)} |`);
    }
    all.sort((a, b) => a - b);
    const stats = await measure(`/api/process-definitions/${definitionId}/statistics`, 100);
    console.log(`\n| search | matches | p50 ms | p95 ms |\n|---|---:|---:|---:|\n${lines.join('\n')}`);
    console.log(`\ncase search, all ${all.length} requests: p50 ${pct(all, 0.5).toFixed(1)} ms, p95 ${pct(all, 0.95).toFixed(1)} ms`);
    console.log(`per-element statistics of one version (20,000 cases of the tenant): p50 ${pct(stats, 0.5).toFixed(1)} ms, p95 ${pct(stats, 0.95).toFixed(1)} ms (100 requests)`);
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (!kept) await admin.raw(`DROP DATABASE IF EXISTS ${engineDb} WITH (FORCE)`);
    await admin.destroy();
  }
}

await main();
