/** Start events: none, message (startEventId), timer, signal; refused starts. */
import { expect } from 'chai';
import { step } from '../../engine/core/step.js';
import { InputRefused } from '../../engine/core/errors.js';
import { given, bpmnWith, bpmn, flow, path, vars, userTask, timer, historyOf, compile } from './support.js';

const roots = '<bpmn:message id="m" name="permohonan-masuk"/><bpmn:signal id="sig" name="buka-loket"/>';
const manyStarts = bpmnWith(roots, `
  <bpmn:startEvent id="none"/>
  <bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
  <bpmn:startEvent id="byTimer">${timer('cycle', 'R/P1D')}</bpmn:startEvent>
  <bpmn:startEvent id="bySignal"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>
  ${userTask('t')}<bpmn:endEvent id="e"/>
  ${flow('f1', 'none', 't')}${flow('f2', 'byMessage', 't')}${flow('f3', 'byTimer', 't')}${flow('f4', 'bySignal', 't')}${flow('f5', 't', 'e')}`);

describe('start events', () => {
  it('given a none start event, when started without startEventId, then the token starts there', async () => {
    const engine = await given(manyStarts);
    const id = engine.start('p', { x: 1 });
    expect(path(engine, id)).to.deep.equal(['none']);
    expect(historyOf(engine, id, 'instance.started')[0].data).to.deep.equal({ startEvent: 'none' });
    expect(vars(engine, id)).to.deep.equal({ x: 1 });
  });

  it('given a message start event, when started with its startEventId, then the token starts there', async () => {
    const engine = await given(manyStarts);
    const id = engine.start('p', {}, { startEventId: 'byMessage' });
    expect(path(engine, id)).to.deep.equal(['byMessage']);
    expect(engine.openTasks(id)).to.have.length(1);
  });

  it('given a message start event, when a matching message is published and nothing waits, then a new instance starts with its variables', async () => {
    const engine = await given(manyStarts);
    expect(engine.publish('permohonan-masuk', undefined, { nomor: 'A-1' })).to.equal(true);
    const [id] = [...engine.instances.keys()];
    expect(path(engine, id)).to.deep.equal(['byMessage']);
    expect(vars(engine, id)).to.deep.equal({ nomor: 'A-1' });
  });

  it('given a timer start event, when the scheduler starts it at its startEventId, then the token starts there', async () => {
    const engine = await given(manyStarts);
    const id = engine.start('p', {}, { startEventId: 'byTimer' });
    expect(path(engine, id)).to.deep.equal(['byTimer']);
  });

  it('given the compiled model, then it lists the timer, message and signal starts for the adapters', async () => {
    const [model] = await compile(manyStarts);
    expect(model.noneStart).to.equal('none');
    expect(model.messageStarts).to.deep.equal(['byMessage']);
    expect(model.timerStarts).to.deep.equal(['byTimer']);
    expect(model.signalStarts).to.deep.equal(['bySignal']);
  });

  it('given a signal start event, when the signal is broadcast, then a new instance starts there with the signal variables', async () => {
    const engine = await given(manyStarts);
    engine.broadcast('buka-loket', { loket: 3 });
    const [id] = [...engine.instances.keys()];
    expect(path(engine, id)).to.deep.equal(['bySignal']);
    expect(vars(engine, id)).to.deep.equal({ loket: 3 });
  });

  it('given a process with only a message start, when started without startEventId, then the start is refused', async () => {
    const engine = await given(bpmnWith(roots, `<bpmn:startEvent id="ms"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent><bpmn:endEvent id="e"/>${flow('f', 'ms', 'e')}`));
    expect(() => engine.start('p')).to.throw(InputRefused, 'no none start event');
  });

  it('given a startEventId that is not a start event, when started, then the start is refused', async () => {
    const engine = await given(manyStarts);
    expect(() => engine.start('p', {}, { startEventId: 't' })).to.throw(InputRefused, 'is not a start event');
  });

  it('given a start input for another process, when stepped, then it is refused', async () => {
    const [model] = await compile(manyStarts);
    expect(() => step(model, null, { type: 'instance.start', instanceId: 'x', processId: 'other' }, '2026-01-01T00:00:00.000Z')).to.throw(InputRefused);
  });

  it('given an instance that has started, when a second start is stepped against its state, then it is refused', async () => {
    const engine = await given(manyStarts);
    const id = engine.start('p');
    expect(() => step(engine.models.get('p')!, engine.state(id), { type: 'instance.start', instanceId: id, processId: 'p' }, engine.now)).to.throw(InputRefused, 'already started');
  });

  it('given start variables that are not an object, when started, then the start is refused', async () => {
    const engine = await given(manyStarts);
    expect(() => engine.start('p', 'nope' as never)).to.throw(InputRefused);
  });

  it('given a business key, when started, then the state keeps it', async () => {
    const engine = await given(manyStarts);
    const id = engine.start('p', {}, { businessKey: 'REG-2026-001' });
    expect(engine.state(id).businessKey).to.equal('REG-2026-001');
  });

  it('given a start, when the first step runs, then history opens with instance.started and the process activation', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`));
    const id = engine.start('p');
    expect(engine.history.get(id)!.map((h) => h.type)).to.deep.equal([
      'instance.started', 'element.activated', 'element.activated', 'element.completed', 'flow.taken',
      'element.activated', 'element.completed', 'element.completed', 'instance.completed',
    ]);
  });

  it('given a none start straight to an end, when started, then the instance completes with instance.ended', async () => {
    const [model] = await compile(bpmn(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`));
    const r = step(model, null, { type: 'instance.start', instanceId: 'i', processId: 'p', variables: { a: 1 } }, '2026-01-01T00:00:00.000Z');
    expect(r.state.status).to.equal('completed');
    expect(r.effects).to.deep.equal([{ type: 'instance.ended', state: 'completed', variables: { a: 1 }, errorCode: undefined, parent: undefined }]);
    expect(r.state.final).to.deep.equal({ a: 1 });
  });
});
