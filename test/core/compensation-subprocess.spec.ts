/**
 * Compensation of completed embedded subprocesses (BPMN 2.0 §10.5.6): a compensation event subprocess
 * runs with the subprocess's variables as they were at completion; without one, the handlers of the
 * activities completed inside it run, most recent first, at any depth.
 */
import { expect } from 'chai';
import { given, bpmn, bpmnWith, flow, userTask, active, historyOf, elementKey, vars } from './support.js';
import { visibleVariables } from '../../engine/core/queries.js';
import type { MemoryEngine } from '../../engine/memory/engine.js';

const handler = (activity: string, id: string) => `
  <bpmn:boundaryEvent id="c_${activity}" attachedToRef="${activity}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
  ${userTask(id).replace('<bpmn:userTask ', '<bpmn:userTask isForCompensation="true" ')}
  <bpmn:association id="a_${activity}" associationDirection="One" sourceRef="c_${activity}" targetRef="${id}"/>`;

/** A compensation event subprocess; `inside` runs after its user task `undoSub`. */
const compensationEsp = (inside = '') => `
  <bpmn:subProcess id="onUndo" triggeredByEvent="true">
    <bpmn:startEvent id="cs"><bpmn:compensateEventDefinition/></bpmn:startEvent>${userTask('undoSub')}${inside ? inside : ''}<bpmn:endEvent id="ee"/>
    ${flow('h1', 'cs', 'undoSub')}${inside ? `${flow('h2', 'undoSub', 'innerUndo')}${flow('h3', 'innerUndo', 'ee')}` : flow('h2', 'undoSub', 'ee')}
  </bpmn:subProcess>`;

/**
 * `sub` books and pays (each with a handler), then sets its local `stand` to "done"; after it, the
 * user task `decide`, the compensation throw `undo` (`throwAttrs` on its definition) and `after`.
 */
const booking = (opts: { esp?: string; throwAttrs?: string; subAttrs?: string; before?: string } = {}) => bpmn(`
  <bpmn:startEvent id="s"/>
  ${opts.before ?? ''}
  <bpmn:subProcess id="sub"${opts.subAttrs ?? ''}>
    <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=&quot;start&quot;" target="stand"/></zeebe:ioMapping></bpmn:extensionElements>
    <bpmn:startEvent id="ss"/>
    <bpmn:task id="book"/>${handler('book', 'unbook')}
    <bpmn:task id="pay"/>${handler('pay', 'refund')}
    <bpmn:scriptTask id="mark"><bpmn:extensionElements><zeebe:script expression="=&quot;done&quot;" resultVariable="stand"/></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:endEvent id="se"/>
    ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'pay')}${flow('g3', 'pay', 'mark')}${flow('g4', 'mark', 'se')}
    ${opts.esp ?? ''}
  </bpmn:subProcess>
  ${userTask('decide')}
  <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition${opts.throwAttrs ?? ''}/></bpmn:intermediateThrowEvent>
  ${userTask('after')}<bpmn:endEvent id="e"/>
  ${opts.before ? flow('f0', 's', 'outerBook') + flow('f1', 'outerBook', 'sub') : flow('f1', 's', 'sub')}
  ${flow('f2', 'sub', 'decide')}${flow('f3', 'decide', 'undo')}${flow('f4', 'undo', 'after')}${flow('f5', 'after', 'e')}`);

