/** Loops: sequence-flow cycles, standard loop characteristics, and the guard against cycles without a wait state. */
import { expect } from 'chai';
import { given, bpmn, flow, path, vars, userTask, active, incidentsOf, historyOf } from './support.js';

const counter = (max: string) => bpmn(`
  <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="merge"/>
  <bpmn:scriptTask id="inc"><bpmn:extensionElements><zeebe:script expression="=i + 1" resultVariable="i"/></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:exclusiveGateway id="more" default="done"/><bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'merge')}${flow('f1', 'merge', 'inc')}${flow('f2', 'inc', 'more')}${flow('back', 'more', 'merge', `=i &lt; ${max}`)}${flow('done', 'more', 'e')}`);

describe('loops', () => {
  it('given a cycle through an exclusive gateway, when it runs without wait states, then it loops until the condition fails', async () => {
    const engine = await given(counter('5'));
    const id = engine.start('p', { i: 0 });
    expect(vars(engine, id)).to.deep.equal({ i: 5 });
    expect(path(engine, id).filter((x) => x === 'inc')).to.have.length(5);
  });

  it('given a cycle with a user task, when the condition asks for another round, then the task opens again', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="merge"/>${userTask('revise')}<bpmn:exclusiveGateway id="ok" default="again"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'merge')}${flow('f1', 'merge', 'revise')}${flow('f2', 'revise', 'ok')}${flow('yes', 'ok', 'e', '=lengkap')}${flow('again', 'ok', 'merge')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'revise', { lengkap: false });
    engine.completeTask(id, 'revise', { lengkap: false });
    expect(active(engine, id)).to.deep.equal(['revise']);
    engine.completeTask(id, 'revise', { lengkap: true });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a cycle without a wait state that never ends, when started, then the activation guard raises an incident instead of spinning', async () => {
    const engine = await given(counter('1000000000'), { env: { maxActivations: 200 } });
    const id = engine.start('p', { i: 0 });
    const [incident] = incidentsOf(engine, id);
    expect(incident.type).to.equal('loop-limit');
    expect(incident.message).to.contain('more than 200');
    expect(engine.state(id).status).to.equal('active');
  });

  it('given the default guard, when an endless cycle without conditions runs, then it stops at 10 000 activations', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="merge"/><bpmn:task id="spin"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'merge')}${flow('f1', 'merge', 'spin')}${flow('back', 'spin', 'merge')}${flow('out', 'spin', 'e')}`));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0].message).to.contain('more than 10000');
  });

  it('given a parallel multi-instance over more items than the guard, when started, then every item runs: a collection is work, not a cycle', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:userTask id="notify"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=for n in 1..500 return n" inputElement="asn"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
      <bpmn:endEvent id="e"/>${flow('f0', 's', 'notify')}${flow('f1', 'notify', 'e')}`), { env: { maxActivations: 200 } });
    const id = engine.start('p');
    expect(incidentsOf(engine, id)).to.deep.equal([]);
    expect(historyOf(engine, id, 'element.activated').filter((h) => h.elementId === 'notify')).to.have.length(501);
  });

  it('given a cycle without a wait state inside each multi-instance item, when started, then the guard still stops it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="each">
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="x"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:startEvent id="is"/><bpmn:exclusiveGateway id="merge"/><bpmn:task id="spin"/><bpmn:endEvent id="ie"/>
        ${flow('i0', 'is', 'merge')}${flow('i1', 'merge', 'spin')}${flow('iback', 'spin', 'merge')}${flow('iout', 'spin', 'ie')}
      </bpmn:subProcess>
      <bpmn:endEvent id="e"/>${flow('f0', 's', 'each')}${flow('f1', 'each', 'e')}`), { env: { maxActivations: 200 } });
    const id = engine.start('p');
    // Each spinning token is stopped where it stands (two items: the budget is 200 + 2 × 10).
    const incidents = incidentsOf(engine, id);
    expect(incidents.length).to.be.greaterThan(0);
    expect(new Set(incidents.map((i) => i.type))).to.deep.equal(new Set(['loop-limit']));
    expect(incidents[0].message).to.contain('more than 220');
    expect(engine.state(id).status).to.equal('active');
  });

  it('given a loop-limit incident, when resolved, then the cycle continues in a new step with a fresh budget', async () => {
    const engine = await given(counter('100'), { env: { maxActivations: 200 } });
    const id = engine.start('p', { i: 0 });
    expect(incidentsOf(engine, id)).to.have.length(1);
    const before = vars(engine, id).i as number;
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    expect(vars(engine, id).i).to.equal(100);
    expect(before).to.be.lessThan(100);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a standard loop with a condition, when run, then the activity repeats while the condition holds (test after)', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=n * 2" resultVariable="n"/></bpmn:extensionElements>
        <bpmn:standardLoopCharacteristics><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=n &lt; 100</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:scriptTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { n: 3 });
    expect(vars(engine, id)).to.deep.equal({ n: 192 });
    expect(path(engine, id).filter((x) => x === 't')).to.have.length(6);
  });

  it('given a standard loop with testBefore and a false condition, when reached, then the activity does not run at all', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n"/></bpmn:extensionElements>
        <bpmn:standardLoopCharacteristics testBefore="true"><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=n &lt; 0</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:scriptTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { n: 5 });
    expect(vars(engine, id)).to.deep.equal({ n: 5 });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a standard loop with a maximum, when the condition stays true, then it stops at the maximum', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n"/></bpmn:extensionElements>
        <bpmn:standardLoopCharacteristics loopMaximum="4"><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=true</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:scriptTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { n: 0 });
    expect(vars(engine, id)).to.deep.equal({ n: 4 });
  });

  it('given a standard loop around a user task, when each iteration completes, then the next one opens until the condition is false', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>
        <bpmn:standardLoopCharacteristics><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=ulang</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:userTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 't', { ulang: true });
    engine.completeTask(id, 't', { ulang: true });
    expect(active(engine, id)).to.deep.equal(['t']);
    engine.completeTask(id, 't', { ulang: false });
    expect(engine.state(id).status).to.equal('completed');
    expect(historyOf(engine, id, 'task.completed')).to.have.length(3);
  });

  it('given a parallel fork inside a cycle, when each round joins, then rounds do not mix tokens', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="merge"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}<bpmn:parallelGateway id="join"/>
      <bpmn:exclusiveGateway id="again" default="out"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'merge')}${flow('f1', 'merge', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}
      ${flow('f2', 'join', 'again')}${flow('loop', 'again', 'merge', '=round &lt; 2')}${flow('out', 'again', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a', { round: 1 });
    engine.completeTask(id, 'b');
    expect(engine.openTasks(id).map((t) => t.task.elementId).sort()).to.deep.equal(['a', 'b']);
    engine.completeTask(id, 'a', { round: 2 });
    engine.completeTask(id, 'b');
    expect(engine.state(id).status).to.equal('completed');
  });
});
