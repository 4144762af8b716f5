import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { importBpmn } from '../../engine/bpmn/flow-graph.js';
import { fixtureText } from './helpers.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A definitions document around `body` (process content) plus optional root elements. */
function doc(body: string, roots = '', processAttrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="http://alur.go.id/test">${roots}
  <bpmn:process id="P" isExecutable="true" ${processAttrs}>${body}</bpmn:process>
</bpmn:definitions>`;
}

/** start → `middle` (one element with id M) → end. */
function around(middle: string): string {
  return doc(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="M" />${middle}<bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="E" /><bpmn:endEvent id="E" />`);
}

async function messages(xml: string): Promise<string[]> {
  const result = await compileBpmn(xml);
  return result.ok ? [] : result.errors.map((e) => e.message);
}

describe('bpmn/rules: BPMN 2.0 constraints checked at deployment', () => {
  it('given a well-formed process without flow lists, when compiled, then it deploys', async () => {
    expect(await messages(fixtureText('minimal.bpmn'))).to.deep.equal([]);
  });

  it('given a gateway that neither splits nor joins, when compiled, then it is refused', async () => {
    expect(await messages(around('<bpmn:exclusiveGateway id="M" />'))).to.include('exclusiveGateway M: a gateway needs several incoming or several outgoing sequence flows');
  });

  it('given a diverging gateway with two incoming flows, when compiled, then its direction is refused', async () => {
    const xml = doc(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:sequenceFlow id="F1b" sourceRef="S" targetRef="G" />
      <bpmn:parallelGateway id="G" gatewayDirection="Diverging" /><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E" /><bpmn:endEvent id="E" />`);
    expect(await messages(xml)).to.include('parallelGateway G: a diverging gateway has at most one incoming sequence flow');
  });

  it('given a task no flow reaches, when the process has a start event, then it is refused as unreachable', async () => {
    const xml = fixtureText('minimal.bpmn').replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:task id="Lost" /><bpmn:sequenceFlow id="F9" sourceRef="Lost" targetRef="End" />');
    expect(await messages(xml)).to.include('task Lost: no sequence flow leads here, so it can never run');
  });

  it('given incomplete <incoming>/<outgoing> lists, when compiled, then the missing entry is named', async () => {
    const xml = fixtureText('minimal.bpmn').replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>');
    expect(await messages(xml)).to.include('startEvent Start: does not list its outgoing flow start event Start → end event End');
  });

  it('given a conditional flow as the only way out of a task, when compiled, then it is refused', async () => {
    const xml = around('<bpmn:task id="M" />').replace('<bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="E" />', '<bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="E"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=ok</bpmn:conditionExpression></bpmn:sequenceFlow>');
    expect(await messages(xml)).to.include('sequenceFlow F2: the only outgoing flow of activity M cannot be conditional');
  });

  it('given quantities below 1 and a negative loop maximum, when compiled, then each is refused', async () => {
    expect(await messages(around('<bpmn:task id="M" startQuantity="0" />'))).to.include('task M: startQuantity must be at least 1 (is 0)');
    const loop = around('<bpmn:task id="M"><bpmn:standardLoopCharacteristics loopMaximum="-1"><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=false</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task>');
    expect(await messages(loop)).to.include('task M: loopMaximum must not be negative (is -1)');
  });

  it('given a public process marked executable, when compiled, then it is refused', async () => {
    const xml = doc('<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" /><bpmn:endEvent id="E" />', '', 'processType="Public"');
    expect(await messages(xml)).to.include('process P: a public process is descriptive and cannot be executable');
  });

  it('given a message flow inside one pool, when compiled, then it is refused', async () => {
    const collaboration = '<bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P" /><bpmn:messageFlow id="MF" sourceRef="M" targetRef="E" /></bpmn:collaboration>';
    const xml = around('<bpmn:task id="M" />').replace('<bpmn:process', `${collaboration}<bpmn:process`);
    const found = await messages(xml);
    expect(found).to.include('messageFlow MF: connects two elements of pool Pool; message flows go between pools');
    expect(found).to.include('messageFlow MF: end event E cannot receive a message (only message catch events can)');
  });

  it('given a data input whose collection flag differs from its item definition, when compiled, then it is refused', async () => {
    const xml = around('<bpmn:task id="M"><bpmn:ioSpecification><bpmn:dataInput id="In" itemSubjectRef="Items" /><bpmn:inputSet><bpmn:dataInputRefs>In</bpmn:dataInputRefs></bpmn:inputSet></bpmn:ioSpecification></bpmn:task>')
      .replace('<bpmn:process', '<bpmn:itemDefinition id="Items" isCollection="true" structureRef="String" /><bpmn:process');
    expect(await messages(xml)).to.include('task M: In is not a collection, but its item definition Items is');
  });

  it('given FEEL naming a variable with spaces or a numeric condition, when compiled, then both are refused', async () => {
    const xml = around('<bpmn:task id="M"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=dummy cardinality</bpmn:loopCardinality><bpmn:completionCondition xsi:type="bpmn:tFormalExpression">=23</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:task>');
    const found = await messages(xml);
    expect(found.join('\n')).to.include('loop cardinality: "dummy cardinality" is not a variable name');
    expect(found).to.include('task M: completion condition must be true or false, but "23" is a number');
  });

  it('given a script format that is not a MIME type, when compiled for betsy, then it is refused', async () => {
    const xml = around('<bpmn:scriptTask id="M" scriptFormat="INVALID"><bpmn:script>x</bpmn:script></bpmn:scriptTask>');
    const result = await compileBpmn(xml, { scriptJobType: 'betsy' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors[0].message).to.equal('scriptTask M: scriptFormat "INVALID" is not a MIME type (e.g. text/plain)');
  });

  it('given an activity with two loop markers, when compiled it is refused, and when imported it only warns', async () => {
    const xml = around('<bpmn:task id="M"><bpmn:standardLoopCharacteristics /><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>');
    expect((await messages(xml))[0]).to.match(/only one of standardLoopCharacteristics or multiInstanceLoopCharacteristics/);
    const imported = await importBpmn(xml);
    expect(imported.ok).to.equal(true);
  });

  it('given a misplaced BPMN element, when compiled, then it is refused, naming the element', async () => {
    const xml = fixtureText('minimal.bpmn').replace('<bpmn:process', '<bpmn:property id="Misplaced" /><bpmn:process');
    expect(await messages(xml)).to.include('unknown element <bpmn:property> is not allowed here');
  });

  it('given multi-instance event behaviour or a performer, when compiled, then each is reported as unsupported', async () => {
    expect((await messages(around('<bpmn:task id="M"><bpmn:multiInstanceLoopCharacteristics behavior="None"><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:task>')))[0])
      .to.equal('task M: multi-instance event behaviour (behavior="None") is not supported');
    expect(await messages(around('<bpmn:task id="M"><bpmn:performer id="Perf" /></bpmn:task>')))
      .to.include('task M: BPMN resource roles (performer, potentialOwner) are not supported; use zeebe:assignmentDefinition');
  });

  it('given a link catch that no throw leads to, when compiled, then it is refused', async () => {
    const xml = fixtureText('minimal.bpmn').replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End" /><bpmn:intermediateCatchEvent id="L"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="F9" sourceRef="L" targetRef="End" />');
    expect(await messages(xml)).to.include('intermediateCatchEvent L: no link throw event named "nowhere" leads here');
  });

  it('given a condition on a flow leaving a parallel gateway, when compiled, then it deploys with a warning that the condition is ignored', async () => {
    const xml = doc(`<bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G" /><bpmn:parallelGateway id="G" />
      <bpmn:sequenceFlow id="A" sourceRef="G" targetRef="J"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=false</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="B" sourceRef="G" targetRef="J" /><bpmn:parallelGateway id="J" /><bpmn:sequenceFlow id="F2" sourceRef="J" targetRef="E" /><bpmn:endEvent id="E" />`);
    const result = await compileBpmn(xml);
    expect(result.ok).to.equal(true);
    expect(result.warnings.map(({ element, message }) => ({ element, message }))).to.deep.include({ element: 'A', message: 'sequenceFlow A: the condition is ignored: every flow leaving parallel gateway G is taken' });
    // The warning keeps its catalog text: the reader gets it in Indonesian like an error.
    expect(result.warnings.find((w) => w.element === 'A')?.text).to.not.equal(undefined);
  });
});
