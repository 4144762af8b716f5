import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, type Harness } from './harness.js';
import { findInstance } from '../../engine/store/instances.js';
import { listTasks } from '../../engine/store/tasks.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

// A child that escalates (and goes on), then ends at a terminate end event.
const CHILD = bpmn('child-escalates', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateThrowEvent id="Escalate"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing><bpmn:escalationEventDefinition escalationRef="Esc" /></bpmn:intermediateThrowEvent>
  <bpmn:endEvent id="Stop"><bpmn:incoming>F1</bpmn:incoming><bpmn:terminateEventDefinition /></bpmn:endEvent>${flow('F0', 'S', 'Escalate')}${flow('F1', 'Escalate', 'Stop')}
  </bpmn:process><bpmn:escalation id="Esc" escalationCode="terlambat" /><bpmn:process id="unused-c" isExecutable="false">`);

// The parent catches the escalation beside the call activity and opens a follow-up task.
const PARENT = bpmn('parent-watches', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="child-escalates" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:callActivity>
  <bpmn:boundaryEvent id="Late" attachedToRef="Call" cancelActivity="false"><bpmn:outgoing>F2</bpmn:outgoing><bpmn:escalationEventDefinition escalationRef="Esc2" /></bpmn:boundaryEvent>
  <bpmn:userTask id="FollowUp"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateUsers="ani" /></bpmn:extensionElements>
    <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  <bpmn:endEvent id="E2"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  ${flow('F0', 'S', 'Call')}${flow('F1', 'Call', 'E')}${flow('F2', 'Late', 'FollowUp')}${flow('F3', 'FollowUp', 'E2')}
  </bpmn:process><bpmn:escalation id="Esc2" escalationCode="terlambat" /><bpmn:process id="unused-p" isExecutable="false">`);

forEachBackend('service: what a called child reports to its call activity', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });

  it('given a child that escalates and then terminates, when it runs, then the parent catches the escalation and its call activity completes', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [CHILD, PARENT]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'parent-watches' });
    const child = await h.db.knex('process_instance').where({ parent_instance_id: instanceId }).first();
    expect(child.state).to.equal('terminated');
    const tasks = await listTasks(h.db.knex, tenant, { filter: 'candidate', user: { username: 'ani', groups: [], seesAll: false } }, { limit: 10, offset: 0 });
    expect(tasks.items.map((t) => t.element_id)).to.deep.equal(['FollowUp']);
    const parent = await findInstance(h.db.knex, tenant, instanceId);
    expect(parent?.state).to.equal('active');
    expect(parent?.snapshot.els).to.satisfy((els: Record<string, { e: string }>) => !Object.values(els).some((e) => e.e === 'Call'));
    await h.engine.completeTask(actor(tenant, 'ani', ['staff']), tasks.items[0].id, {});
    expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
  });
});
