import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from '../service/harness.js';
import { findInstance } from '../../engine/store/instances.js';
import { historyOf } from '../../engine/store/history.js';
import { claimDueJobs } from '../../engine/store/jobs.js';
import { BpmnError } from '../../engine/runner/registry.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const serviceTask = (id: string, type: string, inc: string, out: string, extra = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="3" />
   <zeebe:taskHeaders><zeebe:header key="url" value="https://example.test/${id}" /></zeebe:taskHeaders></bpmn:extensionElements>
   <bpmn:incoming>${inc}</bpmn:incoming><bpmn:outgoing>${out}</bpmn:outgoing></bpmn:serviceTask>${extra}`;

const PARALLEL = bpmn('parallel-jobs', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:parallelGateway id="Fork"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing><bpmn:outgoing>F2</bpmn:outgoing></bpmn:parallelGateway>
  ${serviceTask('A', 'work', 'F1', 'F3')}
  ${serviceTask('B', 'work', 'F2', 'F4')}
  <bpmn:parallelGateway id="Join"><bpmn:incoming>F3</bpmn:incoming><bpmn:incoming>F4</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:parallelGateway>
  <bpmn:endEvent id="E"><bpmn:incoming>F5</bpmn:incoming></bpmn:endEvent>
  ${flow('F0', 'S', 'Fork')}${flow('F1', 'Fork', 'A')}${flow('F2', 'Fork', 'B')}${flow('F3', 'A', 'Join')}${flow('F4', 'B', 'Join')}${flow('F5', 'Join', 'E')}`);

