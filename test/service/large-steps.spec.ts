import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, type Harness } from './harness.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

/** One review task per item, all opened by the start's one step. */
const REVIEW_EACH = bpmn('review-each', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="staff" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing>
    <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Review')}${flow('F1', 'Review', 'E')}`);

forEachBackend('service: steps too big for one statement', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });

  it('given a start that opens 3,000 tasks in one step, when it runs, then it applies whole even though its writes exceed one statement\'s 65,535 bind parameters', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [REVIEW_EACH]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'review-each', variables: { items: Array.from({ length: 3000 }, (_, i) => i) } });
    const [{ n }] = await h.db.knex('user_task').where({ instance_id: instanceId, state: 'open' }).count('* as n');
    expect(Number(n)).to.equal(3000);
    const history = await h.db.knex('history').where({ instance_id: instanceId, type: 'instance.started' }).count('* as n');
    expect(Number(history[0].n)).to.equal(1);
  });
});
