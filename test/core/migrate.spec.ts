/**
 * instance.migrate: a running instance moves to another version of its process with an element
 * mapping; tasks, jobs, timers and subscriptions move with their element (same keys, rows renamed
 * by element.migrated), boundary events the target drops close and those it adds open; a mapping
 * the core cannot honour is refused naming each element, changing nothing.
 */
import { expect } from 'chai';
import { step, type StepResult } from '../../engine/core/step.js';
import { checkMigration } from '../../engine/core/migrate.js';
import type { InstanceState } from '../../engine/core/state.js';
import type { ProcessModel } from '../../engine/core/model.js';
import { compile, bpmn, chain, flow, userTask, serviceTask, boundary, timer, effectsOf } from './support.js';

const NOW = '2026-12-01T08:00:00.000Z';
const LATER = '2026-12-02T08:00:00.000Z';

async function model(xml: string): Promise<ProcessModel> {
  return (await compile(xml))[0];
}

const V1 = bpmn(`<bpmn:startEvent id="s"/>${userTask('periksa')}${boundary('lama', 'periksa', timer('duration', 'P3D'))}${serviceTask('kirim', 'kirim-surat')}
  <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${chain('s', 'periksa', 'kirim', 'e')}${flow('f9', 'lama', 'e2')}`);
// v2 renames periksa to verifikasi, drops the 3-day reminder, adds a message boundary, and puts a task before the service task.
const V2 = bpmn(`<bpmn:startEvent id="s"/>${userTask('verifikasi')}${boundary('batal', 'verifikasi', '<bpmn:messageEventDefinition messageRef="m"/>')}${userTask('paraf')}${serviceTask('kirim', 'kirim-surat')}
  <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${chain('s', 'verifikasi', 'paraf', 'kirim', 'e')}${flow('f9', 'batal', 'e2')}`)
  .replace('</bpmn:definitions>', '<bpmn:message id="m" name="batal"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message></bpmn:definitions>');

function started(m: ProcessModel, vars: Record<string, unknown> = {}): InstanceState {
  return step(m, null, { type: 'instance.start', instanceId: 'i1', processId: 'p', variables: vars }, NOW).state;
}

