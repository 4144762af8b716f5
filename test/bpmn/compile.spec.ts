import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import type { CompiledDefinitions, ProcessModel } from '../../engine/core/model.js';
import { fixtureBytes, fixtureText } from './helpers.js';

async function compiled(name: string, opts = {}): Promise<CompiledDefinitions> {
  const result = await compileBpmn(fixtureBytes(name), opts);
  if (!result.ok) throw new Error(`expected ${name} to compile: ${JSON.stringify(result.errors)}`);
  return result.definitions;
}

describe('bpmn/compile: Camunda 8 BPMN → the core model', () => {
  let izin: ProcessModel;
  before(async () => {
    izin = (await compiled('camunda8-full.bpmn')).processes[0];
  });

  it('given two executable processes, when compiled, then both come back in document order', async () => {
    const defs = await compiled('camunda8-full.bpmn');
    expect(defs.processes.map((p) => p.id)).to.deep.equal(['IzinUsaha', 'TandaTangan']);
  });

  it('given a user task with zeebe extensions, then assignment, schedule, priority, form and SLA are mapped', () => {
    expect(izin.elements.Review.userTask).to.deep.equal({
      assignee: { feel: 'initiator' },
      candidateGroups: { value: 'verifikator, kepala-dinas' },
      dueDate: { feel: 'now() + duration("P3D")' },
      followUpDate: { value: '2030-01-31T09:00:00Z' },
      priority: { value: 75 },
      formId: 'form-verifikasi',
      extra: { slaWorkingDays: '2' },
    });
  });

  it('given io mappings, then sources are FEEL without the = and targets are kept', () => {
    expect(izin.elements.Review.inputs).to.deep.equal([{ source: { feel: 'permit.id' }, target: 'permitId' }]);
    expect(izin.elements.Review.outputs).to.deep.equal([{ source: { feel: 'approved' }, target: 'result.approved' }]);
  });

  it('given a non-interrupting timer boundary event, then it is attached and listed on its activity', () => {
    expect(izin.elements.ReviewTimeout).to.include({ attachedTo: 'Review', cancelActivity: false });
    expect(izin.elements.ReviewTimeout.event).to.deep.equal({ kind: 'timer', timer: { type: 'duration', expr: { value: 'P2D' } } });
    expect(izin.elements.Review.boundaryEvents).to.deep.equal(['ReviewTimeout']);
  });

  it('given a service task, then it becomes a job with type, retries and headers', () => {
    expect(izin.elements.Remind.job).to.deep.equal({ type: { value: 'email' }, retries: { value: 5 }, headers: { template: 'reminder' } });
  });

  it('given an exclusive gateway, then its default flow and the stripped FEEL condition are kept', () => {
    expect(izin.elements.Decide.defaultFlow).to.equal('Flow_No');
    expect(izin.flows.Flow_Yes).to.deep.equal({ id: 'Flow_Yes', source: 'Decide', target: 'Score', condition: 'result.approved = true', name: 'disetujui' });
    expect(izin.elements.Decide.outgoing).to.deep.equal(['Flow_Yes', 'Flow_No']);
  });

  it('given an error end event, then its error code comes from the referenced error', () => {
    expect(izin.elements.Rejected.event).to.deep.equal({ kind: 'error', errorCode: 'REJECTED' });
  });

  it('given a script task with zeebe:script, then the expression and result variable are mapped', () => {
    expect(izin.elements.Score.script).to.deep.equal({ expression: 'count(items) * 2', resultVariable: 'score' });
  });

  it('given a multi-instance call activity, then the called process, propagation and loop are mapped', () => {
    expect(izin.elements.Sign.called).to.deep.equal({ processId: { value: 'TandaTangan' }, propagateAllChildVariables: false, propagateAllParentVariables: true });
    expect(izin.elements.Sign.multiInstance).to.deep.equal({
      sequential: true, inputCollection: 'signers', inputElement: 'signer', outputCollection: 'signatures',
      outputElement: 'signature', completionCondition: 'numberOfCompletedInstances >= 2',
    });
    expect(izin.calledProcesses).to.deep.equal(['TandaTangan']);
  });

  it('given a receive task, then the message name and correlation key come from the message and its subscription', () => {
    expect(izin.elements.WaitDocs.message).to.deep.equal({ messageName: 'dokumen-diterima', correlationKey: { feel: 'permitId' } });
  });

  it('given an event subprocess, then it is a child of the process with its own children and a non-interrupting start', () => {
    expect(izin.elements.OnCancel).to.include({ triggeredByEvent: true, parent: 'IzinUsaha' });
    expect(izin.elements.OnCancel.children).to.deep.equal(['CancelStart', 'CancelEnd']);
    expect(izin.elements.CancelStart).to.include({ parent: 'OnCancel', interrupting: false });
    expect(izin.children).to.include('OnCancel');
    expect(izin.children).not.to.include('CancelStart');
  });

  it('given Alur metadata on the process, then it lands in extra; unknown extensions are ignored', () => {
    expect(izin.noneStart).to.equal('Start');
    expect(izin.extra).to.deep.equal({ slaWorkingDays: '5', slaCalendar: 'semarang', legalBasis: 'Perda 2/2024' });
  });

  it('given a compiled model, then it is frozen plain JSON', async () => {
    const defs = await compiled('camunda8-full.bpmn');
    expect(Object.isFrozen(defs.processes[0].elements.Review)).to.equal(true);
    expect(JSON.parse(JSON.stringify(defs))).to.deep.equal(defs);
  });

  it('given a non-executable process only, when compiled, then it is refused; with requireExecutable off it compiles', async () => {
    const xml = fixtureText('minimal.bpmn').replace('isExecutable="true"', 'isExecutable="false"');
    const strict = await compileBpmn(xml);
    expect(strict.ok).to.equal(false);
    if (!strict.ok) expect(strict.errors[0].message).to.match(/no executable process/);
    const relaxed = await compileBpmn(xml, { requireExecutable: false });
    expect(relaxed.ok).to.equal(true);
  });

  it('given scriptJobType, when a script task has only an inline script, then it becomes a job carrying the script text', async () => {
    const xml = fixtureText('minimal.bpmn')
      .replace('targetRef="End"', 'targetRef="Log"')
      .replace('<bpmn:endEvent id="End" />', '<bpmn:scriptTask id="Log" scriptFormat="text/javascript"><bpmn:script>SCRIPT_task1</bpmn:script></bpmn:scriptTask><bpmn:sequenceFlow id="Flow_2" sourceRef="Log" targetRef="End" /><bpmn:endEvent id="End" />');
    const without = await compileBpmn(xml);
    expect(without.ok).to.equal(false);
    const result = await compileBpmn(xml, { scriptJobType: 'betsy' });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.definitions.processes[0].elements.Log).to.deep.include({
      job: { type: { value: 'betsy' }, retries: { value: 3 }, headers: { script: 'SCRIPT_task1' } },
      scriptText: 'SCRIPT_task1',
      scriptFormat: 'text/javascript',
    });
  });

  it('given a translateExpression option, when conditions are in another dialect, then they are translated before the FEEL check', async () => {
    const xml = fixtureText('gateway-missing-condition.bpmn')
      .replace('<bpmn:sequenceFlow id="Flow_B" sourceRef="Split" targetRef="End" />', '<bpmn:sequenceFlow id="Flow_B" sourceRef="Split" targetRef="End"><bpmn:conditionExpression>!!flag</bpmn:conditionExpression></bpmn:sequenceFlow>');
    const result = await compileBpmn(xml, { translateExpression: (text) => text.replace('!!flag', 'flag = true') });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.definitions.processes[0].flows.Flow_B.condition).to.equal('flag = true');
  });
  it('given subprocesses, when compiled, then only those whose completion compensation could need are marked compensable', async () => {
    const seq = (...ids: string[]) => ids.slice(1).map((to, i) => `<bpmn:sequenceFlow id="f_${ids[i]}_${to}" sourceRef="${ids[i]}" targetRef="${to}"/>`).join('');
    const handler = (activity: string, id: string) => `<bpmn:boundaryEvent id="c_${activity}" attachedToRef="${activity}"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
      <bpmn:task id="${id}" isForCompensation="true"/><bpmn:association id="a_${activity}" associationDirection="One" sourceRef="c_${activity}" targetRef="${id}"/>`;
    /** A subprocess running start → `inner` → end, plus `extra` elements that take no flows. */
    const sub = (id: string, inner: string, innerId: string, extra = '') =>
      `<bpmn:subProcess id="${id}"><bpmn:startEvent id="${id}_s"/>${inner}<bpmn:endEvent id="${id}_e"/>${seq(`${id}_s`, innerId, `${id}_e`)}${extra}</bpmn:subProcess>`;
    const esp = '<bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="cs"><bpmn:compensateEventDefinition/></bpmn:startEvent><bpmn:endEvent id="ce"/>' + seq('cs', 'ce') + '</bpmn:subProcess>';
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>
    ${sub('plain', '<bpmn:task id="t1"/>', 't1')}
    ${sub('withHandler', '<bpmn:task id="t2"/>', 't2', handler('t2', 'u2'))}
    ${sub('outer', sub('inner', '<bpmn:task id="t3"/>', 't3', handler('t3', 'u3')), 'inner')}
    ${sub('withEsp', '<bpmn:task id="t4"/>', 't4', esp)}
    ${sub('ownHandler', '<bpmn:task id="t5"/>', 't5', handler('t5', 'u5'))}${handler('ownHandler', 'u6')}
    ${seq('s', 'plain', 'withHandler', 'outer', 'withEsp', 'ownHandler', 'e')}
  </bpmn:process>
</bpmn:definitions>`;
    const result = await compileBpmn(xml);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { elements } = result.definitions.processes[0];
    const marks = Object.fromEntries(['plain', 'withHandler', 'outer', 'inner', 'withEsp', 'esp', 'ownHandler'].map((id) => [id, elements[id].compensable]));
    expect(marks).to.deep.equal({ plain: undefined, withHandler: {}, outer: {}, inner: {}, withEsp: { esp: 'esp' }, esp: undefined, ownHandler: undefined });
  });
});
