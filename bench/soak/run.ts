/**
 * Soak of issue 16: two tenants on one server (engine/main.ts over PostgreSQL, its own process).
 * The quiet tenant starts a case and completes its task in a loop; the hostile one runs the
 * attacks in a loop (a step of milliseconds-FEEL rounds, FEEL doubling a list, 20,000
 * multi-instance items, a body 5,000 deep, a FEEL self-call, an http task to 169.254.169.254, a
 * millisecond timer cycle). `seconds` of the quiet tenant alone and `seconds` beside the hostile
 * one, in the same run, in alternating 10 s slices; reports the quiet tenant's p50/p99 per round (start + task list + complete) in
 * each phase, the ratio of the p99s (target ≤ 3) and the quiet tenant's errors (target 0).
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/soak/run.ts [seconds=60]
 * SOAK_ATTACKS=rounds,items (names in `all` below) runs only those attacks; SOAK_CPU_PROF=dir
 * writes the server's CPU profiles there (--cpu-prof), to see where its main thread goes.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import knexPkg from 'knex';
import { jsonCaller, spawnEngine, waitHealthy } from '../api/engine-server.js';

const base = process.env.DATABASE_URL;
if (!base) throw new Error('set DATABASE_URL (the soak needs PostgreSQL)');
const seconds = Number(process.argv[2] ?? 60);
/** Length of one slice: quiet-alone and beside-hostile slices alternate. */
const SLICE_S = 10;
const admin = knexPkg.knex({ client: 'pg', connection: base, pool: { min: 0, max: 1 } });
const dbName = `alur_soak_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(base), { pathname: `/${dbName}` }).toString();

const defs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://alur.example/soak">${body}</bpmn:definitions>`;
const QUIET = defs(`<bpmn:process id="layanan" isExecutable="true"><bpmn:startEvent id="S" /><bpmn:userTask id="T" name="Periksa"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="E" />
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" /></bpmn:process>`);
const letters = 'abcdefghijklmnopqrstuvwx'.split('');
const doubling = (n: number) => `count({a: [1, 2, 3, 4, 5, 6, 7, 8], ${letters.slice(1, n).map((c, i) => `${c}: concatenate(${letters[i]}, ${letters[i]})`).join(', ')}}.${letters[n - 1]}) &gt; 0`;
const HOSTILE = defs(`
<bpmn:process id="rounds" isExecutable="true"><bpmn:startEvent id="rs" /><bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:exclusiveGateway id="more" default="done" /><bpmn:endEvent id="re" /><bpmn:sequenceFlow id="r0" sourceRef="rs" targetRef="count" /><bpmn:sequenceFlow id="r1" sourceRef="count" targetRef="more" />
  <bpmn:sequenceFlow id="again" sourceRef="more" targetRef="count"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${doubling(10)} and n &lt; 100000</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="done" sourceRef="more" targetRef="re" /></bpmn:process>
<bpmn:process id="doubling" isExecutable="true"><bpmn:startEvent id="ds" /><bpmn:exclusiveGateway id="dg" default="dn" /><bpmn:endEvent id="dy" /><bpmn:endEvent id="dz" />
  <bpmn:sequenceFlow id="d0" sourceRef="ds" targetRef="dg" /><bpmn:sequenceFlow id="dyes" sourceRef="dg" targetRef="dy"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${doubling(24)}</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="dn" sourceRef="dg" targetRef="dz" /></bpmn:process>
<bpmn:process id="items" isExecutable="true"><bpmn:startEvent id="is" /><bpmn:userTask id="notify"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="x" /></bpmn:extensionElements>
  <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="asn" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask><bpmn:endEvent id="ie" />
  <bpmn:sequenceFlow id="i0" sourceRef="is" targetRef="notify" /><bpmn:sequenceFlow id="i1" sourceRef="notify" targetRef="ie" /></bpmn:process>
<bpmn:process id="self" isExecutable="true"><bpmn:startEvent id="ss" /><bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="=me" /></bpmn:extensionElements></bpmn:callActivity><bpmn:endEvent id="se" />
  <bpmn:sequenceFlow id="s0" sourceRef="ss" targetRef="call" /><bpmn:sequenceFlow id="s1" sourceRef="call" targetRef="se" /></bpmn:process>
<bpmn:process id="metadata" isExecutable="true"><bpmn:startEvent id="ms" /><bpmn:serviceTask id="get"><bpmn:extensionElements><zeebe:taskDefinition type="http" retries="1" /><zeebe:taskHeaders><zeebe:header key="url" value="http://169.254.169.254/latest/meta-data/" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="me" />
  <bpmn:sequenceFlow id="m0" sourceRef="ms" targetRef="get" /><bpmn:sequenceFlow id="m1" sourceRef="get" targetRef="me" /></bpmn:process>`);
const TIMER = defs(`<bpmn:process id="banjir" isExecutable="true"><bpmn:startEvent id="t"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT0.001S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:process>`);

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };

