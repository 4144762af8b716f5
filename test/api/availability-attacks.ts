/**
 * Issue 16's attacks 1–5 as a hostile tenant sends them to a running server, for the availability
 * spec (availability.spec.ts): each `attempt` is one request of the attack and answers what the
 * server said (a status, or `started`); the models are deployed once by `deployAll`.
 */
import { DOUBLING } from '../expressions/fixtures/doubling.js';

const defs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://alur.example/availability">${body}</bpmn:definitions>`;
const flow = (id: string, from: string, to: string, condition?: string) => (condition
  ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`
  : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`);
const task = (id: string, inner = '') => `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>${inner}</bpmn:userTask>`;

/** The other tenant's process: start → one task → end. */
export const QUIET = defs(`<bpmn:process id="layanan" isExecutable="true"><bpmn:startEvent id="S" />${task('T')}<bpmn:endEvent id="E" />${flow('F1', 'S', 'T')}${flow('F2', 'T', 'E')}</bpmn:process>`);

/** Attack 1: a timer start cycling every millisecond (refused at deployment). */
export const FAST_START = defs(`<bpmn:process id="banjir" isExecutable="true"><bpmn:startEvent id="t"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT0.001S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:process>`);

/** Attack 2: a parallel gateway of 10,000 branches (refused at deployment after its parse). */
export const FAN = defs(`<bpmn:process id="kipas" isExecutable="true"><bpmn:startEvent id="s" /><bpmn:parallelGateway id="split" /><bpmn:parallelGateway id="join" /><bpmn:endEvent id="e" />
  ${flow('f0', 's', 'split')}${Array.from({ length: 10_000 }, (_, i) => flow(`b${i}`, 'split', 'join')).join('')}${flow('f1', 'join', 'e')}</bpmn:process>`);

/**
 * What the hostile tenant deploys once: a non-interrupting boundary cycle computed by FEEL (attack
 * 1 at run time), a multi-instance over `items` (attack 2), the doubling FEEL and a loop of
 * few-millisecond FEEL rounds cut by the step budget (attack 3), an http task to `silentUrl`
 * (attack 5).
 */
export function hostileModels(silentUrl: string): string {
  const rounds = `count({a: [1, 2, 3, 4, 5, 6, 7, 8], b: concatenate(a, a), c: concatenate(b, b), d: concatenate(c, c), e: concatenate(d, d), f: concatenate(e, e), g: concatenate(f, f), h: concatenate(g, g), i: concatenate(h, h), j: concatenate(i, i)}.j) &gt; 0 and n &lt; 100000`;
  return defs(`
<bpmn:process id="siklus" isExecutable="true"><bpmn:startEvent id="cs" />${task('tunggu')}<bpmn:boundaryEvent id="ulang" attachedToRef="tunggu" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">=cycle</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
  <bpmn:endEvent id="ce" /><bpmn:endEvent id="ue" />${flow('c0', 'cs', 'tunggu')}${flow('c1', 'tunggu', 'ce')}${flow('c2', 'ulang', 'ue')}</bpmn:process>
<bpmn:process id="items" isExecutable="true"><bpmn:startEvent id="is" />${task('notify', '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="asn" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>')}<bpmn:endEvent id="ie" />
  ${flow('i0', 'is', 'notify')}${flow('i1', 'notify', 'ie')}</bpmn:process>
<bpmn:process id="doubling" isExecutable="true"><bpmn:startEvent id="ds" /><bpmn:exclusiveGateway id="dg" default="dn" /><bpmn:endEvent id="dy" /><bpmn:endEvent id="dz" />
  ${flow('d0', 'ds', 'dg')}${flow('dyes', 'dg', 'dy', `=${DOUBLING} &gt; 0`)}${flow('dn', 'dg', 'dz')}</bpmn:process>
<bpmn:process id="rounds" isExecutable="true"><bpmn:startEvent id="rs" /><bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:exclusiveGateway id="more" default="done" /><bpmn:endEvent id="re" />${flow('r0', 'rs', 'count')}${flow('r1', 'count', 'more')}${flow('again', 'more', 'count', `=${rounds}`)}${flow('done', 'more', 're')}</bpmn:process>
<bpmn:process id="lambat" isExecutable="true"><bpmn:startEvent id="ls" /><bpmn:serviceTask id="get"><bpmn:extensionElements><zeebe:taskDefinition type="http" retries="1" /><zeebe:taskHeaders><zeebe:header key="url" value="${silentUrl}" /><zeebe:header key="timeout" value="30000" /></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="le" />
  ${flow('l0', 'ls', 'get')}${flow('l1', 'get', 'le')}</bpmn:process>
<bpmn:process id="pola" isExecutable="true"><bpmn:startEvent id="ps"><bpmn:extensionElements><zeebe:formDefinition formId="form-kode" /></bpmn:extensionElements></bpmn:startEvent>${task('isi')}<bpmn:endEvent id="pe" />${flow('p0', 'ps', 'isi')}${flow('p1', 'isi', 'pe')}</bpmn:process>`);
}

/** Attack 4: a start form whose pattern backtracks catastrophically in a backtracking engine. */
export const PATTERN_FORM = JSON.stringify({
  id: 'form-kode', type: 'default', schemaVersion: 16,
  components: [{ id: 'Kode', key: 'kode', label: 'Kode', type: 'textfield', validate: { pattern: '^(a+)+$' } }],
});
/** 32 characters that make `^(a+)+$` backtrack 2^32 times in V8's RegExp. */
export const BACKTRACKER = `${'a'.repeat(32)}!`;