describe('instance.migrate', () => {
  it('given a case at a user task, when migrated with a mapping, then the task keeps its key under the new element, the dropped boundary timer closes and the new boundary subscribes', async () => {
    const [v1, v2] = [await model(V1), await model(V2)];
    const state = started(v1, { nomor: 'SK-1' });
    const taskKey = Number(Object.keys(state.els).find((k) => state.els[Number(k)].e === 'periksa'));
    const oldTimer = Number(Object.keys(state.subs!)[0]);
    const r: StepResult = step(v1, state, { type: 'instance.migrate', target: v2, mappings: [{ source: 'periksa', target: 'verifikasi' }], user: 'operator', versions: { from: 1, to: 2 } }, LATER);
    expect(r.ignored).to.equal(undefined);
    expect(r.state.els[taskKey].e).to.equal('verifikasi');
    expect(r.state.els[taskKey].w).to.deep.equal({ k: 'task' });
    expect(effectsOf(r, 'element.migrated')).to.deep.equal([{ type: 'element.migrated', key: taskKey, elementId: 'verifikasi' }]);
    expect(effectsOf(r, 'timer.cancel')).to.deep.equal([{ type: 'timer.cancel', key: oldTimer }]);
    expect(effectsOf(r, 'message.subscribe')).to.deep.equal([{ type: 'message.subscribe', key: r.state.next - 1, elementId: 'batal', name: 'batal', correlationKey: 'SK-1' }]);
    expect(Object.values(r.state.subs!)).to.deep.equal([{ e: 'batal', o: taskKey, kind: 'message', name: 'batal', ck: 'SK-1' }]);
    expect(r.history).to.deep.equal([{ type: 'instance.migrated', elementId: 'p', key: 1, user: 'operator', data: { fromVersion: 1, toVersion: 2, mappings: [{ source: 'periksa', target: 'verifikasi' }] } }]);
    // It runs on in the target: completing the task goes to paraf, which v1 does not have.
    const next = step(v2, r.state, { type: 'task.complete', key: taskKey }, LATER);
    expect(Object.values(next.state.els).map((i) => i.e)).to.deep.equal(['p', 'paraf']);
  });

  it('given a timer that both versions keep, when migrated, then it keeps its key and due time', async () => {
    const v1 = await model(V1);
    const v1b = await model(V1.replace('<bpmn:endEvent id="e2"/>', '<bpmn:endEvent id="e2" name="Diingatkan"/>'));
    const state = started(v1);
    const r = step(v1, state, { type: 'instance.migrate', target: v1b, mappings: [{ source: 'periksa', target: 'periksa' }] }, LATER);
    expect(r.state.subs).to.deep.equal(state.subs);
    expect(r.effects).to.deep.equal([]);
  });

  it('given a job waiting at a service task, when migrated, then the job moves with its element and its incident too', async () => {
    const v1 = await model(V1);
    let state = started(v1);
    const taskKey = Number(Object.keys(state.els).find((k) => state.els[Number(k)].e === 'periksa'));
    state = step(v1, state, { type: 'task.complete', key: taskKey }, NOW).state;
    const jobKey = Number(Object.keys(state.els).find((k) => state.els[Number(k)].e === 'kirim'));
    state = step(v1, state, { type: 'job.fail', key: jobKey, message: 'down', retries: 0, attempt: 1 }, NOW).state;
    const incidentKey = state.els[jobKey].inc!.key;
    const v2b = await model(V2.replace(/kirim/g, 'kirim2').replace('type="kirim2-surat"', 'type="kirim-surat"'));
    const r = step(v1, state, { type: 'instance.migrate', target: v2b, mappings: [{ source: 'kirim', target: 'kirim2' }] }, LATER);
    expect(effectsOf(r, 'element.migrated')).to.deep.equal([
      { type: 'element.migrated', key: jobKey, elementId: 'kirim2' }, { type: 'element.migrated', key: incidentKey, elementId: 'kirim2' },
    ]);
    expect(r.state.els[jobKey].w).to.deep.include({ k: 'job', type: 'kirim-surat' });
    const retried = step(v2b, r.state, { type: 'incident.resolve', key: incidentKey }, LATER);
    expect(effectsOf(retried, 'job.enqueue')[0]).to.include({ key: jobKey, elementId: 'kirim2' });
  });

  it('given mappings it cannot honour, then each element is named and a migrate input changes nothing', async () => {
    const [v1, v2] = [await model(V1), await model(V2)];
    const state = started(v1);
    expect(checkMigration(v1, v2, state, [])).to.deep.equal([{ element: 'periksa', code: 'no-mapping', params: { element: { id: 'periksa' } } }]);
    expect(checkMigration(v1, v2, state, [{ source: 'periksa', target: 'hilang' }])).to.deep.equal([{ element: 'periksa', code: 'target-missing', params: { element: { id: 'periksa' }, target: 'hilang' } }]);
    expect(checkMigration(v1, v2, state, [{ source: 'periksa', target: 'kirim' }])).to.deep.equal([{ element: 'periksa', code: 'type-differs', params: { element: { id: 'periksa' }, target: { id: 'kirim' }, type: 'userTask', targetType: 'serviceTask' } }]);
    const other = await model(V2.replace('id="p"', 'id="q"'));
    expect(checkMigration(v1, other, state, [{ source: 'periksa', target: 'verifikasi' }])).to.deep.equal([{ element: 'p', code: 'other-process', params: { target: 'q', process: 'p' } }]);
    const r = step(v1, state, { type: 'instance.migrate', target: v2, mappings: [{ source: 'periksa', target: 'kirim' }] }, LATER);
    expect(r.ignored).to.match(/periksa: type-differs/);
    expect(r.state).to.equal(state);
    expect(r.effects).to.deep.equal([]);
  });

  it('given an element inside a subprocess, when its mapping would leave its container, then it is refused; mapped with its subprocess, it moves', async () => {
    const sub = (id: string, task: string) => bpmn(`<bpmn:startEvent id="s"/><bpmn:subProcess id="${id}"><bpmn:startEvent id="ss"/>${userTask(task)}<bpmn:endEvent id="se"/>${flow('sf1', 'ss', task)}${flow('sf2', task, 'se')}</bpmn:subProcess>
      ${userTask('luar')}<bpmn:endEvent id="e"/>${chain('s', id, 'luar', 'e')}`);
    const [v1, v2] = [await model(sub('kajian', 'telaah')), await model(sub('kajian2', 'telaah2'))];
    const state = started(v1);
    expect(checkMigration(v1, v2, state, [{ source: 'kajian', target: 'kajian2' }, { source: 'telaah', target: 'luar' }]))
      .to.deep.equal([{ element: 'telaah', code: 'container-differs', params: { element: { id: 'telaah' }, container: { id: 'kajian' }, target: { id: 'luar' }, targetContainer: { id: 'p', process: true } } }]);
    const r = step(v1, state, { type: 'instance.migrate', target: v2, mappings: [{ source: 'kajian', target: 'kajian2' }, { source: 'telaah', target: 'telaah2' }] }, LATER);
    expect(Object.values(r.state.els).map((i) => i.e)).to.deep.equal(['p', 'kajian2', 'telaah2']);
    const key = Number(Object.keys(r.state.els).find((k) => r.state.els[Number(k)].e === 'telaah2'));
    const done = step(v2, r.state, { type: 'task.complete', key }, LATER);
    expect(Object.values(done.state.els).map((i) => i.e)).to.deep.equal(['p', 'luar']);
  });

  it('given tokens waiting at a parallel join, when the target join has their flows, then they move; when it does not, the join is named', async () => {
    const par = (extra = '') => bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/>${userTask('a')}${userTask('b')}<bpmn:parallelGateway id="join"/>${extra}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'split')}${flow('f2', 'split', 'a')}${flow('f3', 'split', 'b')}${flow(extra ? 'g4' : 'f4', 'a', 'join')}${flow('f5', 'b', 'join')}${flow('f6', 'join', 'e')}`);
    const v1 = await model(par());
    let state = started(v1);
    const a = Number(Object.keys(state.els).find((k) => state.els[Number(k)].e === 'a'));
    state = step(v1, state, { type: 'task.complete', key: a }, NOW).state;
    expect(state.joins).to.deep.equal({ 1: { join: ['f4'] } });
    const same = await model(par().replace('<bpmn:endEvent id="e"/>', '<bpmn:endEvent id="e" name="Selesai"/>'));
    expect(checkMigration(v1, same, state, [{ source: 'b', target: 'b' }])).to.deep.equal([]);
    const renamed = await model(par(' '));
    expect(checkMigration(v1, renamed, state, [{ source: 'b', target: 'b' }])).to.deep.equal([{ element: 'join', code: 'join-flows-missing', params: { element: { id: 'join' }, flows: [{ id: 'f4' }], count: 1, target: { id: 'join' } } }]);
    const r = step(v1, state, { type: 'instance.migrate', target: same, mappings: [{ source: 'b', target: 'b' }] }, LATER);
    const b = Number(Object.keys(r.state.els).find((k) => r.state.els[Number(k)].e === 'b'));
    expect(step(same, r.state, { type: 'task.complete', key: b }, LATER).state.status).to.equal('completed');
  });
});
