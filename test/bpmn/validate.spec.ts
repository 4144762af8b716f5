import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { fixtureBytes, fixtureText } from './helpers.js';
import type { Problem } from '../../engine/bpmn/problems.js';
import { render } from '../../engine/messages/index.js';

async function errorsOf(xml: string | Uint8Array, opts = {}): Promise<Problem[]> {
  const result = await compileBpmn(xml, opts);
  if (result.ok) throw new Error('expected the deployment to be refused');
  return result.errors;
}

const minimal = () => fixtureText('minimal.bpmn');
/** The minimal process with `node` placed between the start and the end event. */
function between(node: string, id: string): string {
  return minimal()
    .replace('targetRef="End"', `targetRef="${id}"`)
    .replace('<bpmn:endEvent id="End" />', `${node}<bpmn:sequenceFlow id="Flow_2" sourceRef="${id}" targetRef="End" /><bpmn:endEvent id="End" />`)
    .replace('<bpmn:definitions ', '<bpmn:definitions xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ');
}

describe('bpmn/validate: deployment errors with element ids', () => {
  it('given a gateway with an unconditioned non-default flow, when compiled, then the flow is named', async () => {
    const errors = await errorsOf(fixtureBytes('gateway-missing-condition.bpmn'));
    expect(errors.map(({ element, message }) => ({ element, message }))).to.deep.equal([{ element: 'Flow_B', message: 'sequenceFlow Flow_B: outgoing flow of gateway Split has no condition and is not the default flow' }]);
    // The reader's text names a nameless flow by the elements it joins, each nameless end by its kind and id.
    expect(render(errors[0].text!, 'id')).to.equal('Alur gateway eksklusif Split → event selesai End: alur keluar dari gateway Split belum memiliki kondisi dan bukan alur bawaan');
  });

  it('given a document with many problems, when compiled, then every problem is reported, not just the first', async () => {
    const errors = await errorsOf(fixtureBytes('several-problems.bpmn'));
    const elements = errors.map((e) => e.element);
    expect(elements).to.include.members(['Complex', 'GoTo', 'Charge', 'Calc', 'Assign', 'CallOther', 'Wait', 'Flow_A']);
    expect(errors.find((e) => e.element === 'Flow_A')?.message).to.match(/condition expression: invalid FEEL/);
    expect(errors.find((e) => e.element === 'Wait')?.message).to.match(/"3 days" is not an ISO 8601 duration/);
    expect(errors.map((e) => e.message)).to.include('userTask Assign: candidate groups "verifikator,,kepala" has an empty name (use a comma-separated list)');
    expect(errors.map((e) => e.message)).to.include('userTask Assign: no sequence flow leads here, so it can never run');
  });

  it('given a call activity to an unknown process, when compiled, then it is refused unless the process is known', async () => {
    const errors = await errorsOf(fixtureBytes('unknown-called-process.bpmn'));
    expect(errors.map(({ element, message }) => ({ element, message }))).to.deep.equal([{ element: 'Call', message: 'callActivity Call: called process "Pembayaran" is neither in this file nor deployed' }]);
    const known = await compileBpmn(fixtureBytes('unknown-called-process.bpmn'), { knownProcesses: ['Pembayaran'] });
    expect(known.ok).to.equal(true);
  });

  it('given a call to a process of the same file that is not executable, when compiled, then it is refused', async () => {
    const xml = fixtureText('camunda8-full.bpmn').replace('<bpmn:process id="TandaTangan" isExecutable="true">', '<bpmn:process id="TandaTangan" isExecutable="false">');
    const errors = await errorsOf(xml);
    expect(errors.map((e) => e.message)).to.include('callActivity Sign: called process "TandaTangan" is neither in this file nor deployed');
  });

  it('given Camunda 8 listeners or a pinned called version or form binding, when compiled, then they are refused; a job priority only warns', async () => {
    const listeners = between('<bpmn:serviceTask id="Send"><bpmn:extensionElements><zeebe:taskDefinition type="send" /><zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners></bpmn:extensionElements></bpmn:serviceTask>', 'Send');
    expect((await errorsOf(listeners)).map((e) => e.message)).to.include('serviceTask Send: execution listeners (zeebe:executionListeners) are not supported');
    const pinnedForm = between('<bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review" bindingType="deployment" /></bpmn:extensionElements></bpmn:userTask>', 'Review');
    expect((await errorsOf(pinnedForm)).map((e) => e.message)).to.include('userTask Review: formDefinition bindingType "deployment" is not supported; a task uses the newest form version when it opens');
    const latestForm = between('<bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="review" bindingType="latest" /></bpmn:extensionElements></bpmn:userTask>', 'Review');
    expect((await compileBpmn(latestForm)).ok).to.equal(true);
    const priority = between('<bpmn:serviceTask id="Send"><bpmn:extensionElements><zeebe:taskDefinition type="send" /><zeebe:jobPriorityDefinition priority="10" /></bpmn:extensionElements></bpmn:serviceTask>', 'Send');
    const result = await compileBpmn(priority);
    expect(result.ok).to.equal(true);
    expect(result.warnings.map((w) => w.message)).to.include('serviceTask Send: job priority (zeebe:jobPriorityDefinition) is ignored');
  });

  it('given bad FEEL in a zeebe attribute, when compiled, then the element and attribute are named, the attribute as the properties panel labels it', async () => {
    const xml = between('<bpmn:userTask id="Review" name="Periksa berkas"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="=user(" /></bpmn:extensionElements></bpmn:userTask>', 'Review');
    const errors = await errorsOf(xml);
    expect(errors[0].element).to.equal('Review');
    expect(errors[0].message).to.match(/^userTask Review: candidate groups: invalid FEEL/);
    expect(render(errors[0].text!, 'id')).to.match(/^Tugas pengguna “Periksa berkas”: grup kandidat keliru: FEEL tidak sah/);
  });

  it('given a service task whose task definition has no type, when compiled, then it is refused', async () => {
    const errors = await errorsOf(between('<bpmn:serviceTask id="Send"><bpmn:extensionElements><zeebe:taskDefinition retries="3" /></bpmn:extensionElements></bpmn:serviceTask>', 'Send'));
    expect(errors.map((e) => e.message)).to.include('serviceTask Send: job type is empty');
  });

  it('given a timer cycle and date, when valid they compile and when invalid they are refused', async () => {
    const timer = (body: string) => between(`<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition>${body.replace(/<bpmn:(time\w+)>/, '<bpmn:$1 xsi:type="bpmn:tFormalExpression">')}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`, 'Wait');
    expect((await errorsOf(timer('<bpmn:timeCycle>R3/PT10M</bpmn:timeCycle>')))[0].message).to.match(/time cycle on an intermediate catch event is not supported/);
    expect((await compileBpmn(timer('<bpmn:timeDate>2030-02-01T08:00:00+07:00</bpmn:timeDate>'))).ok).to.equal(true);
    expect((await compileBpmn(timer('<bpmn:timeDuration>=duration("P" + string(days) + "D")</bpmn:timeDuration>'))).ok).to.equal(true);
    expect((await errorsOf(timer('<bpmn:timeDuration>every hour</bpmn:timeDuration>')))[0].message).to.match(/timeDuration: "every hour"/);
    expect((await errorsOf(timer('<bpmn:timeDate>2030-02-30T08:00:00Z</bpmn:timeDate>')))[0].message).to.match(/not a valid calendar date-time/);
    expect((await errorsOf(timer('')))[0].message).to.match(/timer has no timeDate, timeDuration or timeCycle/);
    const informal = between('<bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>', 'Wait');
    expect((await errorsOf(informal))[0].message).to.match(/timeDuration is an informal expression/);
  });

  it('given a boundary event attached to a gateway, when compiled, then it is refused', async () => {
    const xml = minimal().replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:boundaryEvent id="B" attachedToRef="End"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>');
    const errors = await errorsOf(xml);
    expect(errors.map((e) => e.element)).to.include('B');
  });

  it('given a sequence flow into a subprocess child, when compiled, then crossing the scope is refused', async () => {
    const xml = minimal().replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:subProcess id="Sub"><bpmn:startEvent id="SubStart" /><bpmn:sequenceFlow id="SubFlow" sourceRef="SubStart" targetRef="SubEnd" /><bpmn:endEvent id="SubEnd" /></bpmn:subProcess>').replace('targetRef="End"', 'targetRef="SubEnd"');
    const errors = await errorsOf(xml);
    expect(errors.map((e) => e.message).join('\n')).to.match(/Flow_1: sequence flow crosses a scope boundary/);
  });

  it('given a start event with an incoming flow and an end event with an outgoing one, when compiled, then both are refused', async () => {
    const xml = minimal().replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:sequenceFlow id="Back" sourceRef="End" targetRef="Start" />');
    const messages = (await errorsOf(xml)).map((e) => e.message);
    expect(messages).to.include('startEvent Start: a start event cannot have incoming sequence flows');
    expect(messages).to.include('endEvent End: an end event cannot have outgoing sequence flows');
  });

  it('given a reference to an element of the wrong type, when compiled, then the reference is named', async () => {
    const xml = minimal().replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:boundaryEvent id="B" attachedToRef="Flow_1"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>');
    const errors = await errorsOf(xml);
    expect(errors.map((e) => e.message).join('\n')).to.include('attachedToRef refers to "Flow_1", a bpmn:SequenceFlow, but must refer to a bpmn:Activity');
  });

  it('given an unknown element in the BPMN namespace, when compiled, then a warning names it', async () => {
    const xml = minimal().replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:frobnicate id="F" />');
    const result = await compileBpmn(xml);
    expect(result.warnings.map((w) => w.message)).to.include('unknown element <bpmn:frobnicate> ignored');
  });
});
