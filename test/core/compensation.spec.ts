/** Compensation: completed activities with a compensation handler are undone, most recent first, when compensation is thrown. */
import { expect } from 'chai';
import { given, bpmn, flow, path, userTask, active, historyOf, elementKey } from './support.js';

/** Two compensable tasks (book, pay) with handlers (unbook, refund), then `rest` and a compensation throw. */
const saga = (thrower: string, throwerFlows: string) => bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:task id="book"/><bpmn:boundaryEvent id="cBook" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
  ${'<bpmn:userTask id="unbook" isForCompensation="true"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>'}
  <bpmn:task id="pay"/><bpmn:boundaryEvent id="cPay" attachedToRef="pay"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
  ${'<bpmn:userTask id="refund" isForCompensation="true"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>'}
  <bpmn:association id="a1" associationDirection="One" sourceRef="cBook" targetRef="unbook"/>
  <bpmn:association id="a2" associationDirection="One" sourceRef="cPay" targetRef="refund"/>
  ${thrower}
  ${flow('f1', 's', 'book')}${flow('f2', 'book', 'pay')}${throwerFlows}`);

const throwAll = saga(`${userTask('decide')}<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>`,
  `${flow('f3', 'pay', 'decide')}${flow('f4', 'decide', 'undo')}${flow('f5', 'undo', 'after')}${flow('f6', 'after', 'e')}`);

const tasks = (engine: Awaited<ReturnType<typeof given>>, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('compensation', () => {
  it('given completed compensable activities, when they complete, then the scope remembers them in order', async () => {
    const engine = await given(throwAll);
    const id = engine.start('p');
    expect(engine.state(id).comp).to.deep.equal({ 1: ['book', 'pay'] });
  });

  it('given a compensation throw for the scope, when reached, then every handler runs and the throw waits for them', async () => {
    const engine = await given(throwAll);
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['refund', 'unbook']);
    expect(active(engine, id)).to.include('undo');
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: ['pay', 'book'] });
    expect(engine.state(id).comp).to.equal(undefined);
  });

  it('given handlers run most recent first, when activated, then refund (pay) starts before unbook (book)', async () => {
    const engine = await given(throwAll);
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(elementKey(engine, id, 'refund')).to.be.lessThan(elementKey(engine, id, 'unbook'));
  });

  it('given the throw waits for completion, when the last handler completes, then the throw moves on', async () => {
    const engine = await given(throwAll);
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    engine.completeTask(id, 'refund');
    expect(tasks(engine, id)).to.deep.equal(['unbook']);
    engine.completeTask(id, 'unbook');
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a throw that targets one activity, when reached, then only its handler runs', async () => {
    const engine = await given(saga(`${userTask('decide')}<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition activityRef="book"/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>`,
      `${flow('f3', 'pay', 'decide')}${flow('f4', 'decide', 'undo')}${flow('f5', 'undo', 'after')}${flow('f6', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['unbook']);
    expect(engine.state(id).comp).to.deep.equal({ 1: ['pay'] });
  });

  it('given waitForCompletion false, when thrown, then the throw moves on at once beside the handlers', async () => {
    const engine = await given(saga(`${userTask('decide')}<bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition waitForCompletion="false"/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>`,
      `${flow('f3', 'pay', 'decide')}${flow('f4', 'decide', 'undo')}${flow('f5', 'undo', 'after')}${flow('f6', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    expect(tasks(engine, id)).to.deep.equal(['after', 'refund', 'unbook']);
  });

  it('given a compensation end event, when reached, then the handlers run and the instance completes after them', async () => {
    const engine = await given(saga(`<bpmn:endEvent id="undoEnd"><bpmn:compensateEventDefinition/></bpmn:endEvent>`, `${flow('f3', 'pay', 'undoEnd')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['refund', 'unbook']);
    engine.completeTask(id, 'refund');
    engine.completeTask(id, 'unbook');
    expect(engine.state(id).status).to.equal('completed');
    expect(path(engine, id).slice(-2)).to.deep.equal(['undoEnd', 'p']);
  });

  it('given nothing was completed yet, when compensation is thrown, then it just moves on', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'undo')}${flow('f2', 'undo', 'after')}${flow('f3', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(historyOf(engine, id, 'compensation.thrown')[0].data).to.deep.equal({ activities: [] });
  });

  it('given an activity compensated once, when compensation is thrown again, then it is not compensated twice', async () => {
    const engine = await given(saga(`<bpmn:intermediateThrowEvent id="undo1"><bpmn:compensateEventDefinition waitForCompletion="false"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateThrowEvent id="undo2"><bpmn:compensateEventDefinition waitForCompletion="false"/></bpmn:intermediateThrowEvent>${userTask('after')}<bpmn:endEvent id="e"/>`,
      `${flow('f3', 'pay', 'undo1')}${flow('f4', 'undo1', 'undo2')}${flow('f5', 'undo2', 'after')}${flow('f6', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['after', 'refund', 'unbook']);
    expect(historyOf(engine, id, 'compensation.thrown').map((h) => h.data)).to.deep.equal([{ activities: ['pay', 'book'] }, { activities: [] }]);
  });

  it('given a compensation throw inside a subprocess, when reached, then only the activities of that subprocess are compensated', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:task id="outerBook"/><bpmn:boundaryEvent id="cOuter" attachedToRef="outerBook"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
      <bpmn:userTask id="outerUndo" isForCompensation="true"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
      <bpmn:association id="a0" associationDirection="One" sourceRef="cOuter" targetRef="outerUndo"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>
        <bpmn:task id="innerBook"/><bpmn:boundaryEvent id="cInner" attachedToRef="innerBook"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
        <bpmn:userTask id="innerUndo" isForCompensation="true"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
        <bpmn:association id="a1" associationDirection="One" sourceRef="cInner" targetRef="innerUndo"/>
        <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:intermediateThrowEvent><bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'innerBook')}${flow('g2', 'innerBook', 'undo')}${flow('g3', 'undo', 'se')}
      </bpmn:subProcess>
      ${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'outerBook')}${flow('f2', 'outerBook', 'sub')}${flow('f3', 'sub', 'after')}${flow('f4', 'after', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['innerUndo']);
    engine.completeTask(id, 'innerUndo');
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(engine.state(id).comp).to.deep.equal({ 1: ['outerBook'] });
  });

  it('given a throw waiting for its handlers, when the instance is cancelled, then the handler tasks close as cancelled', async () => {
    const engine = await given(throwAll);
    const id = engine.start('p');
    engine.completeTask(id, 'decide');
    const r = engine.send(id, { type: 'instance.cancel' });
    expect(r.effects.filter((e) => e.type === 'task.close').map((e) => (e as { reason: string }).reason)).to.deep.equal(['cancelled', 'cancelled']);
    expect(engine.openTasks(id)).to.have.length(0);
  });
});
