/**
 * Statements per command. Every statement is a round trip, the largest cost of a command on this
 * stack (bench/api), so the count is pinned here: a start and a completion that race nobody take
 * one read and one write each, and work that needs more falls back to a transaction, correctly;
 * a queue job is two: taking its row with its instance, and recording its outcome — one when the
 * worker took it in the statement that recorded the job before it (eager continuation).
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, bpmnFile, type Api } from './harness.js';
import { Engine } from '../../engine/service/engine.js';
import { ModelCache } from '../../engine/service/models.js';
import { runJobRow } from '../../engine/runner/queue/workers.js';

const ONE_TASK_BODY = `<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="T"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />`;
const ONE_TASK = bpmnFile('one-task', ONE_TASK_BODY);

// The child ends at once and tells its parent: a follow-up in another instance, so a transaction.
const CALLER = bpmnFile('caller', `<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="callee" propagateAllChildVariables="true" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:callActivity>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Call" /><bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="E" />`);
const CALLEE = bpmnFile('callee', `<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="E" />`);

forEachBackend('api: statements per command', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function counting<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    api.db.knex.on('query', listen);
    try {
      return { result: await run(), statements };
    } finally {
      api.db.knex.off('query', listen);
    }
  }

  it('given nothing races, a start is one statement and a completion one read and one write, without BEGIN/COMMIT', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    const clerk = await makeUser(api, tenant, `clerk-${tenant}`, ['staff'], ['loket']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', ONE_TASK, 'one-task.bpmn').expect(201);
    await api.http.get('/api/auth/me').set(bearer(clerk)).expect(200); // the token is now known

    // The first start reads the latest definition and the tenant's working-day calendar; later ones
    // remember both (the definition is asserted in their write, the calendar kept for 30 s).
    const first = await counting(() => api.http.post('/api/process-instances').set(bearer(clerk)).send({ processKey: 'one-task' }));
    expect(first.statements.map((s) => s.split(' ')[0])).to.deep.equal(['select', 'select', 'with']);
    const start = await counting(() => api.http.post('/api/process-instances').set(bearer(clerk)).send({ processKey: 'one-task' }));
    expect(start.result.status).to.equal(201);
    expect(start.statements.map((s) => s.split(' ')[0])).to.deep.equal(['with']);
    const taskId = start.result.body.tasks[0].id;
    const complete = await counting(() => api.http.post(`/api/tasks/${taskId}/complete`).set(bearer(clerk)).send({}));
    expect(complete.result.status).to.equal(200);
    expect(complete.statements.map((s) => s.split(' ')[0])).to.deep.equal(['select', 'with']);
    const inst = await api.http.get(`/api/process-instances/${start.result.body.id}`).set(bearer(analyst));
    expect(inst.body.state).to.equal('completed');
  });

  it('given a process with registration numbers, a start takes its number inside its one statement and answers with it', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    const clerk = await makeUser(api, tenant, `clerk-${tenant}`, ['staff'], ['loket']);
    const numbered = Buffer.from(bpmnFile('numbered', ONE_TASK_BODY.replace('<bpmn:startEvent id="S">', '<bpmn:extensionElements><alur:businessKey format="REG/{seq:4}" /></bpmn:extensionElements><bpmn:startEvent id="S">'))
      .toString().replace('xmlns:zeebe=', 'xmlns:alur="http://alur.go.id/schema/bpmn/1.0" xmlns:zeebe='));
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', numbered, 'numbered.bpmn').expect(201);
    await api.http.get('/api/auth/me').set(bearer(clerk)).expect(200);
    await api.http.post('/api/process-instances').set(bearer(clerk)).send({ processKey: 'numbered' }).expect(201);

    const start = await counting(() => api.http.post('/api/process-instances').set(bearer(clerk)).send({ processKey: 'numbered' }));
    expect(start.result.status).to.equal(201);
    expect(start.statements.map((s) => s.split(' ')[0])).to.deep.equal(['with']);
    expect(start.result.body.businessKey).to.equal('REG/0002');
    expect(start.result.body.tasks.map((t: { businessKey: string }) => t.businessKey)).to.deep.equal(['REG/0002']);
    // What was stored carries the number everywhere the answer did: the row, its snapshot, its task.
    const row = await api.db.knex('process_instance').where({ id: start.result.body.id }).first('business_key', 'snapshot');
    expect([row.business_key, row.snapshot.businessKey]).to.deep.equal(['REG/0002', 'REG/0002']);
    const task = await api.db.knex('user_task').where({ instance_id: start.result.body.id }).first('business_key');
    expect(task.business_key).to.equal('REG/0002');
  });

  it('given a start with a follow-up in another instance, it runs in a transaction and ends right', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', CALLEE, 'callee.bpmn').attach('files', CALLER, 'caller.bpmn').expect(201);
    const start = await counting(() => api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'caller' }));
    expect(start.result.status).to.equal(201);
    expect(start.result.body.state).to.equal('completed');
    expect(start.statements.some((s) => /^begin/i.test(s))).to.equal(true);
    const children = await api.http.get('/api/process-instances?processKey=callee').set(bearer(analyst));
    expect(children.body.items.map((i: { state: string; parentInstanceId: string }) => `${i.state}:${i.parentInstanceId}`)).to.deep.equal([`completed:${start.result.body.id}`]);
  });

  it('given a new version deployed through another API process, a start here uses it, not the version it remembered', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', ONE_TASK, 'one-task.bpmn').expect(201);
    const v1 = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'one-task' });
    expect(v1.body.version).to.equal(1);
    // Another process on the same database: its deployment does not reach this one's memory.
    const other = new Engine({ ...api.engine.deps, models: new ModelCache() });
    const ana = (await api.http.get('/api/auth/me').set(bearer(analyst))).body;
    const changed = Buffer.from(ONE_TASK.toString().replace('<bpmn:userTask id="T">', '<bpmn:userTask id="T" name="Periksa">'));
    const deployed = await other.deploy({ id: 'x', username: ana.username, tenant, roles: ['analyst'], groups: [] }, [{ name: 'one-task.bpmn', content: changed }]);
    expect(deployed.processes.map((p) => p.version)).to.deep.equal([2]);
    const v2 = await counting(() => api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'one-task' }));
    expect(v2.result.body.version).to.equal(2);
    expect(v2.result.body.tasks.map((t: { name: string }) => t.name)).to.deep.equal(['Periksa']);
    // The remembered head failed its assertion; the start ran again with a fresh read, in a transaction.
    expect(v2.statements.some((q) => /^begin/i.test(q))).to.equal(true);
    const next = await counting(() => api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'one-task' }));
    expect(next.result.body.version).to.equal(2);
    expect(next.statements.map((q) => q.split(' ')[0])).to.deep.equal(['with']);
  });
});

const ONE_JOB = bpmnFile('one-job', `<bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="J"><bpmn:extensionElements><zeebe:taskDefinition type="round-trip-noop" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="J" /><bpmn:sequenceFlow id="F2" sourceRef="J" targetRef="E" />`);

async function waitForRow<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const row = await read();
    if (row) return row;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the row never came');
}

forEachBackend('api: statements per queue job', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('given a job row, a BullMQ delivery (runJobRow, what the worker runs) is two statements: take the row with its instance, record the outcome', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', ONE_JOB, 'one-job.bpmn').expect(201);
    const start = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'one-job' }).expect(201);
    api.registry.register('round-trip-noop', async () => ({ variables: { done: true } }));
    const row = await api.db.knex('job').where({ instance_id: start.body.id }).first();
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    api.db.knex.on('query', listen);
    let done;
    try {
      done = await runJobRow(api.engine, api.registry, row.id, 60_000, { baseMs: 1000, maxMs: 60_000 });
    } finally {
      api.db.knex.off('query', listen);
    }
    expect(done?.input.type).to.equal('job.complete');
    expect(statements.map((s) => s.split(' ')[0])).to.deep.equal(['with', 'with']);
    const inst = await api.http.get(`/api/process-instances/${start.body.id}`).set(bearer(analyst));
    expect(inst.body.state).to.equal('completed');
  });

  const THREE_JOBS = bpmnFile('three-jobs', `<bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
    ${[1, 2, 3].map((i) => `<bpmn:serviceTask id="J${i}"><bpmn:extensionElements><zeebe:taskDefinition type="round-trip-chain" /></bpmn:extensionElements>
      <bpmn:incoming>F${i - 1}</bpmn:incoming><bpmn:outgoing>F${i}</bpmn:outgoing></bpmn:serviceTask>`).join('')}
    <bpmn:endEvent id="E"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    ${[1, 2, 3].map((i) => `<bpmn:sequenceFlow id="F${i - 1}" sourceRef="${i === 1 ? 'S' : `J${i - 1}`}" targetRef="J${i}" />`).join('')}
    <bpmn:sequenceFlow id="F3" sourceRef="J3" targetRef="E" />`);

  it('given a chain of three jobs of one type and eager continuation, one delivery runs all three in four statements: the take, then one per job that records it and takes the next', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', THREE_JOBS, 'three-jobs.bpmn').expect(201);
    const start = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'three-jobs' }).expect(201);
    const seen: string[] = [];
    api.registry.register('round-trip-chain', async (job) => { seen.push(job.elementId); return { variables: { [job.elementId]: true } }; });
    const row = await api.db.knex('job').where({ instance_id: start.body.id }).first();
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    const ran: string[] = [];
    api.db.knex.on('query', listen);
    try {
      await runJobRow(api.engine, api.registry, row.id, 60_000, { baseMs: 1000, maxMs: 60_000 }, { max: 10, ms: 60_000 }, (r) => ran.push(`${r.row.element_id} ${r.input.type}`));
    } finally {
      api.db.knex.off('query', listen);
    }
    expect(seen).to.deep.equal(['J1', 'J2', 'J3']);
    expect(ran).to.deep.equal(['J1 job.complete', 'J2 job.complete', 'J3 job.complete']);
    expect(statements.map((s) => s.split(' ')[0])).to.deep.equal(['with', 'with', 'with', 'with']);
    const inst = await api.http.get(`/api/process-instances/${start.body.id}`).set(bearer(analyst));
    expect(inst.body.state).to.equal('completed');
    // The taken rows were counted as delivered once and say whose chain they ran in.
    const rows = await api.db.knex('job').where({ instance_id: start.body.id }).orderBy('created_at').select('element_id', 'state', 'attempts', 'payload');
    expect(rows.map((r: { element_id: string; state: string; attempts: number }) => `${r.element_id} ${r.state} ${r.attempts}`)).to.deep.equal(['J1 completed 1', 'J2 completed 1', 'J3 completed 1']);
    expect(rows.slice(1).map((r: { payload: { chain?: string } }) => r.payload.chain)).to.deep.equal([row.id, row.id]);
  });

  it('given a chain whose worker died after taking its second job, a new delivery of the first job takes the chain over and runs the rest', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, `ana-${tenant}`, ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', THREE_JOBS, 'three-jobs.bpmn').expect(201);
    const start = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'three-jobs' }).expect(201);
    const seen: string[] = [];
    // The first worker "dies" in J2's handler: its run never ends, and J2's row stays running, taken in its chain.
    let calls = 0;
    api.registry.register('round-trip-chain', async (job) => {
      if (job.elementId === 'J2' && calls++ === 0) return new Promise<never>(() => {});
      seen.push(job.elementId);
      return { variables: {} };
    });
    const row = await api.db.knex('job').where({ instance_id: start.body.id }).first();
    const backoff = { baseMs: 1000, maxMs: 60_000 };
    void runJobRow(api.engine, api.registry, row.id, 60_000, backoff, { max: 10, ms: 60_000 });
    const j2 = await waitForRow(() => api.db.knex('job').where({ instance_id: start.body.id, element_id: 'J2', state: 'running' }).first());
    expect(j2.payload.chain).to.equal(row.id);
    // BullMQ delivers the chain's first job again (the dead worker's lock expired); its row is finished.
    const again = await runJobRow(api.engine, api.registry, row.id, 60_000, backoff, { max: 10, ms: 60_000 });
    expect(again?.row.element_id).to.equal('J3');
    expect(seen).to.deep.equal(['J1', 'J2', 'J3']);
    const j2After = await api.db.knex('job').where({ id: j2.id }).first();
    expect([j2After.state, j2After.attempts]).to.deep.equal(['completed', 2]);
    const inst = await api.http.get(`/api/process-instances/${start.body.id}`).set(bearer(analyst));
    expect(inst.body.state).to.equal('completed');
  });
});
