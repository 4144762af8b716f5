/** End events: none, terminate (process and subprocess), error, escalation, message, signal. */
import { expect } from 'chai';
import { given, bpmn, bpmnWith, flow, path, vars, userTask, active, incidentsOf, historyOf, effectsOf, elementKey } from './support.js';

const roots = `<bpmn:error id="err" errorCode="DITOLAK"/><bpmn:escalation id="esc" escalationCode="LAMBAT"/>
  <bpmn:message id="msg" name="izin-terbit"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>
  <bpmn:signal id="sig" name="loket-tutup"/>`;

describe('end events', () => {
  it('given a none end event on one of two branches, when reached, then only that token ends', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('a')}<bpmn:endEvent id="ea"/><bpmn:endEvent id="eb"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'eb')}${flow('x', 'a', 'ea')}`));
    const id = engine.start('p');
    expect(engine.state(id).status).to.equal('active');
    expect(active(engine, id)).to.deep.equal(['a']);
  });

  it('given a terminate end event at process level, when reached, then every other token ends, tasks close as cancelled, and the instance is terminated', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}
      <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent><bpmn:endEvent id="eb"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('x', 'a', 'stop')}${flow('y', 'b', 'eb')}`));
    const id = engine.start('p');
    const bKey = elementKey(engine, id, 'b');
    const r = engine.completeTask(id, 'a');
    expect(engine.state(id).status).to.equal('terminated');
    expect(effectsOf(r, 'task.close')).to.deep.include({ type: 'task.close', key: bKey, reason: 'cancelled' });
    expect(effectsOf(r, 'instance.ended')[0]).to.include({ state: 'terminated' });
    expect(engine.openTasks(id)).to.have.length(0);
    expect(historyOf(engine, id, 'instance.terminated')).to.have.length(1);
    expect(path(engine, id)).to.include('stop');
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.deep.equal(['b', 'p']);
  });

  it('given a terminate end event inside a subprocess, when reached, then only the subprocess ends and the process goes on', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="ss"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}
        <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent><bpmn:endEvent id="eb"/>
        ${flow('g0', 'ss', 'fork')}${flow('ga', 'fork', 'a')}${flow('gb', 'fork', 'b')}${flow('x', 'a', 'stop')}${flow('y', 'b', 'eb')}
      </bpmn:subProcess>
      ${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(engine.state(id).status).to.equal('active');
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['after']);
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.deep.equal(['b']);
    expect(path(engine, id)).to.include('sub');
  });

  it('given an error end event inside a subprocess with an error boundary, when reached, then the boundary path runs', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('g', 'ss', 'fail')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      <bpmn:endEvent id="ok"/><bpmn:endEvent id="handled"/>
      ${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'ok')}${flow('f2', 'caught', 'handled')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.deep.equal(['s', 'ss', 'caught', 'handled', 'p']);
    expect(historyOf(engine, id, 'error.thrown')[0].data).to.deep.include({ code: 'DITOLAK', caught: true });
  });

  it('given an error end event nothing catches, when reached, then an unhandled-error incident stops the instance there', async () => {
    const engine = await given(bpmnWith(roots, `<bpmn:startEvent id="s"/><bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('f', 's', 'fail')}`));
    const id = engine.start('p');
    expect(engine.state(id).status).to.equal('active');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'fail', type: 'unhandled-error' });
    expect(historyOf(engine, id, 'error.thrown')[0].data).to.deep.include({ code: 'DITOLAK', caught: false });
  });

  it('given an escalation end event in a subprocess with a non-interrupting escalation boundary, when reached, then both paths go on', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:parallelGateway id="fork"/>${userTask('work')}
        <bpmn:endEvent id="esc1"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent><bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'fork')}${flow('g1', 'fork', 'esc1')}${flow('g2', 'fork', 'work')}${flow('g3', 'work', 'se')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="notify" attachedToRef="sub" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>
      ${userTask('supervisor')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'e')}${flow('f2', 'notify', 'supervisor')}${flow('f3', 'supervisor', 'e2')}`));
    const id = engine.start('p');
    expect(engine.openTasks(id).map((t) => t.task.elementId).sort()).to.deep.equal(['supervisor', 'work']);
    expect(historyOf(engine, id, 'escalation.thrown')[0].data).to.deep.equal({ code: 'LAMBAT', caught: true });
  });

  it('given an escalation end event nothing catches, when reached, then the token just ends (no incident)', async () => {
    const engine = await given(bpmnWith(roots, `<bpmn:startEvent id="s"/><bpmn:endEvent id="esc1"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent>${flow('f', 's', 'esc1')}`));
    const id = engine.start('p');
    expect(engine.state(id).status).to.equal('completed');
    expect(incidentsOf(engine, id)).to.have.length(0);
  });

  it('given a message end event, when reached, then a message.publish effect carries the name, correlation key and variables', async () => {
    const engine = await given(bpmnWith(roots, `<bpmn:startEvent id="s"/><bpmn:endEvent id="done"><bpmn:messageEventDefinition messageRef="msg"/></bpmn:endEvent>${flow('f', 's', 'done')}`));
    const model = engine.models.get('p')!;
    const { step } = await import('../../engine/core/step.js');
    const r = step(model, null, { type: 'instance.start', instanceId: 'i', processId: 'p', variables: { nomor: 'SK-7' } }, engine.now);
    const [publish] = effectsOf(r, 'message.publish');
    expect(publish).to.deep.equal({ type: 'message.publish', name: 'izin-terbit', correlationKey: 'SK-7', variables: {} });
    expect(r.state.status).to.equal('completed');
    expect(r.history.some((h) => h.type === 'message.published')).to.equal(true);
  });

  it('given a message end event and another instance waiting for it, when reached, then the waiting instance receives it', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toWait"/>
      <bpmn:endEvent id="done"><bpmn:messageEventDefinition messageRef="msg"/></bpmn:endEvent>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="msg"/></bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'g')}${flow('toDone', 'g', 'done', '=sender')}${flow('toWait', 'g', 'wait')}${flow('f2', 'wait', 'e')}`));
    const waiting = engine.start('p', { sender: false, nomor: 'SK-7' });
    engine.start('p', { sender: true, nomor: 'SK-7' });
    expect(engine.state(waiting).status).to.equal('completed');
    expect(engine.published).to.deep.equal([{ name: 'izin-terbit', correlationKey: 'SK-7', delivered: true }]);
  });

  it('given a signal end event, when reached, then a signal.broadcast effect is emitted', async () => {
    const engine = await given(bpmnWith(roots, `<bpmn:startEvent id="s"/><bpmn:endEvent id="done"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:endEvent>${flow('f', 's', 'done')}`));
    const { step } = await import('../../engine/core/step.js');
    const r = step(engine.models.get('p')!, null, { type: 'instance.start', instanceId: 'i', processId: 'p' }, engine.now);
    expect(effectsOf(r, 'signal.broadcast')).to.deep.equal([{ type: 'signal.broadcast', name: 'loket-tutup', variables: {} }]);
    expect(r.history.filter((h) => h.type === 'signal.thrown')).to.have.length(1);
  });

  it('given a signal end event, when reached, then other instances waiting for the signal move on', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toWait"/>
      <bpmn:endEvent id="done"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:endEvent>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'g')}${flow('toDone', 'g', 'done', '=sender')}${flow('toWait', 'g', 'wait')}${flow('f2', 'wait', 'e')}`));
    const w1 = engine.start('p', { sender: false });
    const w2 = engine.start('p', { sender: false });
    engine.start('p', { sender: true });
    expect([engine.state(w1).status, engine.state(w2).status]).to.deep.equal(['completed', 'completed']);
  });

  it('given end events ending every token, when the last ends, then the process variables are kept as final', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { a: 1 });
    engine.completeTask(id, 't', { b: 2 });
    expect(engine.state(id).els).to.deep.equal({});
    expect(vars(engine, id)).to.deep.equal({ a: 1, b: 2 });
  });
});