const WITH_ERROR_BOUNDARY = bpmn('error-boundary', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  ${serviceTask('Check', 'check', 'F0', 'F1')}
  <bpmn:boundaryEvent id="Rejected" attachedToRef="Check"><bpmn:outgoing>F2</bpmn:outgoing><bpmn:errorEventDefinition errorRef="Err" /></bpmn:boundaryEvent>
  <bpmn:endEvent id="Ok"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  <bpmn:endEvent id="NotOk"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  ${flow('F0', 'S', 'Check')}${flow('F1', 'Check', 'Ok')}${flow('F2', 'Rejected', 'NotOk')}
  </bpmn:process><bpmn:error id="Err" errorCode="INVALID_NIK" /><bpmn:process id="unused-e" isExecutable="false">`);

const TIMER_START = bpmn('every-hour', `
  <bpmn:startEvent id="Tick"><bpmn:outgoing>F0</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'Tick', 'E')}`);

forEachBackend('embedded runner', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });
  beforeEach(() => h.clock.pin(T0));

  it('runs jobs with headers and run-time variables; parallel completions join exactly once', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [PARALLEL]);
    const seen: { elementId: string; headers: Record<string, string>; variables: Record<string, unknown> }[] = [];
    h.registry.register('work', async (job) => {
      seen.push({ elementId: job.elementId, headers: job.headers, variables: job.variables });
      return { variables: { [`done${job.elementId}`]: true } };
    });
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parallel-jobs', variables: { caseId: 7 } });
    // Both jobs are claimed in one batch and complete concurrently.
    await h.runner.drain();
    expect(seen.map((s) => s.elementId).sort()).to.deep.equal(['A', 'B']);
    expect(seen[0].headers).to.deep.equal({ url: `https://example.test/${seen[0].elementId}` });
    expect(seen[0].variables).to.deep.equal({ caseId: 7 });
    const inst = await findInstance(h.db.knex, tenant, instanceId);
    expect(inst?.state).to.equal('completed');
    expect(inst?.snapshot.final).to.deep.equal({ caseId: 7, doneA: true, doneB: true });
    const history = await historyOf(h.db.knex, instanceId);
    expect(history.filter((r) => r.type === 'element.completed' && r.element_id === 'Join')).to.have.length(1);
    // Job rows hold no variables
    const rows = await h.db.knex('job').where({ instance_id: instanceId });
    expect(JSON.stringify(rows.map((r: { payload: unknown }) => r.payload))).not.to.contain('caseId');
  });

  it('a job delivered twice changes state once; failures back off on the engine clock', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [PARALLEL]);
    let calls = 0;
    h.registry.register('work', async () => {
      calls++;
      if (calls === 1) throw new Error('temporarily down');
      return {};
    });
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parallel-jobs' });
    await h.runner.runOnce();
    expect(calls).to.equal(2);
    // One failed: its retry is due in 1 s of engine time, so nothing runs now
    expect(await h.runner.drain()).to.equal(0);
    h.clock.pin(new Date(T0.getTime() + 1500));
    expect(await h.runner.drain()).to.equal(1);
    expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
    // The job that ended the instance is recorded completed, not swept up by the end's clean-up.
    const states = (await h.db.knex('job').where({ instance_id: instanceId }).select('state')).map((r: { state: string }) => r.state).sort();
    expect(states).to.deep.equal(['completed', 'completed', 'failed']);

    // Deliver a finished job again: the core ignores it, the history says so
    const job = (await h.db.knex('job').where({ instance_id: instanceId, state: 'completed' }).first());
    const outcome = await h.engine.finishJob(job, { type: 'job.complete', key: job.key, variables: {} });
    expect(outcome.ignored).to.be.a('string');
    const history = await historyOf(h.db.knex, instanceId);
    expect(history.filter((r) => r.type === 'job.completed')).to.have.length(2);
    expect(history.at(-1)?.type).to.equal('input.ignored');
  });

  it('a job whose worker died (lease expired) is taken again', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [PARALLEL]);
    h.registry.register('work', async () => ({}));
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parallel-jobs' });
    const claimed = await claimDueJobs(h.db.knex, ['work'], h.clock.now(), 60_000, 10);
    expect(claimed.filter((t) => t.job.instance_id === instanceId && t.instance?.id === instanceId)).to.have.length(2);
    expect(await h.runner.drain()).to.equal(0);
    h.clock.pin(new Date(T0.getTime() + 61_000));
    expect(await h.runner.drain()).to.be.greaterThan(0);
    expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
  });

  it('parallel claims never hand out the same job twice', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [PARALLEL]);
    for (let i = 0; i < 5; i++) await h.engine.startInstance(ana, { processKey: 'parallel-jobs' });
    const batches = await Promise.all(Array.from({ length: 4 }, () => claimDueJobs(h.db.knex, ['work'], h.clock.now(), 60_000, 3)));
    const ids = batches.flat().map((t) => t.job.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.equal(10);
    await h.db.knex('job').whereIn('id', ids).update({ state: 'cancelled' });
  });

  it('a BpmnError from a handler is caught by the error boundary', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [WITH_ERROR_BOUNDARY]);
    h.registry.register('check', async () => { throw new BpmnError('INVALID_NIK', 'the NIK checksum does not match'); });
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'error-boundary' });
    await h.runner.drain();
    const history = await historyOf(h.db.knex, instanceId);
    expect(history.some((r) => r.type === 'element.completed' && r.element_id === 'NotOk')).to.equal(true);
    expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
  });

  it('a timer start cycle starts instances when due, twice, and no more', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [TIMER_START]);
    const count = async () => Number((await h.db.knex('process_instance').where({ tenant_id: tenant }).count('* as n').first())!.n);
    await h.runner.drain();
    expect(await count()).to.equal(0);
    h.clock.pin(new Date(T0.getTime() + 3600_000));
    await h.runner.drain();
    expect(await count()).to.equal(1);
    h.clock.pin(new Date(T0.getTime() + 10 * 3600_000));
    await h.runner.drain();
    expect(await count()).to.equal(2);
    expect(Number((await h.db.knex('timer').where({ tenant_id: tenant }).count('* as n').first())!.n)).to.equal(0);
  });

  it('starts, picks up work on its own, and stops cleanly', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [PARALLEL]);
    h.registry.register('work', async () => ({}));
    h.runner.start();
    try {
      const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parallel-jobs' });
      for (let i = 0; i < 100; i++) {
        if ((await findInstance(h.db.knex, tenant, instanceId))?.state === 'completed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
    } finally {
      await h.runner.stop();
    }
  });
});
