/**
 * Counts the SQL statements (database round trips) of each request of the start → complete loop
 * that bench/api/run.ts times (and of the inbox read), and prints them. On this machine a round trip costs
 * more than anything else a command does, so this is the number to drive down. Usage:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/api/trace-queries.ts [--sql]
 * (runs on PGlite without DATABASE_URL).
 */
import { backends } from '../../test/store/backends.js';
import { openApi, makeTenant, makeUser, bearer, bpmnFile } from '../../test/api/harness.js';

const showSql = process.argv.includes('--sql');
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
  api.db.knex.on('query', (q: { sql: string }) => statements.push(q.sql));
  const measure = async (label: string, run: () => Promise<{ status: number; body: any }>) => {
    statements = [];
    const res = await run();
    if (res.status >= 300) throw new Error(`${label}: ${res.status} ${JSON.stringify(res.body)}`);
    console.log(`${label}: ${statements.length} statements`);
    if (showSql) for (const s of statements) console.log(`    ${s.replace(/\s+/g, ' ').slice(0, 160)}`);
    return res.body;
  };
  for (let round = 0; round < 2; round++) { // the second round shows the warm (cached) cost
    console.log(`[${backend.name}] round ${round + 1}`);
    const inst = await measure('  POST /api/process-instances', () => api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'one-task' }));
    await measure('  GET /api/tasks?processInstanceId (the inbox read; the bench loop takes the id from the start)', () => api.http.get(`/api/tasks?processInstanceId=${inst.id}`).set(bearer(staff)));
    await measure('  POST /api/tasks/{id}/complete', () => api.http.post(`/api/tasks/${inst.tasks[0].id}/complete`).set(bearer(staff)).send({}));
  }
} finally {
  await api.close();
}
