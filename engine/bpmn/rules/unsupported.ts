/**
 * Elements Alur cannot execute are a deployment error naming each element, never a silent skip.
 */
import { allFlowElements, elementType, eventDefinitions, extension, is, localType, problem, type Node, type Problem, type Rule } from './util.js';
import { text, type Text } from '../../messages/index.js';

const SUPPORTED = new Set([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'manualTask', 'userTask', 'serviceTask', 'sendTask', 'businessRuleTask', 'scriptTask', 'receiveTask',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'subProcess', 'callActivity',
]);

const WHY: Record<string, Text> = {
  complexGateway: text('bpmn.complex-gateway'),
  adHocSubProcess: text('bpmn.ad-hoc'),
  transaction: text('bpmn.transaction'),
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
        problems.push(problem(node, WHY[type] ?? text('bpmn.element-unsupported', { type: elementType(node) })));
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
    if (defs.length > 1) problems.push(problem(node, text('bpmn.several-definitions', { count: defs.length })));
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
      problems.push(problem(node, text(key === 'startQuantity' ? 'bpmn.start-quantity' : 'bpmn.completion-quantity', { value: node[key] })));
    }
  }
  if (is(node, 'bpmn:EventBasedGateway') && (node.instantiate || node.eventGatewayType === 'Parallel')) {
    problems.push(problem(node, text('bpmn.instantiating-gateway')));
  }
  const loop = node.loopCharacteristics as Node | undefined;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics' && ((loop.behavior ?? 'All') !== 'All' || loop.complexBehaviorDefinition?.length)) {
    problems.push(problem(node, text('bpmn.multi-instance-behaviour', { behavior: String(loop.behavior ?? 'All'), complex: loop.complexBehaviorDefinition?.length ? ', complexBehaviorDefinition' : '' })));
  }
  for (const association of [...(node.dataInputAssociations ?? []), ...(node.dataOutputAssociations ?? [])] as Node[]) {
    if ((association.assignment ?? []).length > 0 || association.transformation) {
      problems.push(problem(node, text('bpmn.data-assignments', { association: String(association.id ?? '') })));
    }
  }
  if ((node.resources ?? []).length > 0) problems.push(problem(node, text('bpmn.resource-roles')));
  if (is(node, 'bpmn:ReceiveTask') && node.instantiate) problems.push(problem(node, text('bpmn.instantiating-receive')));
  if (is(node, 'bpmn:BusinessRuleTask') && extension(node, 'zeebe:CalledDecision') && !extension(node, 'zeebe:TaskDefinition')) {
    problems.push(problem(node, text('bpmn.dmn')));
  }
  if ((is(node, 'bpmn:UserTask') || is(node, 'bpmn:StartEvent')) && extension(node, 'zeebe:FormDefinition')?.externalReference) {
    problems.push(problem(node, text('bpmn.external-form')));
  }
  return problems;
}
