/** Event-based gateway: waits for the first of the events after it; the others are cancelled. */
import { expect } from 'chai';
import { given, bpmnWith, flow, path, vars, userTask, timer, active, effectsOf, subKey, historyOf, incidentsOf } from './support.js';

const roots = `<bpmn:message id="m" name="jawaban"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message><bpmn:signal id="sig" name="batal-massal"/>`;
const race = bpmnWith(roots, `
  <bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="g"/>
  <bpmn:intermediateCatchEvent id="answer"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="timeout">${timer('duration', 'P14D')}</bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="cancelled"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
  ${userTask('process')}${userTask('remind')}<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/>
  ${flow('f0', 's', 'g')}${flow('fa', 'g', 'answer')}${flow('ft', 'g', 'timeout')}${flow('fc', 'g', 'cancelled')}
  ${flow('a1', 'answer', 'process')}${flow('a2', 'process', 'e1')}${flow('t1', 'timeout', 'remind')}${flow('t2', 'remind', 'e2')}${flow('c1', 'cancelled', 'e3')}`);

describe('event-based gateway', () => {
  it('given the gateway is reached, then it subscribes to every event after it and waits', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    expect(active(engine, id)).to.deep.equal(['g']);
    const subs = Object.values(engine.state(id).subs!).map((s) => [s.e, s.kind]);
    expect(subs).to.deep.equal([['answer', 'message'], ['timeout', 'timer'], ['cancelled', 'signal']]);
  });

  it('given the message arrives first, when correlated, then its path runs and the timer and signal are cancelled', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    const timerKey = subKey(engine, id, 'timeout');
    const sigKey = subKey(engine, id, 'cancelled');
    const r = engine.send(id, { type: 'message.correlate', key: subKey(engine, id, 'answer'), name: 'jawaban', variables: { isi: 'setuju' } });
    expect(effectsOf(r, 'timer.cancel')).to.deep.equal([{ type: 'timer.cancel', key: timerKey }]);
    expect(effectsOf(r, 'signal.unsubscribe')).to.deep.equal([{ type: 'signal.unsubscribe', key: sigKey }]);
    expect(active(engine, id)).to.deep.equal(['process']);
    expect(vars(engine, id)).to.deep.equal({ nomor: 'S-1', isi: 'setuju' });
    expect(path(engine, id)).to.deep.equal(['s', 'g', 'answer']);
  });

  it('given the timer fires first, when it fires, then the reminder path runs and the message subscription closes', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    engine.advance(14 * 86_400_000);
    expect(active(engine, id)).to.deep.equal(['remind']);
    expect(engine.messages.size).to.equal(0);
    expect(engine.publish('jawaban', 'S-1')).to.equal(false);
  });

  it('given the signal arrives first, when broadcast, then the instance ends through its path', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    engine.broadcast('batal-massal');
    expect(engine.state(id).status).to.equal('completed');
    expect(engine.timers.size).to.equal(0);
  });

  it('given one event won, when a losing event arrives late, then it is ignored', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    const timerKey = subKey(engine, id, 'timeout');
    engine.publish('jawaban', 'S-1');
    const r = engine.send(id, { type: 'timer.fire', key: timerKey });
    expect(r.ignored).to.be.a('string');
    expect(active(engine, id)).to.deep.equal(['process']);
    expect(historyOf(engine, id, 'input.ignored')).to.have.length(1);
  });

  it('given the gateway completes, then the gateway itself is recorded as completed before the winning event', async () => {
    const engine = await given(race);
    const id = engine.start('p', { nomor: 'S-1' });
    engine.publish('jawaban', 'S-1');
    const completed = historyOf(engine, id, 'element.completed').map((h) => h.elementId);
    expect(completed.indexOf('g')).to.be.lessThan(completed.indexOf('answer'));
  });

  it('given a receive task after the gateway, when its message arrives, then the receive task path wins', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:eventBasedGateway id="g"/>
      <bpmn:receiveTask id="recv" messageRef="m"/>
      <bpmn:intermediateCatchEvent id="timeout">${timer('duration', 'PT1H')}</bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'g')}${flow('fa', 'g', 'recv')}${flow('ft', 'g', 'timeout')}${flow('a1', 'recv', 'e1')}${flow('t1', 'timeout', 'e2')}`));
    const id = engine.start('p', { nomor: 'X' });
    engine.publish('jawaban', 'X');
    expect(path(engine, id)).to.include('recv').and.include('e1');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a correlation key that cannot be evaluated, when the gateway is reached, then an incident holds the gateway with no subscription left open', async () => {
    const engine = await given(race);
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'g', type: 'expression' });
    expect(engine.state(id).subs ?? {}).to.deep.equal({});
    expect([engine.timers.size, engine.messages.size, engine.signals.size]).to.deep.equal([0, 0, 0]);
  });

  it('given that incident, when resolved with the key, then the gateway subscribes to all its events again', async () => {
    const engine = await given(race);
    const id = engine.start('p');
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { nomor: 'S-2' } });
    expect([engine.timers.size, engine.messages.size, engine.signals.size]).to.deep.equal([1, 1, 1]);
    engine.publish('jawaban', 'S-2');
    expect(active(engine, id)).to.deep.equal(['process']);
  });
});
