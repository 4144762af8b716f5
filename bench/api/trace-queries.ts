/**
 * The SQL of the start → complete loop that bench/api/run.ts times (and of the inbox read): how
 * many statements each request sends, and — over `loops` more rounds, one client — how long each
 * statement takes from send to answer. The sum is the loop's floor from the database alone: what a
 * server with no cost of its own would still wait for. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/trace-queries.ts [--sql] [loops=300]
 * (runs on PGlite without DATABASE_URL).
 */
import { backends } from '../../test/store/backends.js';
import { openApi, makeTenant, makeUser, bearer, bpmnFile } from '../../test/api/harness.js';

const showSql = process.argv.includes('--sql');
const loops = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 300);
const backend = backends().at(-1)!;
const api = await openApi(backend);
try {
  const tenant = await makeTenant(api);
  const analyst = await makeUser(api, tenant, `analyst-${tenant}`, ['analyst']);
  const staff = await makeUser(api, tenant, `staff-${tenant}`, ['staff'], ['bench']);
  const xml = bpmnFile('one-task', `<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="T"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="bench" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />`);
  await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', xml, 'one-task.bpmn').expect(201);

  let statements: string[] = [];
  const sent = new Map<string, number>();
  const took = new Map<string, number[]>();
  let label = '';
  api.db.knex.on('query', (q: { sql: string; __knexQueryUid: string }) => {
    statements.push(q.sql);
    sent.set(q.__knexQueryUid, performance.now());
  });
  api.db.knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string; sql: string }) => {
    const key = `${label} ${q.sql.split(' ')[0]}`;
    took.set(key, [...(took.get(key) ?? []), performance.now() - sent.get(q.__knexQueryUid)!]);
  });
  const request = async (name: string, run: () => Promise<{ status: number; body: any }>, print: boolean) => {
    statements = [];
    label = name;
    const res = await run();
    if (res.status >= 300) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
    if (print) {
      console.log(`${name}: ${statements.length} statements`);
      if (showSql) for (const s of statements) console.log(`    ${s.replace(/\s+/g, " ").slice(0, Number(process.env.SQL_WIDTH ?? 160))}`);
    }
    return res.body;
  };
  const loop = async (print: boolean) => {
    const inst = await request('POST /api/process-instances', () => api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'one-task' }), print);
    await request('GET /api/tasks?processInstanceId (the inbox read; not in the bench loop)', () => api.http.get(`/api/tasks?processInstanceId=${inst.id}`).set(bearer(staff)), print);
    await request('POST /api/tasks/{id}/complete', () => api.http.post(`/api/tasks/${inst.tasks[0].id}/complete`).set(bearer(staff)).send({}), print);
  };
  console.log(`[${backend.name}] first round (cold caches)`);
  await loop(true);
  console.log(`[${backend.name}] second round`);
  await loop(true);
  took.clear();
  for (let i = 0; i < loops; i++) await loop(false);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nmedian time per statement over ${loops} rounds, one client:`);
  let floor = 0;
  for (const [key, xs] of took) {
    console.log(`  ${median(xs).toFixed(2)} ms  ${key}`);
    if (!key.startsWith('GET')) floor += median(xs) * (xs.length / loops);
  }
  console.log(`the bench loop (start + complete) waits ${floor.toFixed(2)} ms on the database: at most ${(2000 / floor).toFixed(0)} commands/s with one client and a server that costs nothing`);
} finally {
  await api.close();
}
