/**
 * The betsy adapter judges errors honestly and the coverage list counts what a model uses: an
 * expected error passes only as the error the test is about, a crash never passes for one, and an
 * event with one referenced definition is not a "multiple" event.
 */
import { expect } from 'chai';
import { runBetsyCase, sameTrace, type BetsyCase } from './betsy-adapter.js';
import { outOfCoverage } from './betsy-coverage.js';

const betsyCase = (expected: string[], test?: string): BetsyCase => ({
  number: 4, delay_ms: 0, start_parallel_process_first: false, expected_trace: expected,
  start_variables: { testCaseNumber: 4, integerVariable: 0, ...(test === undefined ? {} : { test }) },
});

const definitions = (id: string, body: string, roots = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="${id}Test" targetNamespace="http://example.org/betsy">
${roots}<bpmn2:process id="${id}" isExecutable="true">${body}</bpmn2:process>
</bpmn2:definitions>`;

const flow = (id: string, from: string, to: string, condition?: string) => condition === undefined
  ? `<bpmn2:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
  : `<bpmn2:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn2:conditionExpression xsi:type="bpmn2:tFormalExpression">${condition}</bpmn2:conditionExpression></bpmn2:sequenceFlow>`;

const script = (id: string, token: string) => `<bpmn2:scriptTask id="${id}"><bpmn2:script>${token}</bpmn2:script></bpmn2:scriptTask>`;

/** Start → gateway `gatewayId` → task1 if test contains a, task2 if b; no default flow. */
const exclusive = (gatewayId: string) => definitions('ExclusiveGateway', `
  <bpmn2:startEvent id="StartEvent_1"/><bpmn2:exclusiveGateway id="${gatewayId}"/>
  ${script('Task_1', 'SCRIPT_task1')}${script('Task_2', 'SCRIPT_task2')}<bpmn2:endEvent id="End_1"/><bpmn2:endEvent id="End_2"/>
  ${flow('F1', 'StartEvent_1', gatewayId)}${flow('F2', gatewayId, 'Task_1', 'test.contains("a")')}${flow('F3', gatewayId, 'Task_2', 'test.contains("b")')}
  ${flow('F4', 'Task_1', 'End_1')}${flow('F5', 'Task_2', 'End_2')}`);

const test = (name: string, startProcess = name) => ({ name, start_process_id: startProcess });

describe('conformance/betsy-adapter: an expected error passes only as the error the test is about', () => {
  it('given the incident the test describes (no condition true at ExclusiveGateway_1), when run, then the case passes', async () => {
    const c = betsyCase(['ERROR_runtime'], 'c');
    const run = await runBetsyCase(exclusive('ExclusiveGateway_1'), test('ExclusiveGateway'), c);
    expect(run.trace).to.deep.equal(['ERROR_runtime']);
    expect(sameTrace(run.trace, c.expected_trace)).to.equal(true);
  });

  it('given an incident at another element than the one under test, when run, then the expected error is not matched and the case fails', async () => {
    const c = betsyCase(['ERROR_runtime'], 'c');
    const run = await runBetsyCase(exclusive('Somewhere_Else'), test('ExclusiveGateway'), c);
    expect(run.trace).to.deep.equal(['UNRELATED_ERROR incident condition at Somewhere_Else: no outgoing flow of gateway Somewhere_Else has a true condition and there is no default flow']);
    expect(sameTrace(run.trace, c.expected_trace)).to.equal(false);
  });

  it('given an exception escaping the engine, when run, then it is a crash, never the expected ERROR', async () => {
    const c = betsyCase(['ERROR']);
    const run = await runBetsyCase(exclusive('ExclusiveGateway_1'), test('ExclusiveGateway', 'NoSuchProcess'), c);
    expect(run.trace).to.have.length(1);
    expect(run.trace[0]).to.match(/^CRASH /);
    expect(sameTrace(run.trace, c.expected_trace)).to.equal(false);
  });

  it('given a refusal for an unrelated reason where a refusal is expected, when run, then the case fails', async () => {
    const broken = definitions('LoopTask_NegativeLoopMaximum', `<bpmn2:startEvent id="S"/>${script('ScriptTask_1', 'SCRIPT_task1')}<bpmn2:endEvent id="E"/>
      ${flow('F1', 'S', 'ScriptTask_1')}${flow('F2', 'ScriptTask_1', 'Nowhere')}`);
    const c = betsyCase(['ERROR']);
    const run = await runBetsyCase(broken, test('LoopTask_NegativeLoopMaximum'), c);
    expect(run.trace[0]).to.match(/^UNRELATED_ERROR deployment/);
    expect(sameTrace(run.trace, c.expected_trace)).to.equal(false);
  });

  it('given the refusal the test describes (a negative loopMaximum), when run, then the case passes', async () => {
    const loop = definitions('LoopTask_NegativeLoopMaximum', `<bpmn2:startEvent id="S"/>
      <bpmn2:scriptTask id="ScriptTask_1"><bpmn2:standardLoopCharacteristics loopMaximum="-1"><bpmn2:loopCondition xsi:type="bpmn2:tFormalExpression">true</bpmn2:loopCondition></bpmn2:standardLoopCharacteristics><bpmn2:script>SCRIPT_task1</bpmn2:script></bpmn2:scriptTask>
      <bpmn2:endEvent id="E"/>${flow('F1', 'S', 'ScriptTask_1')}${flow('F2', 'ScriptTask_1', 'E')}`);
    const run = await runBetsyCase(loop, test('LoopTask_NegativeLoopMaximum'), betsyCase(['ERROR']));
    expect(run.trace).to.deep.equal(['ERROR']);
  });

  it('given a case expecting an error that betsy-errors.ts does not describe, when the engine fails, then the case fails', async () => {
    const run = await runBetsyCase(exclusive('ExclusiveGateway_1'), test('SomeNewErrorTest', 'ExclusiveGateway'), betsyCase(['ERROR_runtime'], 'c'));
    expect(run.trace[0]).to.match(/^UNRELATED_ERROR incident condition at ExclusiveGateway_1/);
  });
});

describe('conformance/betsy-coverage: what a model uses is counted once', () => {
  const event = (inner: string) => definitions('P', `<bpmn2:startEvent id="S"/><bpmn2:intermediateCatchEvent id="Wait">${inner}</bpmn2:intermediateCatchEvent>`,
    '<bpmn2:timerEventDefinition id="TimerDef"><bpmn2:timeDuration xsi:type="bpmn2:tFormalExpression">PT1S</bpmn2:timeDuration></bpmn2:timerEventDefinition><bpmn2:signal id="Sig" name="s"/><bpmn2:signalEventDefinition id="SigDef" signalRef="Sig"/>');
  const whats = (xml: string) => outOfCoverage(xml).map((c) => c.what);

  it('given an event with one eventDefinitionRef (open and close tag), when classified, then it is no "multiple" event', () => {
    expect(whats(event('<bpmn2:eventDefinitionRef>TimerDef</bpmn2:eventDefinitionRef>'))).to.deep.equal([]);
  });

  it('given an event with two definitions, inline or referenced, when classified, then it is a "multiple" event', () => {
    expect(whats(event('<bpmn2:eventDefinitionRef>TimerDef</bpmn2:eventDefinitionRef><bpmn2:eventDefinitionRef>SigDef</bpmn2:eventDefinitionRef>'))).to.deep.equal(['multiple events']);
    expect(whats(event('<bpmn2:signalEventDefinition signalRef="Sig"/><bpmn2:eventDefinitionRef>TimerDef</bpmn2:eventDefinitionRef>'))).to.deep.equal(['multiple events']);
  });

  it('given token quantities, when classified, then only quantities above 1 are outside coverage (below 1 is a constraint violation)', () => {
    const task = (attrs: string) => definitions('P', `<bpmn2:scriptTask id="T" ${attrs}/>`);
    expect(whats(task('startQuantity="2"'))).to.deep.equal(['token quantities']);
    expect(whats(task('completionQuantity="10"'))).to.deep.equal(['token quantities']);
    expect(whats(task('startQuantity="1" completionQuantity="1"'))).to.deep.equal([]);
    expect(whats(task('startQuantity="0"'))).to.deep.equal([]);
  });

  it('given multi-instance behaviour, when classified, then behavior="All" (no event thrown, the default) is covered and the others are not', () => {
    const mi = (behavior: string) => definitions('P', `<bpmn2:scriptTask id="T"><bpmn2:multiInstanceLoopCharacteristics behavior="${behavior}"/></bpmn2:scriptTask>`);
    expect(whats(mi('All'))).to.deep.equal([]);
    for (const b of ['None', 'One', 'Complex']) expect(whats(mi(b)), b).to.deep.equal(['multi-instance event behaviour']);
  });
});
