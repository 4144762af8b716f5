/** Incidents: a failing expression stops its token visibly; resolving retries exactly what failed. */
import { expect } from 'chai';
import { createBoundedEvaluator, type BoundedFeelEvaluator } from '../../engine/expressions/sandbox.js';
import { InputRefused } from '../../engine/core/errors.js';
import { given, bpmn, flow, vars, userTask, serviceTask, timer, boundary, active, incidentsOf, historyOf, effectsOf, elementKey, explodingFeel } from './support.js';

const env = { env: { feel: explodingFeel } };

describe('incidents', () => {
  let bounded: BoundedFeelEvaluator | undefined;
  afterEach(() => bounded?.close());

  it('given a runaway gateway condition under the bounded evaluator, when evaluated, then a condition-stopping incident is raised, not a hang', async () => {
    bounded = createBoundedEvaluator({ timeoutMs: 300 });
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="no"/><bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>
      ${flow('f0', 's', 'g')}${flow('yes', 'g', 'a', '=count(for i in 1..n return for j in 1..n return i) &gt; 5')}${flow('no', 'g', 'b')}`), { env: { feel: bounded } });
    const id = engine.start('p', { n: 1000000 });
    expect(active(engine, id)).to.deep.equal(['g']);
    expect(incidentsOf(engine, id)[0].message).to.contain('time budget');
  });

  it('given a failing input mapping, when the task activates, then no task opens and an incident is raised; resolving with a fix opens it', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t', '<zeebe:ioMapping><zeebe:input source="=if explode then 0 else 1" target="x"/></zeebe:ioMapping>')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    expect(engine.openTasks(id)).to.have.length(0);
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 't', type: 'expression' });
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(engine.openTasks(id)).to.have.length(1);
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ x: 1 });
  });

  it('given a failing boundary timer expression, when the task activates, then the incident holds the task and no subscription stays open', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}${boundary('b', 't', timer('duration', '=if explode then &quot;x&quot; else &quot;PT1H&quot;'))}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'e2')}`), env);
    const id = engine.start('p', { explode: true });
    expect(engine.timers.size).to.equal(0);
    expect(engine.state(id).subs ?? {}).to.deep.equal({});
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(engine.timers.size).to.equal(1);
    expect(engine.openTasks(id)).to.have.length(1);
  });

  it('given a failing output mapping, when the task completes, then an incident holds the completion; resolving keeps the completion variables', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'ambil', 3, '<zeebe:ioMapping><zeebe:output source="=if explode then 0 else response.status" target="status"/></zeebe:ioMapping>')}${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'after')}${flow('f3', 'after', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.complete', key, variables: { response: { status: 'OK' } } });
    const [incident] = incidentsOf(engine, id);
    expect(incident).to.include({ elementId: 't', type: 'expression' });
    expect(engine.state(id).els[key].inc!.retry).to.equal('complete');
    engine.send(id, { type: 'incident.resolve', key: incident.key, variables: { explode: false } });
    expect(vars(engine, id)).to.deep.equal({ explode: false, status: 'OK' });
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a failing outgoing condition after successful output mappings, when resolved, then the mapped values are not lost', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'ambil', 3, '<zeebe:ioMapping><zeebe:output source="=response.status" target="status"/></zeebe:ioMapping>')}
      <bpmn:exclusiveGateway id="g" default="toOther"/>${userTask('ok')}${userTask('other')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'g')}${flow('toOk', 'g', 'ok', '=if explode then false else status = &quot;OK&quot;')}${flow('toOther', 'g', 'other')}${flow('f3', 'ok', 'e')}${flow('f4', 'other', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    engine.send(id, { type: 'job.complete', key: elementKey(engine, id, 't'), variables: { response: { status: 'OK' } } });
    expect(active(engine, id)).to.deep.equal(['g']);
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(active(engine, id)).to.deep.equal(['ok']);
    expect(vars(engine, id).status).to.equal('OK');
  });

  it('given an incident, then the element waits with the incident and the history says why', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=if explode then 1 else 2" resultVariable="r"/></bpmn:extensionElements></bpmn:scriptTask><bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    const key = elementKey(engine, id, 't');
    const el = engine.state(id).els[key];
    expect(el.s).to.equal('waiting');
    expect(el.inc).to.deep.include({ type: 'expression', retry: 'activate' });
    expect(historyOf(engine, id, 'incident.raised')[0]).to.deep.include({ elementId: 't', key });
  });

  it('given an incident inside a subprocess, then the subprocess does not complete around it', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=if explode then 1 else 2" resultVariable="r"/></bpmn:extensionElements></bpmn:scriptTask><bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 't')}${flow('g2', 't', 'se')}</bpmn:subProcess><bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    expect(active(engine, id)).to.deep.equal(['sub', 't']);
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given an element with an incident, when its interrupting boundary timer fires, then the incident closes with it', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'x', 1)}${boundary('b', 't', timer('duration', 'PT1H'))}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'e2')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.fail', key: elementKey(engine, id, 't'), message: 'down', retries: 0 });
    const [incident] = incidentsOf(engine, id);
    const timerKey = Number(Object.keys(engine.state(id).subs!)[0]);
    const r = engine.send(id, { type: 'timer.fire', key: timerKey });
    expect(effectsOf(r, 'incident.close')).to.deep.equal([{ type: 'incident.close', key: incident.key }]);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a failing completion condition of a multi-instance, when resolved, then the completed instance is counted once', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3]" inputElement="x"/></bpmn:extensionElements>
        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=if explode then false else numberOfCompletedInstances &gt;= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
      ${userTask('after')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'after')}${flow('f3', 'after', 'e')}`), env);
    const id = engine.start('p', { explode: false });
    const [first, second] = engine.openTasks(id).sort((a, b) => a.key - b.key);
    engine.send(id, { type: 'task.complete', key: first.key, variables: { explode: true } });
    expect(incidentsOf(engine, id)).to.have.length(1);
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    // One instance completed: the condition (>= 2) is still false, so the other two stay open.
    expect(engine.openTasks(id).filter((t) => t.task.elementId === 't')).to.have.length(2);
    engine.send(id, { type: 'task.complete', key: second.key });
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a failing standard loop condition, when the iteration completes, then an incident is raised (not an exception) and resolving continues the loop', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>
        <bpmn:standardLoopCharacteristics><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=if explode then true else ulang</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:userTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`), env);
    const id = engine.start('p', { explode: false });
    engine.completeTask(id, 't', { explode: true, ulang: true });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 't', type: 'expression' });
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['t']);
    engine.completeTask(id, 't', { ulang: false });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a failing output mapping on a triggered boundary event, when it fires, then an incident holds the boundary event; resolving moves on with the message variables', async () => {
    const { bpmnWith } = await import('./support.js');
    const engine = await given(bpmnWith('<bpmn:message id="m" name="info"><bpmn:extensionElements><zeebe:subscription correlationKey="=k"/></bpmn:extensionElements></bpmn:message>', `
      <bpmn:startEvent id="s"/>${userTask('t')}
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=if explode then 0 else isi" target="catatan"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m"/></bpmn:boundaryEvent>
      ${userTask('h')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'h')}${flow('f4', 'h', 'e2')}`), env);
    const id = engine.start('p', { k: 'A', explode: true });
    engine.publish('info', 'A', { isi: 'penting' });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'b', type: 'expression' });
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { explode: false } });
    expect(vars(engine, id)).to.include({ catatan: 'penting' });
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['h']);
  });

  it('given an incident, when resolved with variables that are not JSON data, then the resolve is refused and the incident stays open', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=if explode then 1 else 2" resultVariable="r"/></bpmn:extensionElements></bpmn:scriptTask><bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`), env);
    const id = engine.start('p', { explode: true });
    const [incident] = incidentsOf(engine, id);
    expect(() => engine.send(id, { type: 'incident.resolve', key: incident.key, variables: { explode: BigInt(0) } as never })).to.throw(InputRefused);
    expect(incidentsOf(engine, id)).to.deep.equal([incident]);
  });

  it('given a job, when it completes with variables that are not an object, then the completion is refused and the job still waits', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'x')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    expect(() => engine.send(id, { type: 'job.complete', key, variables: 'ok' as never })).to.throw(InputRefused);
    expect(engine.send(id, { type: 'job.complete', key }).ignored).to.equal(undefined);
    expect(engine.state(id).status).to.equal('completed');
  });
});
