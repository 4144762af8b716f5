/** Intermediate catch and throw events: timer (date, duration; a cycle is refused), message, signal, link, escalation. */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { given, bpmn, bpmnWith, flow, path, vars, userTask, timer, active, incidentsOf, historyOf, effectsOf, subKey, elementKey, sendStale } from './support.js';

const catching = (definition: string, roots = '') => bpmnWith(roots, `
  <bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">${definition}</bpmn:intermediateCatchEvent>${userTask('after')}<bpmn:endEvent id="e"/>
  ${flow('f1', 's', 'wait')}${flow('f2', 'wait', 'after')}${flow('f3', 'after', 'e')}`);

const msgRoots = `<bpmn:message id="m" name="dokumen-lengkap"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>`;
const sigRoots = `<bpmn:signal id="sig" name="libur-nasional"/>`;

describe('intermediate timer catch', () => {
  it('given a duration timer, when the token arrives, then a timer.schedule effect is due after the duration and the token waits', async () => {
    const engine = await given(catching(timer('duration', 'PT2H')), { now: '2026-01-01T00:00:00.000Z' });
    const id = engine.start('p');
    const key = subKey(engine, id, 'wait');
    expect(engine.timers.get(`${id}/${key}`)).to.deep.equal({ instanceId: id, key, due: Date.parse('2026-01-01T02:00:00.000Z'), elementId: 'wait' });
    expect(active(engine, id)).to.deep.equal(['wait']);
  });

  it('given a duration timer, when the clock passes the due time, then the token moves on', async () => {
    const engine = await given(catching(timer('duration', 'PT2H')));
    const id = engine.start('p');
    engine.advance(2 * 3600_000 - 1);
    expect(active(engine, id)).to.deep.equal(['wait']);
    engine.advance(1);
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(historyOf(engine, id, 'timer.fired')).to.have.length(1);
  });

  it('given a date timer, when the date is reached, then it fires', async () => {
    const engine = await given(catching(timer('date', '2026-01-03T00:00:00Z')), { now: '2026-01-01T00:00:00.000Z' });
    const id = engine.start('p');
    engine.advance(2 * 86_400_000);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a FEEL date timer from a variable, when the token arrives, then the due time is that date', async () => {
    const engine = await given(catching(timer('date', '=batas')));
    const id = engine.start('p', { batas: '2026-02-01T09:00:00+07:00' });
    expect(engine.timers.get(`${id}/${subKey(engine, id, 'wait')}`)!.due).to.equal(Date.parse('2026-02-01T02:00:00.000Z'));
  });

  it('given a FEEL duration computed from variables, when the token arrives, then it is used', async () => {
    const engine = await given(catching(timer('duration', '=&quot;P&quot; + string(hari) + &quot;D&quot;')));
    const id = engine.start('p', { hari: 3 });
    expect(engine.timers.get(`${id}/${subKey(engine, id, 'wait')}`)!.due).to.equal(Date.parse('2026-01-04T00:00:00.000Z'));
  });

  it('given a FEEL duration that is not a duration, when the token arrives, then an expression incident is raised', async () => {
    const engine = await given(catching(timer('duration', '=lama')));
    const id = engine.start('p', { lama: 'besok' });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'wait', type: 'expression' });
    expect(engine.timers.size).to.equal(0);
  });

  it('given a calendar duration of one month, when scheduled, then it adds a calendar month', async () => {
    const engine = await given(catching(timer('duration', 'P1M')), { now: '2026-01-31T00:00:00.000Z' });
    const id = engine.start('p');
    expect(new Date(engine.timers.get(`${id}/${subKey(engine, id, 'wait')}`)!.due).toISOString()).to.equal('2026-03-03T00:00:00.000Z');
  });

  it('given a cycle timer on an intermediate catch, when deployed, then it is refused (as in Camunda 8) rather than waiting once for a model that asks to repeat', async () => {
    const compiled = await compileBpmn(catching(timer('cycle', 'R3/PT1H')));
    expect(compiled.ok).to.equal(false);
    expect(compiled.ok ? [] : compiled.errors.map((e) => e.element)).to.deep.equal(['wait']);
  });

  it('given a timer fired for a token that moved on, when the stale timer.fire arrives, then it is ignored and nothing changes', async () => {
    const engine = await given(catching(timer('duration', 'PT1H')));
    const id = engine.start('p');
    const key = subKey(engine, id, 'wait');
    engine.advance(3600_000);
    const before = JSON.stringify(engine.state(id));
    const r = engine.send(id, { type: 'timer.fire', key });
    expect(r.ignored).to.contain('no longer open');
    expect(r.effects).to.have.length(0);
    expect(r.history.map((h) => ({ type: h.type, input: h.data?.input, reason: h.data?.reason, code: typeof h.data?.code }))).to.deep.equal([{ type: 'input.ignored', input: 'timer.fire', reason: r.ignored, code: 'string' }]);
    expect(JSON.stringify(engine.state(id))).to.equal(before);
  });

  it('given a message subscription key, when a timer.fire arrives for it, then it is ignored (kind mismatch) and the message subscription stays', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p', { nomor: 'A' });
    sendStale(engine, id, { type: 'timer.fire', key: subKey(engine, id, 'wait') }, /timer subscription \d+ is no longer open/);
    expect(active(engine, id)).to.deep.equal(['wait']);
  });
});

