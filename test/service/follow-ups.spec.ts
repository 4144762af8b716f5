import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, type Harness } from './harness.js';
import { findInstance } from '../../engine/store/instances.js';
import { listTasks } from '../../engine/store/tasks.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const CHILD = bpmn('child-review', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="ani" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Review')}${flow('F1', 'Review', 'E')}`);

const PARENT = bpmn('parent-case', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:callActivity id="CallReview"><bpmn:extensionElements><zeebe:calledElement processId="child-review" propagateAllChildVariables="true" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:callActivity>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'CallReview')}${flow('F1', 'CallReview', 'E')}`);

const SIGNAL_WAIT = bpmn('wait-for-holiday', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateCatchEvent id="Holiday"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing><bpmn:signalEventDefinition signalRef="Sig" /></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Holiday')}${flow('F1', 'Holiday', 'E')}
  </bpmn:process><bpmn:signal id="Sig" name="libur-nasional" /><bpmn:process id="unused-s1" isExecutable="false">`);

const SIGNAL_THROW = bpmn('announce-holiday', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:endEvent id="Announce"><bpmn:incoming>F0</bpmn:incoming><bpmn:signalEventDefinition signalRef="Sig2" /></bpmn:endEvent>${flow('F0', 'S', 'Announce')}
  </bpmn:process><bpmn:signal id="Sig2" name="libur-nasional" /><bpmn:process id="unused-s2" isExecutable="false">`);

forEachBackend('service: call activities and signals across instances', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });

  it('a call activity starts its child in the same transaction and resumes when the child ends', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [CHILD, PARENT]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parent-case', variables: { caseNo: 3 } });
    const child = await h.db.knex('process_instance').where({ parent_instance_id: instanceId }).first();
    expect(child).to.include({ process_key: 'child-review', state: 'active' });
    const ani = actor(tenant, 'ani', ['staff']);
    const tasks = await listTasks(h.db.knex, tenant, { filter: 'candidate', user: { username: 'ani', groups: [], seesAll: false } }, { limit: 10, offset: 0 });
    expect(tasks.items.map((t) => t.instance_id)).to.deep.equal([child.id]);
    await h.engine.completeTask(ani, tasks.items[0].id, { verdict: 'ok' });
    expect((await findInstance(h.db.knex, tenant, child.id))?.state).to.equal('completed');
    const parent = await findInstance(h.db.knex, tenant, instanceId);
    expect(parent?.state).to.equal('completed');
    expect(parent?.snapshot.final).to.include({ verdict: 'ok', caseNo: 3 });
  });

  it('cancelling the parent cancels the child and its task', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [CHILD, PARENT]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parent-case' });
    const child = await h.db.knex('process_instance').where({ parent_instance_id: instanceId }).first();
    await h.engine.cancelInstance(ana, instanceId);
    expect((await findInstance(h.db.knex, tenant, child.id))?.state).to.equal('cancelled');
    expect((await h.db.knex('user_task').where({ instance_id: child.id }).first()).state).to.equal('cancelled');
  });

  it('a thrown signal reaches waiting instances of the same tenant only', async () => {
    const tenant = await newTenant(h);
    const other = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const bob = actor(other, 'bob', ['analyst']);
    await h.engine.deploy(ana, [SIGNAL_WAIT, SIGNAL_THROW]);
    await h.engine.deploy(bob, [SIGNAL_WAIT]);
    const waiting = await h.engine.startInstance(ana, { processKey: 'wait-for-holiday' });
    const elsewhere = await h.engine.startInstance(bob, { processKey: 'wait-for-holiday' });
    await h.engine.startInstance(ana, { processKey: 'announce-holiday' });
    expect((await findInstance(h.db.knex, tenant, waiting.instanceId))?.state).to.equal('completed');
    expect((await findInstance(h.db.knex, other, elsewhere.instanceId))?.state).to.equal('active');
  });
});
