/**
 * Starts with a registration number against starts without one (issue 11), over HTTP against
 * PostgreSQL, in the same run: two processes identical but for `alur:businessKey format`, so every
 * numbered start of a run takes a number of the same series — one counter row, the worst case of
 * waiting on it. For 1, 8 and 32 concurrent clients, each phase runs `seconds` per process, in
 * the order plain, numbered, numbered, plain (so drift in the machine's load falls on both alike),
 * and the ratio is numbered starts/s ÷ plain starts/s (target ≥ 0.9). Afterwards the numbers are
 * checked: 1..n with no gap and no repeat. The server runs as its own process (`engine/main.ts`).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/registration-numbers.ts [seconds=10]
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import knexPkg from 'knex';
import { jsonCaller, spawnEngine, waitHealthy } from './engine-server.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const seconds = Number(process.argv[2] ?? 10);
const clients = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbName = `alur_bench_numbers_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();

const process_ = (id: string, numbered: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="D" targetNamespace="http://alur.example/bench">
  <bpmn:process id="${id}" isExecutable="true">
    ${numbered ? '<bpmn:extensionElements><alur:businessKey format="REG/{yyyy}/{MM}/{seq:6}"/></bpmn:extensionElements>' : ''}
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="T" name="Periksa"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="bench" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const { port, process: server } = await spawnEngine(dbUrl, { ALUR_DB_POOL_MAX: '40' });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const call = jsonCaller(port, () => agent);
  try {
    await waitHealthy(port);
    const login = async (u: string, p: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: p })).token as string;
    const root = await login('admin', 'bench-admin');
    await call('POST', '/api/tenants', root, { id: 'bench', name: 'Bench' });
    await call('POST', '/api/users', root, { username: 'bench-analyst', password: 'bench-pass-1', tenant: 'bench', roles: ['analyst'] });
    await call('POST', '/api/users', root, { username: 'bench-loket', password: 'bench-pass-1', tenant: 'bench', roles: ['staff'], groups: ['bench'] });
    const analyst = await login('bench-analyst', 'bench-pass-1');
    const loket = await login('bench-loket', 'bench-pass-1');
    const form = new FormData();
    form.append('a', new Blob([process_('plain', false)]), 'plain.bpmn');
    form.append('b', new Blob([process_('numbered', true)]), 'numbered.bpmn');
    const dep = await fetch(`http://127.0.0.1:${port}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${analyst}` }, body: form });
    if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${await dep.text()}`);
    // Warm up both paths (the remembered definitions, the model cache, the counter row).
    for (const key of ['plain', 'numbered']) for (let i = 0; i < 20; i++) await call('POST', '/api/process-instances', loket, { processKey: key });

    const run = async (key: string, c: number): Promise<number> => {
      let starts = 0;
      const until = Date.now() + seconds * 1000;
      await Promise.all(Array.from({ length: c }, async () => {
        while (Date.now() < until) {
          await call('POST', '/api/process-instances', loket, { processKey: key });
          starts++;
        }
      }));
      return starts;
    };
    const rows: string[] = [];
    for (const c of clients) {
      const plain = await run('plain', c);
      const numberedA = await run('numbered', c);
      const numberedB = await run('numbered', c);
      const plainB = await run('plain', c);
      const p = (plain + plainB) / (2 * seconds);
      const n = (numberedA + numberedB) / (2 * seconds);
      rows.push(`| ${c} | ${p.toFixed(0)} | ${n.toFixed(0)} | ${(n / p).toFixed(2)} |`);
      console.error(rows.at(-1));
    }
    const k = knexPkg.knex({ client: 'pg', connection: dbUrl });
    const keys: string[] = (await k('process_instance').where({ process_key: 'numbered' }).select('business_key')).map((r: { business_key: string }) => r.business_key);
    await k.destroy();
    // Per series (a run across midnight at a month's end starts a new one).
    const series = new Map<string, number[]>();
    for (const key of keys) {
      const at = key.lastIndexOf('/');
      series.set(key.slice(0, at), [...(series.get(key.slice(0, at)) ?? []), Number(key.slice(at + 1))]);
    }
    const gapless = [...series.values()].every((seqs) => seqs.sort((a, b) => a - b).every((s, i) => s === i + 1));
    console.log(`\nclients | starts/s without a number | starts/s with a number | ratio\n--- | --- | --- | ---\n${rows.join('\n')}`);
    console.log(`\n${keys.length} numbered starts in ${series.size} series: ${gapless ? 'each 1..n with no gap and no repeat' : 'GAPS OR REPEATS'}`);
    if (!gapless) process.exitCode = 1;
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  }
}

await main();
