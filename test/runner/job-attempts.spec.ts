import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from '../service/harness.js';
import { claimDueJobs } from '../../engine/store/jobs.js';

const SEND_THEN_REVIEW = bpmn('send-then-review', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Send"><bpmn:extensionElements><zeebe:taskDefinition type="send" retries="3" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent><bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="E" />
  <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="Send" /><bpmn:sequenceFlow id="F1" sourceRef="Send" targetRef="Review" />`);

forEachBackend('runner: attempts of one job', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });

  it('given a retry queued by one run failing, when a duplicate run of the same attempt completes, then the job is done and the retry never runs', async () => {
    h.clock.pin(T0);
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [SEND_THEN_REVIEW]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'send-then-review' });
    const [{ job: first }] = await claimDueJobs(h.db.knex, ['send'], T0, 60_000, 10);
    // Two workers ran attempt 1 (the lease ran out under the first): one failed, one succeeded.
    await h.engine.finishJob(first, { type: 'job.fail', key: first.key, message: 'timeout', retries: 2, backoffMs: 1000, attempt: 1 });
    const queued = await h.db.knex('job').where({ instance_id: instanceId, state: 'ready' }).select('id');
    expect(queued).to.have.length(1);
    await h.engine.finishJob(first, { type: 'job.complete', key: first.key, variables: {} });

    const states = (await h.db.knex('job').where({ instance_id: instanceId }).orderBy('created_at').select('id', 'state')).map((r: { id: string; state: string }) => r.state);
    expect(states).to.deep.equal(['failed', 'cancelled']);
    let runs = 0;
    h.registry.register('send', async () => { runs++; return {}; });
    h.clock.pin(new Date(T0.getTime() + 60_000));
    await h.runner.drain();
    expect(runs).to.equal(0);
    const open = await h.db.knex('user_task').where({ instance_id: instanceId, state: 'open' }).select('element_id');
    expect(open.map((r: { element_id: string }) => r.element_id)).to.deep.equal(['Review']);
  });
});
