/** Errors travel up the scope tree to the innermost matching catch: boundaries, event subprocesses, multi-instance bodies. */
import { expect } from 'chai';
import { given, bpmnWith, flow, path, userTask, serviceTask, boundary, active, elementKey, historyOf, incidentsOf } from './support.js';

const roots = '<bpmn:error id="err" errorCode="E1"/><bpmn:error id="err2" errorCode="E2"/>';
const tasks = (engine: Awaited<ReturnType<typeof given>>, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('error propagation', () => {
  it('given an error thrown by one inner instance of a parallel multi-instance, when a boundary on the activity catches it, then every inner instance is cancelled', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="cek"/></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3]" inputElement="x"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>
      ${boundary('b', 't', '<bpmn:errorEventDefinition errorRef="err"/>')}${userTask('fix')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'fix')}${flow('f4', 'fix', 'e2')}`));
    const id = engine.start('p');
    const [first] = engine.jobs;
    engine.send(id, { type: 'job.error', key: first.key, errorCode: 'E1' });
    expect(engine.jobs).to.have.length(0);
    expect(tasks(engine, id)).to.deep.equal(['fix']);
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.deep.equal(['t', 't', 't', 't']);
  });

  it('given an error in a nested subprocess, when only the process-level event subprocess catches it, then the whole process is interrupted', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('other')}
      <bpmn:subProcess id="outer"><bpmn:startEvent id="os"/>
        <bpmn:subProcess id="inner"><bpmn:startEvent id="is"/>${serviceTask('j', 'kerja')}<bpmn:endEvent id="ie"/>${flow('i1', 'is', 'j')}${flow('i2', 'j', 'ie')}</bpmn:subProcess>
        <bpmn:endEvent id="oe"/>${flow('o1', 'os', 'inner')}${flow('o2', 'inner', 'oe')}</bpmn:subProcess>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'other')}${flow('fb', 'fork', 'outer')}${flow('f1', 'other', 'e1')}${flow('f2', 'outer', 'e2')}
      <bpmn:subProcess id="onError" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:errorEventDefinition errorRef="err"/></bpmn:startEvent>${userTask('handle')}<bpmn:endEvent id="ee"/>
        ${flow('g1', 'es', 'handle')}${flow('g2', 'handle', 'ee')}</bpmn:subProcess>`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'E1' });
    expect(tasks(engine, id)).to.deep.equal(['handle']);
    expect(active(engine, id)).to.deep.equal(['onError', 'handle']);
  });

  it('given an error event subprocess inside the subprocess and a boundary on it, when the error is thrown inside, then the inner event subprocess wins', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${serviceTask('j', 'kerja')}<bpmn:endEvent id="se"/>${flow('i1', 'ss', 'j')}${flow('i2', 'j', 'se')}
        <bpmn:subProcess id="local" triggeredByEvent="true"><bpmn:startEvent id="ls"><bpmn:errorEventDefinition errorRef="err"/></bpmn:startEvent><bpmn:endEvent id="le"/>${flow('l1', 'ls', 'le')}</bpmn:subProcess>
      </bpmn:subProcess>
      ${boundary('outerCatch', 'sub', '<bpmn:errorEventDefinition errorRef="err"/>')}${userTask('after')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}${flow('f4', 'outerCatch', 'e2')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'E1' });
    // The local handler ends the subprocess normally: the token leaves by the normal flow, not the boundary.
    expect(tasks(engine, id)).to.deep.equal(['after']);
    expect(path(engine, id)).to.not.include('outerCatch');
  });

  it('given an error with another code than the inner catch, when thrown, then it passes the inner catch and reaches the outer one', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${serviceTask('j', 'kerja')}${boundary('innerCatch', 'j', '<bpmn:errorEventDefinition errorRef="err2"/>')}<bpmn:endEvent id="se"/><bpmn:endEvent id="se2"/>
        ${flow('i1', 'ss', 'j')}${flow('i2', 'j', 'se')}${flow('i3', 'innerCatch', 'se2')}</bpmn:subProcess>
      ${boundary('outerCatch', 'sub', '<bpmn:errorEventDefinition errorRef="err"/>')}${userTask('handled')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}${flow('f3', 'outerCatch', 'handled')}${flow('f4', 'handled', 'e2')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'E1' });
    expect(tasks(engine, id)).to.deep.equal(['handled']);
  });

  it('given an error thrown inside an event subprocess, when the enclosing scope has a boundary, then that boundary catches it', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('work')}<bpmn:endEvent id="se"/>${flow('i1', 'ss', 'work')}${flow('i2', 'work', 'se')}
        <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
          <bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('l1', 'es', 'boom')}</bpmn:subProcess>
      </bpmn:subProcess>
      ${boundary('caught', 'sub', '<bpmn:errorEventDefinition errorRef="err"/>')}${userTask('handled')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}${flow('f3', 'caught', 'handled')}${flow('f4', 'handled', 'e2')}`));
    const id = engine.start('p');
    engine.advance(3600_000);
    expect(tasks(engine, id)).to.deep.equal(['handled']);
  });

  it('given an uncaught error inside a subprocess, then the incident sits at the throwing element and the subprocess stays', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${serviceTask('j', 'kerja')}<bpmn:endEvent id="se"/>${flow('i1', 'ss', 'j')}${flow('i2', 'j', 'se')}</bpmn:subProcess>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'E1' });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'j', type: 'unhandled-error' });
    expect(active(engine, id)).to.deep.equal(['sub', 'j']);
  });
});