describe('intermediate message catch', () => {
  it('given a message catch with a correlation key, when the token arrives, then it subscribes with the evaluated key', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p', { nomor: 'REG-1' });
    const key = subKey(engine, id, 'wait');
    expect(engine.messages.get(`${id}/${key}`)).to.deep.equal({ instanceId: id, key, name: 'dokumen-lengkap', ck: 'REG-1' });
  });

  it('given a numeric correlation key, when subscribing, then it becomes a string', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p', { nomor: 42 });
    expect(engine.messages.get(`${id}/${subKey(engine, id, 'wait')}`)!.ck).to.equal('42');
  });

  it('given a correlation key that evaluates to null, when the token arrives, then an expression incident is raised', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0].message).to.contain('correlation key');
  });

  it('given two waiting instances, when a message is published with one key, then only that instance moves on, with the message variables', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const a = engine.start('p', { nomor: 'A' });
    const b = engine.start('p', { nomor: 'B' });
    expect(engine.publish('dokumen-lengkap', 'B', { lengkap: true })).to.equal(true);
    expect(active(engine, a)).to.deep.equal(['wait']);
    expect(active(engine, b)).to.deep.equal(['after']);
    expect(vars(engine, b)).to.deep.equal({ nomor: 'B', lengkap: true });
  });

  it('given a correlated message, when it completes the catch, then the subscription is closed with message.unsubscribe', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p', { nomor: 'A' });
    const key = subKey(engine, id, 'wait');
    const r = engine.send(id, { type: 'message.correlate', key, name: 'dokumen-lengkap' });
    expect(effectsOf(r, 'message.unsubscribe')).to.deep.equal([{ type: 'message.unsubscribe', key }]);
    expect(engine.state(id).subs).to.deep.equal({});
    expect(historyOf(engine, id, 'message.correlated')[0]).to.deep.include({ elementId: 'wait', key, data: { name: 'dokumen-lengkap' } });
  });

  it('given a closed subscription, when the message is correlated again, then it is recorded as input.ignored and nothing changes', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    const id = engine.start('p', { nomor: 'A' });
    const key = subKey(engine, id, 'wait');
    engine.send(id, { type: 'message.correlate', key, name: 'dokumen-lengkap', variables: { x: 1 } });
    const before = JSON.stringify(engine.state(id));
    const r = engine.send(id, { type: 'message.correlate', key, name: 'dokumen-lengkap', variables: { x: 2 } });
    expect(r.ignored).to.contain('no longer open');
    expect(JSON.stringify(engine.state(id))).to.equal(before);
    expect(vars(engine, id).x).to.equal(1);
  });

  it('given nothing waits and no message start, when a message is published, then it is not delivered', async () => {
    const engine = await given(catching('<bpmn:messageEventDefinition messageRef="m"/>', msgRoots));
    expect(engine.publish('dokumen-lengkap', 'nobody')).to.equal(false);
  });
});

