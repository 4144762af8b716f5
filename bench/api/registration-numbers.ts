/**
 * Starts with a registration number against starts without one (issue 11), over HTTP against
 * PostgreSQL, in the same run: two processes identical but for `alur:businessKey format`, so every
 * numbered start of a run takes a number of the same series — one counter row, the worst case of
 * waiting on it. For 1, 8 and 32 concurrent clients (BENCH_CLIENTS), each process runs `seconds`
 * in all, in slices: plain, numbered, numbered, plain, … (BENCH_ROUNDS pairs, default 2; so drift
 * in the machine's load falls on both alike), and the ratio is numbered starts/s ÷ plain starts/s
 * (target ≥ 0.9), beside the CPU the server and the PostgreSQL backends used per start (a cost a
 * loaded machine stretches far less than time). Afterwards the numbers are
 * checked: 1..n with no gap and no repeat. The server runs as its own process (`engine/main.ts`).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/registration-numbers.ts [seconds=10]
 * BENCH_KEEP_DB=1 keeps the bench's database afterwards (its name is printed), e.g. to EXPLAIN its statements.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import knexPkg from 'knex';
import { jsonCaller, spawnEngine, waitHealthy } from './engine-server.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the bench needs PostgreSQL)');
const seconds = Number(process.argv[2] ?? 10);
const clients = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const slice = (seconds * 1000) / (2 * rounds);
// BENCH_KEYED=1: also starts of the plain process with a business key given by the caller — what
// having a key costs (its search indexes) apart from taking a number.
const keyed = !!process.env.BENCH_KEYED;
// BENCH_IN_FLIGHT=1,0: one server per value of ALUR_NUMBER_IN_FLIGHT (statements taking numbers of
// one series in flight per process, the starts coming meanwhile sent together next; 0 = one
// statement per start, at once), all on the one database, their slices taking turns
// in the same run: the numbered ÷ plain ratio of each, side by side. Unset: one server as configured.
const inFlight: (string | undefined)[] = process.env.BENCH_IN_FLIGHT ? process.env.BENCH_IN_FLIGHT.split(',') : [undefined];
interface Variant { name: string; server: number; processKey: string; keyed?: boolean }
const variants: Variant[] = inFlight.flatMap((t, server) => {
  const label = t === undefined ? '' : ` (in flight ${t})`;
  return [
    { name: `plain${label}`, server, processKey: 'plain' },
    { name: `numbered${label}`, server, processKey: 'numbered' },
    ...(keyed && server === 0 ? [{ name: `keyed${label}`, server, processKey: 'plain', keyed: true }] : []),
  ];
});
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

/** CPU time (user + system) the processes `pids` have used so far, in ms (Linux /proc; a process gone counts 0). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime in 1/100 s
    } catch { /* ended */ }
  }
  return ticks * 10;
}

/** `waiting`: backends waiting on a lock, averaged over the slice; `samples`: slices summed. */
interface Measured { starts: number; ms: number; server: number; pg: number; waiting: number; samples: number }

