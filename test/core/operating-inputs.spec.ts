/**
 * Inputs of a person operating a running case: closing an incident without re-running what it
 * stopped (incident.dismiss), and setting process variables with a reason (variables.set).
 */
import { expect } from 'chai';
import { given, bpmn, chain, vars, userTask, serviceTask, active, incidentsOf, historyOf, effectsOf, elementKey, sendStale } from './support.js';

describe('operating inputs', () => {
  it('given a job incident, when it is dismissed, then it closes, nothing re-runs, and the token stays at the task', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('sign', 'sign', 1)}<bpmn:endEvent id="e"/>${chain('s', 'sign', 'e')}`));
    const id = engine.start('p');
    const job = engine.jobs.find((j) => j.instanceId === id)!;
    engine.send(id, { type: 'job.fail', key: job.key, message: 'down', retries: 0, attempt: job.attempt });
    const [incident] = incidentsOf(engine, id);
    const r = engine.send(id, { type: 'incident.dismiss', key: incident.key, user: 'ani' });
    expect(r.effects).to.deep.equal([{ type: 'incident.close', key: incident.key }]);
    expect(effectsOf(r, 'job.enqueue')).to.deep.equal([]);
    expect(r.history).to.deep.equal([{ type: 'incident.resolved', elementId: 'sign', key: elementKey(engine, id, 'sign'), user: 'ani', data: { incident: incident.key, rerun: false } }]);
    expect(active(engine, id)).to.deep.equal(['sign']);
    expect(incidentsOf(engine, id)).to.deep.equal([]);
    expect(engine.state(id).els[elementKey(engine, id, 'sign')].inc).to.equal(undefined);
    // The job that failed is not coming back: a late completion of it is ignored, and a second dismissal too.
    sendStale(engine, id, { type: 'incident.dismiss', key: incident.key }, /not open/);
  });

  it('given a running case, when a person sets variables, then the process scope has them and the history names the person, the names, the old and new values and the reason', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}<bpmn:endEvent id="e"/>${chain('s', 't', 'e')}`));
    const id = engine.start('p', { luas: 120, nama: 'Budi' });
    const r = engine.send(id, { type: 'variables.set', variables: { luas: 150, baru: [1] }, user: 'ani', reason: 'salah ketik' });
    expect(r.effects).to.deep.equal([]);
    expect(r.history).to.deep.equal([{ type: 'variables.changed', elementId: 'p', key: 1, user: 'ani', data: { names: ['luas', 'baru'], changes: [{ name: 'luas', old: 120, new: 150 }, { name: 'baru', new: [1] }], reason: 'salah ketik' } }]);
    expect(vars(engine, id)).to.deep.equal({ luas: 150, nama: 'Budi', baru: [1] });
    expect(historyOf(engine, id, 'variables.changed')).to.have.length(1);
    // Nothing to set is refused as a no-op, leaving everything as it was.
    sendStale(engine, id, { type: 'variables.set', variables: {} }, /no variables/);
    engine.completeTask(id, 't');
    expect(engine.state(id).status).to.equal('completed');
    sendStale(engine, id, { type: 'variables.set', variables: { luas: 1 } }, /completed/);
  });

  it('given a value set again unchanged or to null, when a person sets it, then only real changes carry values: null is a value, an absent old value means it did not exist', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}<bpmn:endEvent id="e"/>${chain('s', 't', 'e')}`));
    const id = engine.start('p', { luas: 120, alamat: { rt: 1 } });
    const r = engine.send(id, { type: 'variables.set', variables: { luas: 120, alamat: null, catatan: null }, user: 'ani' });
    expect(r.history[0].data).to.deep.equal({ names: ['luas', 'alamat', 'catatan'], changes: [{ name: 'alamat', old: { rt: 1 }, new: null }, { name: 'catatan', new: null }] });
  });

  it('given a task a person completes, when its variables land, then task.completed carries each changed variable with its old and new value, after output mappings and in its scope', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=1" target="lokal"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:startEvent id="ss"/>${userTask('t')}
        <bpmn:userTask id="u"><bpmn:extensionElements><zeebe:userTask/><zeebe:ioMapping><zeebe:output source="=skor * 10" target="nilai"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:userTask>
        <bpmn:endEvent id="se"/>${chain('ss', 't', 'u', 'se').replace(/id="f(\d)"/g, 'id="g$1"')}
      </bpmn:subProcess><bpmn:endEvent id="e"/>${chain('s', 'sub', 'e')}`));
    const id = engine.start('p', { luas: 120, nama: 'Budi' });
    const sub = elementKey(engine, id, 'sub');
    // Same name as before (nama) is no change; lokal lives in the subprocess; luas replaces 120.
    engine.completeTask(id, 't', { luas: 150, nama: 'Budi', lokal: 2, baru: 'ya' }, 'ani');
    expect(historyOf(engine, id, 'task.completed')[0]).to.deep.include({ elementId: 't', user: 'ani', data: {
      variables: { luas: 150, nama: 'Budi', lokal: 2, baru: 'ya' },
      changes: [{ name: 'luas', old: 120, new: 150 }, { name: 'lokal', scope: sub, old: 1, new: 2 }, { name: 'baru', new: 'ya' }],
    } });
    // With output mappings, what lands is the mapped value: the submitted skor stays with the task.
    engine.completeTask(id, 'u', { skor: 7 }, 'ani');
    expect(historyOf(engine, id, 'task.completed')[1].data).to.deep.equal({ variables: { skor: 7 }, changes: [{ name: 'nilai', new: 70 }] });
    expect(vars(engine, id)).to.deep.equal({ luas: 150, nama: 'Budi', baru: 'ya', nilai: 70 });
  });
});
