/**
 * Eager continuation (runner/queue/workers.ts) in the cases a plan alone does not show: a job the
 * worker took in the finishing statement but that the same work cancelled — its branch ended by an
 * error, the case ended — must not run. Its row is cancelled in the database, and the worker knows
 * the job only from the unit of work (`taken`).
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, type Harness } from './harness.js';
import { runJobRow } from '../../engine/runner/queue/workers.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const svc = (id: string, inc: string, out: string) => `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="rantai" /></bpmn:extensionElements><bpmn:incoming>${inc}</bpmn:incoming><bpmn:outgoing>${out}</bpmn:outgoing></bpmn:serviceTask>`;
const ERR = `</bpmn:process><bpmn:error id="err" errorCode="E1" /><bpmn:process id="unused-e" isExecutable="false">`;

const EMPTY = bpmn('kosong', `<bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent><bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'E')}`);

// j1 → sub{ fork → jA ; fork → [callB →] error end } with an error boundary on sub → E2: j1's completion opens jA and, in the same work, the error ends the sub-process and cancels it.
function model(id: string, viaCall: boolean) {
  const b = viaCall
    ? `<bpmn:callActivity id="callB"><bpmn:extensionElements><zeebe:calledElement processId="kosong" /></bpmn:extensionElements><bpmn:incoming>g2</bpmn:incoming><bpmn:outgoing>g3</bpmn:outgoing></bpmn:callActivity>
       <bpmn:endEvent id="errEnd"><bpmn:incoming>g3</bpmn:incoming><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>${flow('g2', 'fork', 'callB')}${flow('g3', 'callB', 'errEnd')}`
    : `<bpmn:endEvent id="errEnd"><bpmn:incoming>g2</bpmn:incoming><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>${flow('g2', 'fork', 'errEnd')}`;
  return bpmn(id, `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  ${svc('j1', 'F0', 'F1')}
  <bpmn:subProcess id="sub"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    <bpmn:startEvent id="ss"><bpmn:outgoing>g0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:parallelGateway id="fork"><bpmn:incoming>g0</bpmn:incoming><bpmn:outgoing>g1</bpmn:outgoing><bpmn:outgoing>g2</bpmn:outgoing></bpmn:parallelGateway>
    ${svc('jA', 'g1', 'g4')}<bpmn:endEvent id="aEnd"><bpmn:incoming>g4</bpmn:incoming></bpmn:endEvent>
    ${flow('g0', 'ss', 'fork')}${flow('g1', 'fork', 'jA')}${flow('g4', 'jA', 'aEnd')}${b}
  </bpmn:subProcess>
  <bpmn:boundaryEvent id="catch" attachedToRef="sub"><bpmn:outgoing>F3</bpmn:outgoing><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent><bpmn:endEvent id="E2"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  ${flow('F0', 'S', 'j1')}${flow('F1', 'j1', 'sub')}${flow('F2', 'sub', 'E')}${flow('F3', 'catch', 'E2')}${ERR}`);
}

forEachBackend('eager continuation: a job opened and cancelled in the same work is not run', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });
  for (const viaCall of [false, true]) {
    it(`given j1's completion opens jA of the same type and the same work cancels it (${viaCall ? 'the error thrown after a called process ended, a follow-up' : 'the error thrown in the same step'}), then jA's handler never runs and the case completes`, async () => {
      const tenant = await newTenant(h);
      const ana = actor(tenant, 'ana', ['analyst']);
      const key = viaCall ? 'rantai-call' : 'rantai-direct';
      await h.engine.deploy(ana, [EMPTY, model(key, viaCall)]);
      const seen: string[] = [];
      h.registry.register('rantai', async (job) => { seen.push(job.elementId); return { variables: {} }; });
      const { instanceId } = await h.engine.startInstance(ana, { processKey: key });
      const row = await h.db.knex('job').where({ instance_id: instanceId }).first();
      await runJobRow(h.engine, h.registry, row.id, 60_000, { baseMs: 1000, maxMs: 60_000 }, { max: 10, ms: 60_000 });
      const rows = await h.db.knex('job').where({ instance_id: instanceId }).select('element_id', 'state', 'payload');
      const inst = await h.db.knex('process_instance').where({ id: instanceId }).first();
      expect(seen).to.deep.equal(['j1']);
      expect(rows.map((r: { element_id: string; state: string }) => `${r.element_id} ${r.state}`).sort()).to.deep.equal(['j1 completed', 'jA cancelled']);
      expect(inst.state).to.equal('completed');
    });
  }
});
