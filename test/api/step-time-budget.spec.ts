/**
 * Issue 16, a cycle of expressions, each within its budget, under the element budget: the step's
 * own time budget (ALUR_STEP_TIMEOUT_MS) makes it an incident of that instance. Its own server whose
 * expressions may take 1 s each: what is tested is the step's budget, and a round that costs a few
 * ms must not meet the 100 ms expression budget on a loaded machine. (Moved from budgets.spec.ts,
 * where its server shadowed that spec's api, analyst and deploy.)
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';
import { createBoundedEvaluator, type BoundedFeelEvaluator } from '../../engine/expressions/sandbox.js';
import { gatewayOn } from './budget-models.js';

forEachBackend('api: the step-time budget', (backend) => {
  let api: Api;
  let feel: BoundedFeelEvaluator;
  let analyst: string;
  before(async () => {
    feel = createBoundedEvaluator({ timeoutMs: 1000 });
    api = await openApi(backend, { engine: { feel } });
    analyst = await makeUser(api, await makeTenant(api, 'rounds'), uname('ana'), ['analyst', 'staff'], ['loket']);
  });
  after(async () => { feel.close(); await api.close(); });
  const deploy = (file: Buffer, name: string) => api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', file, `${name}.bpmn`);

  it('given a loop whose condition costs milliseconds, when a case starts, then after ALUR_STEP_TIMEOUT_MS (2 s) it is a step-time incident of that instance and the other cases go on', async () => {
    // 8 · 2^9 list elements: some milliseconds of FEEL per round, far under the 100 ms budget;
    // 3,333 rounds fit the element budget, so without a time budget one start held the server 10 s and more.
    const letters = 'abcdefghij'.split('');
    const cost = `count({a: [1, 2, 3, 4, 5, 6, 7, 8], ${letters.slice(1).map((c, i) => `${c}: concatenate(${letters[i]}, ${letters[i]})`).join(', ')}}.j) > 0`;
    await deploy(bpmnFile('attack-rounds', `<bpmn:startEvent id="s" />
      <bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
      <bpmn:exclusiveGateway id="more" default="done" /><bpmn:endEvent id="e" />
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="count" /><bpmn:sequenceFlow id="f1" sourceRef="count" targetRef="more" />
      <bpmn:sequenceFlow id="again" sourceRef="more" targetRef="count"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${cost} and n &lt; 100000</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="done" sourceRef="more" targetRef="e" />`), 'rounds').expect(201);
    const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'attack-rounds', variables: { n: 0 } }).expect(201);
    const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
    expect(instance.state).to.equal('active');
    expect(instance.incidents.map((i: { type: string }) => i.type)).to.deep.equal(['step-time']);
    expect(instance.incidents[0].message).to.contain('longer than 2000 ms');
    expect(instance.variables.n).to.be.within(2, 3000);
    await deploy(gatewayOn('quiet-gateway', 'true'), 'quiet').expect(201);
    const quiet = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'quiet-gateway' }).expect(201);
    expect(quiet.body.state).to.equal('completed');
  });
});
