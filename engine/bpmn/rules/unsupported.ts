/**
 * Elements Alur cannot execute are a deployment error naming each element, never a silent skip.
 */
import { allFlowElements, eventDefinitions, extension, is, localType, problem, type Node, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

const SUPPORTED = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'manualTask', 'userTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'receiveTask',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'subProcess', 'callActivity',
]);

const WHY: Record<string, string> = {
  complexGateway: 'complex gateways are not supported; use an inclusive gateway',
  adHocSubProcess: 'ad-hoc subprocesses are not supported',
  transaction: 'transaction subprocesses are not supported',
};

export const unsupportedElements: Rule = {
  name: 'unsupported-elements',
  description: 'Every flow node must be an element type the engine executes.',
  check(definitions, ctx) {
    const problems: Problem[] = [];
    for (const root of (definitions.rootElements ?? []) as Node[]) {
      if (is(root, 'bpmn:GlobalTask')) problems.push(problem(root, text('bpmn.global-task')));
    }
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:FlowNode')) continue;
      const type = localType(node);
      if (!SUPPORTED.has(type)) {
        problems.push(problem(node, WHY[type] ?? `${type} is not supported`));
        continue;
      }
      problems.push(...unsupportedParts(node));
    }
    return problems;
  },
};

function unsupportedParts(node: Node): Problem[] {
  const problems: Problem[] = [];
  if (is(node, 'bpmn:Event')) {
    const defs = eventDefinitions(node);
    if (defs.length > 1) problems.push(problem(node, `events with several event definitions (multiple/parallel multiple) are not supported (${defs.length} found)`));
    if (defs.some((d) => d.$type === 'bpmn:CancelEventDefinition')) problems.push(problem(node, text('bpmn.cancel-event')));
    // Camunda 8 has no conditional events: deploying one that never fires would run the model wrongly.
    if (defs.some((d) => d.$type === 'bpmn:ConditionalEventDefinition')) {
      problems.push(problem(node, text('bpmn.conditional-event')));
    }
  }
  // An activity runs once per arriving token and passes one token to each outgoing flow (as in
  // Camunda 8); waiting for or sending several tokens is a gateway's job. Values below 1 are
  // constraint violations reported by activity-attributes.
  for (const key of ['startQuantity', 'completionQuantity'] as const) {
    if (is(node, 'bpmn:Activity') && typeof node[key] === 'number' && node[key] > 1) {
      problems.push(problem(node, `${key}="${node[key]}" is not supported; an activity ${key === 'startQuantity' ? 'starts once per arriving token: wait for several with a parallel gateway' : 'sends one token on each outgoing flow: send several with a parallel gateway'}`));
    }
  }
  if (is(node, 'bpmn:EventBasedGateway') && (node.instantiate || node.eventGatewayType === 'Parallel')) {
    problems.push(problem(node, 'instantiating or parallel event-based gateways are not supported'));
  }
  const loop = node.loopCharacteristics as Node | undefined;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics' && ((loop.behavior ?? 'All') !== 'All' || loop.complexBehaviorDefinition?.length)) {
    problems.push(problem(node, `multi-instance event behaviour (behavior="${loop.behavior ?? 'All'}"${loop.complexBehaviorDefinition?.length ? ', complexBehaviorDefinition' : ''}) is not supported`));
  }
  for (const association of [...(node.dataInputAssociations ?? []), ...(node.dataOutputAssociations ?? [])] as Node[]) {
    if ((association.assignment ?? []).length > 0 || association.transformation) {
      problems.push(problem(node, `data association ${association.id ?? ''} uses assignments or a transformation, which are not supported; use zeebe:ioMapping`));
    }
  }
  if ((node.resources ?? []).length > 0) problems.push(problem(node, 'BPMN resource roles (performer, potentialOwner) are not supported; use zeebe:assignmentDefinition'));
  if (is(node, 'bpmn:ReceiveTask') && node.instantiate) problems.push(problem(node, 'instantiating receive tasks are not supported; use a message start event'));
  if (is(node, 'bpmn:BusinessRuleTask') && extension(node, 'zeebe:CalledDecision') && !extension(node, 'zeebe:TaskDefinition')) {
    problems.push(problem(node, 'DMN decisions (zeebe:calledDecision) are not supported; use a zeebe:taskDefinition job'));
  }
  if ((is(node, 'bpmn:UserTask') || is(node, 'bpmn:StartEvent')) && extension(node, 'zeebe:FormDefinition')?.externalReference) {
    problems.push(problem(node, text('bpmn.external-form')));
  }
  return problems;
}