async function main(): Promise<void> {
  await admin.raw(`CREATE DATABASE ${dbName}`);
  const profile = process.env.SOAK_CPU_PROF;
  const { port, process: server } = await spawnEngine(dbUrl, { ALUR_DB_POOL_MAX: '20' }, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const call = jsonCaller(port, () => agent);
  const deploy = async (token: string, xml: string) => {
    const form = new FormData();
    form.append('bpmn', new Blob([xml]), 'p.bpmn');
    return (await fetch(`http://127.0.0.1:${port}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).status;
  };
  try {
    await waitHealthy(port);
    const login = async (u: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: u === 'admin' ? 'bench-admin' : 'soak-pass-1' })).token as string;
    const root = await login('admin');
    for (const t of ['tenang', 'jahat']) {
      await call('POST', '/api/tenants', root, { id: t, name: t });
      await call('POST', '/api/users', root, { username: `${t}-ana`, password: 'soak-pass-1', tenant: t, roles: ['analyst', 'staff'], groups: ['loket'] });
    }
    const quiet = await login('tenang-ana');
    const hostile = await login('jahat-ana');
    if (await deploy(quiet, QUIET) !== 201 || await deploy(hostile, HOSTILE) !== 201) throw new Error('deploy failed');

    let errors = 0;
    const round = async (): Promise<number> => {
      const t0 = performance.now();
      try {
        const started = await call('POST', '/api/process-instances', quiet, { processKey: 'layanan' });
        const tasks = await call('GET', `/api/tasks?filter=all&processInstanceId=${started.id}`, quiet);
        await call('POST', `/api/tasks/${tasks.items[0].id}/complete`, quiet, { variables: {} });
      } catch { errors++; }
      return performance.now() - t0;
    };
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const raw = (path: string, body: string) => new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${hostile}` } }, (res) => { res.resume(); res.on('end', resolve); });
      req.on('error', () => resolve());
      req.end(body);
    });
    const all: Record<string, () => Promise<unknown>> = {
      rounds: () => call('POST', '/api/process-instances', hostile, { processKey: 'rounds', variables: { n: 0 } }),
      doubling: () => call('POST', '/api/process-instances', hostile, { processKey: 'doubling' }),
      items: () => call('POST', '/api/process-instances', hostile, { processKey: 'items', variables: { items: Array.from({ length: 20_000 }, (_, i) => i) } }),
      deep: () => raw('/api/process-instances', `{"processKey":"items","variables":{"x":${deep}}}`),
      self: () => call('POST', '/api/process-instances', hostile, { processKey: 'self', variables: { me: 'self' } }),
      metadata: () => call('POST', '/api/process-instances', hostile, { processKey: 'metadata' }),
      timer: () => deploy(hostile, TIMER),
    };
    // SOAK_ATTACKS=rounds,items runs only those (to find which attack costs the quiet tenant what).
    const only = process.env.SOAK_ATTACKS?.split(',');
    const attempts = Object.entries(all).filter(([name]) => !only || only.includes(name)).map(([, attempt]) => attempt);
    const outcomes = new Map<string, number>();
    const outcome = (status: string) => outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
    let attacks = 0;
    const alone: number[] = [];
    const beside: number[] = [];
    let errorsAlone = 0;
    let errorsBeside = 0;
    /** One slice: the quiet tenant's rounds into `times`, the hostile tenant attacking meanwhile (its attempt in flight finishes before the next slice). */
    const slice = async (ms: number, withHostile: boolean) => {
      const until = Date.now() + ms;
      const attacker = async () => {
        while (Date.now() < until) {
          await attempts[attacks % attempts.length]().then((r) => outcome(typeof r === 'number' ? String(r) : 'accepted'), (err: Error) => outcome(/→ (\d+)/.exec(err.message)?.[1] ?? 'failed'));
          attacks++;
        }
      };
      const hostileRun = withHostile ? attacker() : Promise.resolve();
      const before = errors;
      while (Date.now() < until) (withHostile ? beside : alone).push(await round());
      if (withHostile) errorsBeside += errors - before;
      else errorsAlone += errors - before;
      await hostileRun;
    };
    for (let i = 0; i < 20; i++) await round();
    errors = 0;
    // Alternating slices, so the machine's load drifting (other work on a shared machine) falls on both.
    for (let i = 0; i < Math.max(1, Math.round(seconds / SLICE_S)); i++) {
      await slice((seconds / Math.max(1, Math.round(seconds / SLICE_S))) * 1000, false);
      await slice((seconds / Math.max(1, Math.round(seconds / SLICE_S))) * 1000, true);
    }
    const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} rounds)`;
    console.log(`quiet tenant alone:           ${fmt(alone)}, errors ${errorsAlone}`);
    console.log(`quiet tenant beside hostile:  ${fmt(beside)}, errors ${errorsBeside}; hostile attempts ${attacks}`);
    // The attacks must have happened: their answers, and the incidents they left in the hostile tenant.
    const incidents = (await call('GET', '/api/incidents?limit=500', hostile)).items as { type: string }[];
    const byType = new Map<string, number>();
    for (const i of incidents) byType.set(i.type, (byType.get(i.type) ?? 0) + 1);
    console.log(`hostile answers: ${[...outcomes].map(([k, n]) => `${k} ×${n}`).join(', ')}; its open incidents: ${[...byType].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    console.log(`p99 beside ÷ p99 alone: ${(pct(beside, 99) / pct(alone, 99)).toFixed(2)} (target ≤ 3)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await admin.raw(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.destroy();
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
