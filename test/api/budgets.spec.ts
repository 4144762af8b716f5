/**
 * Issue 16's attacks on the core, through the API on every backend: what one tenant's model,
 * form or input may cost is bounded, and exceeding it is an incident of that instance or a 400 —
 * never a frozen server. Each case failed before its budget existed (it ran to the end, or
 * answered 500).
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { DOUBLING } from '../expressions/fixtures/doubling.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

/** start → exclusive gateway (condition `condition`, else default) → two ends. */
function gatewayOn(id: string, condition: string): Buffer {
  return bpmnFile(id, `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:exclusiveGateway id="G" default="FNo"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>FYes</bpmn:outgoing><bpmn:outgoing>FNo</bpmn:outgoing></bpmn:exclusiveGateway>
  <bpmn:endEvent id="Yes"><bpmn:incoming>FYes</bpmn:incoming></bpmn:endEvent>
  <bpmn:endEvent id="No"><bpmn:incoming>FNo</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="G" />
  <bpmn:sequenceFlow id="FYes" sourceRef="G" targetRef="Yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="FNo" sourceRef="G" targetRef="No" />`);
}

forEachBackend('api: budgets against hostile models and input', (backend) => {
  let api: Api;
  let analyst: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api, 'hostile');
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst', 'staff']);
  });
  after(async () => { await api.close(); });

  function deploy(file: Buffer, name: string) {
    return api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', file, `${name}.bpmn`);
  }

  describe('attack 3: FEEL that looks harmless builds 67 million elements', () => {
    it('given a condition doubling a list 23 times, when an instance reaches it, then the budget cuts it into an incident there and the server answers the next request', async () => {
      await deploy(gatewayOn('attack-doubling', DOUBLING + ' > 0'), 'doubling').expect(201);
      const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'attack-doubling' }).expect(201);
      const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
      expect(instance.state).to.equal('active');
      expect(instance.activeElements).to.deep.equal(['G']);
      expect(instance.incidents).to.have.length(1);
      expect(instance.incidents[0].message).to.contain('exceeded its time budget');
      await api.http.get('/api/process-definitions').set(bearer(analyst)).expect(200);
    });
  });
});