class Totals {
  private sum: Measured = { starts: 0, ms: 0, server: 0, pg: 0, waiting: 0, samples: 0 };
  add(m: Measured): void { for (const k of Object.keys(m) as (keyof Measured)[]) this.sum[k] += m[k]; }
  rate(): number { return (this.sum.starts * 1000) / this.sum.ms; }
  cpu(which: 'server' | 'pg'): string { return (this.sum[which] / this.sum.starts).toFixed(2); }
  waiters(): string { return (this.sum.waiting / Math.max(this.sum.samples, 1)).toFixed(1); }
}

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const servers: { port: number; process: ChildProcess }[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const call = jsonCaller(0, () => agent);
  try {
    // One after the other: the first migrates the new database.
    for (const t of inFlight) {
      const spawned = await spawnEngine(dbUrl, { ALUR_DB_POOL_MAX: '40', ALUR_METRICS_TOKEN: 'bench-metrics', ...(t === undefined ? {} : { ALUR_NUMBER_IN_FLIGHT: t }) });
      servers.push(spawned);
      await waitHealthy(spawned.port);
    }
    const port = servers[0].port;
    const login = async (u: string, p: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: p }, port)).token as string;
    const root = await login('admin', 'bench-admin');
    await call('POST', '/api/tenants', root, { id: 'bench', name: 'Bench' }, port);
    await call('POST', '/api/users', root, { username: 'bench-analyst', password: 'bench-pass-1', tenant: 'bench', roles: ['analyst'] }, port);
    await call('POST', '/api/users', root, { username: 'bench-loket', password: 'bench-pass-1', tenant: 'bench', roles: ['staff'], groups: ['bench'] }, port);
    const analyst = await login('bench-analyst', 'bench-pass-1');
    const loket = await login('bench-loket', 'bench-pass-1');
    const form = new FormData();
    form.append('a', new Blob([process_('plain', false)]), 'plain.bpmn');
    form.append('b', new Blob([process_('numbered', true)]), 'numbered.bpmn');
    const dep = await fetch(`http://127.0.0.1:${port}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${analyst}` }, body: form });
    if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${await dep.text()}`);
    // Warm up both paths on every server (the remembered definitions, the model cache, the counter row).
    for (const s of servers) for (const key of ['plain', 'numbered']) for (let i = 0; i < 20; i++) await call('POST', '/api/process-instances', loket, { processKey: key }, s.port);

    // Starts done and the time until the last one ended, with the CPU the server and the
    // database's backends used meanwhile (/proc: the cost a loaded machine does not stretch), and
    // how many backends waited on a lock, on average (sampled every 20 ms).
    const pgPids = async () => (await admin.raw('select pid from pg_stat_activity where datname = ?', [dbName])).rows.map((r: { pid: number }) => r.pid) as number[];
    const sampler = knexPkg.knex({ client: 'pg', connection: dbUrl, pool: { min: 0, max: 1 } });
    let given = 0;
    const run = async (v: Variant, c: number): Promise<Measured> => {
      let starts = 0;
      const { port: to, process: server } = servers[v.server];
      const backends = await pgPids();
      const [server0, pg0] = [cpuMs([server.pid!]), cpuMs(backends)];
      const from = performance.now();
      const until = Date.now() + slice;
      let samples = 0;
      let waiting = 0;
      const sampling = (async () => {
        while (Date.now() < until) {
          const { rows: [row] } = await sampler.raw('select count(*)::int as n from pg_locks where not granted');
          waiting += row.n;
          samples++;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      await Promise.all(Array.from({ length: c }, async () => {
        while (Date.now() < until) {
          // `keyed`: the plain process with a business key of the same shape given by the caller (no counter).
          await call('POST', '/api/process-instances', loket, v.keyed ? { processKey: 'plain', businessKey: `KEY/2026/12/${String(++given).padStart(6, '0')}` } : { processKey: v.processKey }, to);
          starts++;
        }
      }));
      const ms = performance.now() - from;
      await sampling;
      // Backends opened during the slice were not in the first reading: count them from zero.
      const later = (await pgPids()).filter((p) => !backends.includes(p));
      return { starts, ms, server: cpuMs([server.pid!]) - server0, pg: cpuMs(backends) - pg0 + cpuMs(later), waiting: waiting / Math.max(samples, 1), samples: 1 };
    };
    const rows: string[] = [];
    for (const c of clients) {
      const totals = new Map(variants.map((v) => [v, new Totals()]));
      // plain, numbered, …, numbered, plain, … (`rounds` pairs, `seconds` per variant in all).
      for (let r = 0; r < rounds; r++) {
        for (const v of r % 2 === 0 ? variants : [...variants].reverse()) totals.get(v)!.add(await run(v, c));
      }
      for (const [server, t] of inFlight.entries()) {
        const [plain, numbered, keyedTotals] = variants.filter((v) => v.server === server).map((v) => totals.get(v)!);
        const p = plain.rate();
        const n = numbered.rate();
        rows.push(`| ${c}${t === undefined ? '' : ` | ${t}`} | ${p.toFixed(0)} | ${n.toFixed(0)} | ${(n / p).toFixed(2)} | ${plain.cpu('server')} / ${numbered.cpu('server')} | ${plain.cpu('pg')} / ${numbered.cpu('pg')} | ${plain.waiters()} / ${numbered.waiters()} |${keyedTotals ? ` ${(keyedTotals.rate() / p).toFixed(2)} | ${keyedTotals.cpu('server')} / ${keyedTotals.cpu('pg')} |` : ''}`);
        console.error(rows.at(-1));
      }
    }
    await sampler.destroy();
    // How the starts ran: one statement, or again in a transaction (a lost race, a deadlock).
    const metrics = (await Promise.all(servers.map(async (s) => (await fetch(`http://127.0.0.1:${s.port}/metrics`, { headers: { authorization: 'Bearer bench-metrics' } })).text()))).join('\n');
    console.log(metrics.split('\n').filter((l) => l.startsWith('alur_commands_total{command="startInstance"')).join('\n'));
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
    console.log(`\nclients${inFlight[0] === undefined ? '' : ' | ALUR_NUMBER_IN_FLIGHT'} | starts/s without a number | starts/s with a number | ratio | server CPU ms per start (without / with) | PostgreSQL CPU ms per start (without / with) | backends waiting on a lock (without / with)${keyed ? ' | key given by the caller ÷ without | its server / PostgreSQL CPU ms per start' : ''}\n---${inFlight[0] === undefined ? '' : ' | ---'} | --- | --- | --- | --- | --- | ---${keyed ? ' | --- | ---' : ''}\n${rows.join('\n')}`);
    console.log(`\n${keys.length} numbered starts in ${series.size} series: ${gapless ? 'each 1..n with no gap and no repeat' : 'GAPS OR REPEATS'}`);
    if (!gapless) process.exitCode = 1;
  } finally {
    agent.destroy();
    for (const { process: server } of servers) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    if (!process.env.BENCH_KEEP_DB) await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`); else console.log(`kept ${dbName}`);
    await admin.destroy();
  }
}

await main();