describe('intermediate signal catch and throw', () => {
  it('given a signal catch, when the signal is broadcast, then every waiting instance moves on', async () => {
    const engine = await given(catching('<bpmn:signalEventDefinition signalRef="sig"/>', sigRoots));
    const a = engine.start('p');
    const b = engine.start('p');
    engine.broadcast('libur-nasional', { libur: true });
    expect(active(engine, a)).to.deep.equal(['after']);
    expect(active(engine, b)).to.deep.equal(['after']);
    expect(vars(engine, a)).to.deep.equal({ libur: true });
  });

  it('given a signal throw in the same instance as a waiting catch, when thrown, then the catch is served within the same step', async () => {
    const engine = await given(bpmnWith(sigRoots, `
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
      ${userTask('t')}<bpmn:intermediateThrowEvent id="shout"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'wait')}${flow('fb', 'fork', 't')}${flow('fc', 't', 'shout')}${flow('fd', 'shout', 'e1')}${flow('fe', 'wait', 'e2')}`));
    const id = engine.start('p');
    const r = engine.completeTask(id, 't');
    expect(engine.state(id).status).to.equal('completed');
    expect(effectsOf(r, 'signal.broadcast')).to.have.length(1);
    expect(historyOf(engine, id, 'signal.received')).to.have.length(1);
  });

  it('given a signal subscription, when the catch completes, then signal.unsubscribe is emitted', async () => {
    const engine = await given(catching('<bpmn:signalEventDefinition signalRef="sig"/>', sigRoots));
    const id = engine.start('p');
    const key = subKey(engine, id, 'wait');
    const r = engine.send(id, { type: 'signal.receive', key, name: 'libur-nasional' });
    expect(effectsOf(r, 'signal.unsubscribe')).to.deep.equal([{ type: 'signal.unsubscribe', key }]);
  });
});

describe('link events', () => {
  it('given a link throw, when reached, then the token continues at the link catch with the same name', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="goto"><bpmn:linkEventDefinition name="lanjut"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="landing"><bpmn:linkEventDefinition name="lanjut"/></bpmn:intermediateCatchEvent>
      ${userTask('t')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'goto')}${flow('f2', 'landing', 't')}${flow('f3', 't', 'e')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.deep.equal(['s', 'goto', 'landing']);
    expect(active(engine, id)).to.deep.equal(['t']);
  });

  it('given two link pairs, when thrown, then each throw finds its own catch by name', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="toB"/>
      <bpmn:intermediateThrowEvent id="throwA"><bpmn:linkEventDefinition name="A"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateThrowEvent id="throwB"><bpmn:linkEventDefinition name="B"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="catchA"><bpmn:linkEventDefinition name="A"/></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="catchB"><bpmn:linkEventDefinition name="B"/></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="endA"/><bpmn:endEvent id="endB"/>
      ${flow('f0', 's', 'g')}${flow('toA', 'g', 'throwA', '=a')}${flow('toB', 'g', 'throwB')}${flow('fa', 'catchA', 'endA')}${flow('fb', 'catchB', 'endB')}`));
    expect(path(engine, engine.start('p', { a: true }))).to.include('endA');
    expect(path(engine, engine.start('p', { a: false }))).to.include('endB');
  });
});

describe('intermediate escalation throw', () => {
  const roots = '<bpmn:escalation id="esc" escalationCode="TELAT"/>';
  it('given an escalation throw in a subprocess with a non-interrupting boundary, when thrown, then the boundary path starts and the throw moves on', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>
        <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('work')}<bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'raise')}${flow('g1', 'raise', 'work')}${flow('g2', 'work', 'se')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="b" attachedToRef="sub" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>
      ${userTask('notify')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'e')}${flow('f2', 'b', 'notify')}${flow('f3', 'notify', 'e2')}`));
    const id = engine.start('p');
    expect(engine.openTasks(id).map((t) => t.task.elementId).sort()).to.deep.equal(['notify', 'work']);
  });

  it('given an escalation throw with an interrupting boundary, when thrown, then the subprocess is terminated and the throw does not move on', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>
        <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('work')}<bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'raise')}${flow('g1', 'raise', 'work')}${flow('g2', 'work', 'se')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="b" attachedToRef="sub"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>
      ${userTask('notify')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'e')}${flow('f2', 'b', 'notify')}${flow('f3', 'notify', 'e2')}`));
    const id = engine.start('p');
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['notify']);
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.include('sub');
    expect(path(engine, id)).to.not.include('raise');
  });

  it('given an escalation throw nobody catches, when thrown, then the token continues', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('t')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'raise')}${flow('f1', 'raise', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p');
    expect(active(engine, id)).to.deep.equal(['t']);
    expect(historyOf(engine, id, 'escalation.thrown')[0].data).to.deep.equal({ code: 'TELAT', caught: false });
  });

  it('given a message throw event without a job, when reached, then it publishes and moves on', async () => {
    const engine = await given(bpmnWith(msgRoots, `
      <bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="kabari"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>${userTask('t')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'kabari')}${flow('f1', 'kabari', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { nomor: 'X' });
    expect(engine.published).to.deep.equal([{ name: 'dokumen-lengkap', correlationKey: 'X', delivered: false }]);
    expect(active(engine, id)).to.deep.equal(['t']);
    expect(elementKey(engine, id, 't')).to.be.a('number');
  });
});
