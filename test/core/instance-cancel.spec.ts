/** instance.cancel: every token ends, every task, job, timer and subscription is closed, and nothing moves afterwards. */
import { expect } from 'chai';
import { given, bpmnWith, flow, userTask, serviceTask, timer, boundary, effectsOf, historyOf, elementKey, subKey, incidentsOf, sendStale } from './support.js';

const roots = `<bpmn:message id="m" name="balasan"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>`;
const busy = bpmnWith(roots, `
  <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
  ${userTask('review')}${boundary('sla', 'review', timer('duration', 'P5D'), false)}
  ${serviceTask('notify', 'kirim-sms')}
  <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
  <bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/><bpmn:endEvent id="es"/>
  ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'review')}${flow('fb', 'fork', 'notify')}${flow('fc', 'fork', 'reply')}
  ${flow('ja', 'review', 'join')}${flow('jb', 'notify', 'join')}${flow('jc', 'reply', 'join')}${flow('f1', 'join', 'e')}${flow('f2', 'sla', 'es')}`);

describe('instance.cancel', () => {
  it('given a busy instance, when cancelled, then each open task closes as cancelled, the job, timer and message subscription are cancelled', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    const review = elementKey(engine, id, 'review');
    const notify = elementKey(engine, id, 'notify');
    const sla = subKey(engine, id, 'sla');
    const reply = subKey(engine, id, 'reply');
    const r = engine.send(id, { type: 'instance.cancel', user: 'admin' });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: review, reason: 'cancelled' }]);
    expect(effectsOf(r, 'job.cancel')).to.deep.equal([{ type: 'job.cancel', key: notify }]);
    expect(effectsOf(r, 'timer.cancel')).to.deep.equal([{ type: 'timer.cancel', key: sla }]);
    expect(effectsOf(r, 'message.unsubscribe')).to.deep.equal([{ type: 'message.unsubscribe', key: reply }]);
    expect(effectsOf(r, 'instance.ended')).to.deep.equal([{ type: 'instance.ended', state: 'cancelled', variables: { nomor: 'C-1' }, errorCode: undefined, parent: undefined }]);
  });

  it('given a cancelled instance, then the host holds no task, job, timer or subscription for it', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.send(id, { type: 'instance.cancel' });
    expect([engine.openTasks(id).length, engine.jobs.length, engine.timers.size, engine.messages.size]).to.deep.equal([0, 0, 0, 0]);
  });

  it('given a cancelled instance, then its state is cancelled, empty, and keeps the final variables', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.send(id, { type: 'instance.cancel' });
    const state = engine.state(id);
    expect(state.status).to.equal('cancelled');
    expect(state.els).to.deep.equal({});
    expect(state).to.not.have.any.keys('subs', 'joins', 'comp');
    expect(state.final).to.deep.equal({ nomor: 'C-1' });
  });

  it('given a cancellation, then history records each element terminated, the process and instance.cancelled', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.send(id, { type: 'instance.cancel' });
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId).sort()).to.deep.equal(['notify', 'p', 'reply', 'review']);
    expect(historyOf(engine, id, 'instance.cancelled')).to.have.length(1);
  });

  it('given a cancelled instance, when the late task completion arrives, then it is ignored', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    const review = elementKey(engine, id, 'review');
    engine.send(id, { type: 'instance.cancel' });
    sendStale(engine, id, { type: 'task.complete', key: review }, /is cancelled/);
  });

  it('given a cancelled instance, when cancelled again, then it is ignored and nothing changes', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.send(id, { type: 'instance.cancel' });
    sendStale(engine, id, { type: 'instance.cancel' }, /is cancelled/);
  });

  it('given an open incident, when the instance is cancelled, then the incident closes too', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.send(id, { type: 'job.fail', key: elementKey(engine, id, 'notify'), message: 'x', retries: 0 });
    const [incident] = incidentsOf(engine, id);
    const r = engine.send(id, { type: 'instance.cancel' });
    expect(effectsOf(r, 'incident.close')).to.deep.equal([{ type: 'incident.close', key: incident.key }]);
    expect(incidentsOf(engine, id)).to.have.length(0);
  });

  it('given a completed instance, when cancelled, then it is ignored and stays completed', async () => {
    const engine = await given(busy);
    const id = engine.start('p', { nomor: 'C-1' });
    engine.completeTask(id, 'review');
    engine.publish('balasan', 'C-1');
    engine.send(id, { type: 'job.complete', key: elementKey(engine, id, 'notify') });
    expect(engine.state(id).status).to.equal('completed');
    sendStale(engine, id, { type: 'instance.cancel' }, /is completed/);
    expect(engine.state(id).status).to.equal('completed');
  });
});