const tasks = (engine: MemoryEngine, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();
const seenBy = (engine: MemoryEngine, id: string, elementId: string) => visibleVariables(engine.state(id), elementKey(engine, id, elementId));

describe('compensation of a completed subprocess', () => {
  it('given a completed subprocess with a compensation event subprocess, when compensation is thrown, then the event subprocess runs instead of the inner handlers', async () => {
    const engine = await given(booking({ esp: compensationEsp() }));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['undoSub']);
    expect(active(engine, id)).to.include.members(['undo', 'sub', 'onUndo']);
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: ['sub'] });
  });

  it('given the compensation event subprocess runs, when its task reads variables, then it sees the subprocess variables as they were at completion', async () => {
    const engine = await given(booking({ esp: compensationEsp() }));
    const id = engine.start('p');
    expect(vars(engine, id)).to.not.have.property('stand');
    engine.completeTask(id, 'decide');
    expect(seenBy(engine, id, 'undoSub')).to.include({ stand: 'done' });
  });

  it('given the compensation event subprocess ends, when it was the last thing to undo, then the throw moves on and nothing is left to compensate', async () => {
    const engine = await given(booking({ esp: compensationEsp() }));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    engine.completeTask(id, 'undoSub');
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(active(engine, id)).to.not.include('sub');
    expect(engine.state(id).comp).to.equal(undefined);
    expect(vars(engine, id)).to.not.have.property('stand');
  });

  it('given a compensation throw inside the compensation event subprocess, when reached, then the activities completed inside the subprocess are compensated, most recent first', async () => {
    const inner = '<bpmn:intermediateThrowEvent id="innerUndo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>';
    const engine = await given(booking({ esp: compensationEsp(inner) }));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    engine.completeTask(id, 'undoSub');
    expect(tasks(engine, id)).to.deep.equal(['refund', 'unbook']);
    expect(elementKey(engine, id, 'refund')).to.be.lessThan(elementKey(engine, id, 'unbook'));
    expect(seenBy(engine, id, 'unbook')).to.include({ stand: 'done' });
    engine.completeTask(id, 'refund');
    engine.completeTask(id, 'unbook');
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a completed subprocess without a compensation event subprocess, when compensation is thrown, then the inner handlers run most recent first and the throw waits for both', async () => {
    const engine = await given(booking());
    const id = engine.start('p');
    expect(engine.state(id).comp).to.deep.equal({ 1: [{ e: 'sub', c: ['book', 'pay'], v: { stand: 'done' } }] });
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['refund', 'unbook']);
    expect(elementKey(engine, id, 'refund')).to.be.lessThan(elementKey(engine, id, 'unbook'));
    expect(seenBy(engine, id, 'refund')).to.include({ stand: 'done' });
    engine.completeTask(id, 'refund');
    expect(tasks(engine, id)).to.deep.equal(['unbook']);
    expect(active(engine, id)).to.include('undo');
    engine.completeTask(id, 'unbook');
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(engine.state(id).comp).to.equal(undefined);
  });

  it('given waitForCompletion false, when compensation of a subprocess is thrown, then the throw moves on and the process still waits for the handlers', async () => {
    const engine = await given(booking({ throwAttrs: ' waitForCompletion="false"' }));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['after', 'refund', 'unbook']);
    engine.completeTask(id, 'after');
    expect(engine.state(id).status).to.equal('active');
    engine.completeTask(id, 'refund');
    engine.completeTask(id, 'unbook');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a throw naming the subprocess, when reached, then only the subprocess is compensated and the other activities stay compensable', async () => {
    const engine = await given(booking({ throwAttrs: ' activityRef="sub"', before: `<bpmn:task id="outerBook"/>${handler('outerBook', 'outerUndo')}` }));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['refund', 'unbook']);
    expect(engine.state(id).comp).to.deep.equal({ 1: ['outerBook'] });
  });

  it('given a subprocess still running, when compensation is thrown beside it, then nothing inside it is compensated', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}${userTask('hold')}<bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'hold')}${flow('g3', 'hold', 'se')}</bpmn:subProcess>
      ${userTask('decide')}<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'fork')}${flow('f2', 'fork', 'sub')}${flow('f3', 'fork', 'decide')}${flow('f4', 'decide', 'undo')}${flow('f5', 'undo', 'e1')}${flow('f6', 'sub', 'e2')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: [] });
    expect(tasks(engine, id)).to.deep.equal(['hold']);
  });

  it('given a subprocess interrupted by an error, when compensation is thrown after it, then nothing inside it is compensated', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="E"/>', `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'fail')}</bpmn:subProcess>
      <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'caught', 'undo')}${flow('f3', 'undo', 'after')}${flow('f4', 'after', 'e')}${flow('f5', 'sub', 'e2')}`));
    const id = engine.start('p');
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: [] });
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given subprocesses nested two deep, when the outer one is compensated, then the handler of the innermost activity runs', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="outer"><bpmn:startEvent id="os"/>
        <bpmn:subProcess id="inner"><bpmn:startEvent id="is"/><bpmn:task id="book"/>${handler('book', 'unbook')}<bpmn:endEvent id="ie"/>
          ${flow('i1', 'is', 'book')}${flow('i2', 'book', 'ie')}</bpmn:subProcess>
        <bpmn:endEvent id="oe"/>${flow('o1', 'os', 'inner')}${flow('o2', 'inner', 'oe')}</bpmn:subProcess>
      <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'outer')}${flow('f2', 'outer', 'undo')}${flow('f3', 'undo', 'after')}${flow('f4', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['unbook']);
    expect(active(engine, id)).to.include.members(['outer', 'inner', 'undo']);
    engine.completeTask(id, 'unbook');
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a multi-instance subprocess, when it is compensated, then each completed instance is compensated with its own item', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[&quot;a&quot;, &quot;b&quot;]" inputElement="item"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}<bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'se')}</bpmn:subProcess>
      <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'undo')}${flow('f3', 'undo', 'after')}${flow('f4', 'after', 'e')}`));
    const id = engine.start('p');
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: ['sub', 'sub'] });
    const items = engine.openTasks(id).map((t) => visibleVariables(engine.state(id), t.key).item).sort();
    expect(items).to.deep.equal(['a', 'b']);
    for (const t of engine.openTasks(id)) engine.send(id, { type: 'task.complete', key: t.key });
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a subprocess in a standard loop, when it is compensated, then every iteration is compensated', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:standardLoopCharacteristics loopMaximum="3"/>
        <bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}<bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'se')}</bpmn:subProcess>
      <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'undo')}${flow('f3', 'undo', 'after')}${flow('f4', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['unbook', 'unbook', 'unbook']);
  });

  it('given an error event subprocess that throws compensation, when it runs, then the completed activities of the scope it belongs to are compensated', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="E"/>', `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'fail')}
        <bpmn:subProcess id="onError" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:errorEventDefinition errorRef="err"/></bpmn:startEvent>
          <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent><bpmn:endEvent id="ee"/>
          ${flow('h1', 'es', 'undo')}${flow('h2', 'undo', 'ee')}</bpmn:subProcess>
      </bpmn:subProcess>
      ${userTask('after')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['unbook']);
    engine.completeTask(id, 'unbook');
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a subprocess with nothing to compensate inside, when it completes, then the state keeps nothing for it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="t"/><bpmn:endEvent id="se"/>${flow('g1', 'ss', 't')}${flow('g2', 't', 'se')}</bpmn:subProcess>
      ${userTask('after')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(engine.state(id)).to.not.have.property('comp');
  });

  it('given a subprocess with a compensation handler of its own, when compensated, then only that handler runs, not the inner ones', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:task id="book"/>${handler('book', 'unbook')}<bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'book')}${flow('g2', 'book', 'se')}</bpmn:subProcess>${handler('sub', 'undoAll')}
      <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'undo')}${flow('f3', 'undo', 'after')}${flow('f4', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['undoAll']);
  });
});
