/**
 * Gateway rules: every non-default outgoing flow of a splitting exclusive/inclusive gateway needs a
 * condition, the default flow must be one of the gateway's outgoing flows and unconditioned, and an
 * event-based gateway may only lead to catch events or receive tasks.
 */
import { allFlowElements, bodyOf, eventDefinitions, is, nameOf, problem, type Node, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

export const gatewayConditions: Rule = {
  name: 'gateway-conditions',
  description: 'Splitting exclusive/inclusive gateways need a condition on every non-default outgoing flow.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      const outgoing = outgoingFlows(node, scope);
      if (node.default) {
        if (!outgoing.includes(node.default)) problems.push(problem(node, text('bpmn.default-not-leaving', { flow: nameOf(node.default) })));
        else if (bodyOf(node.default.conditionExpression) !== undefined) problems.push(problem(node.default, text('bpmn.default-with-condition')));
      }
      if (!is(node, 'bpmn:ExclusiveGateway') && !is(node, 'bpmn:InclusiveGateway')) continue;
      if (outgoing.length < 2) continue;
      for (const flow of outgoing) {
        if (flow !== node.default && bodyOf(flow.conditionExpression) === undefined) {
          problems.push(problem(flow, text('bpmn.flow-without-condition', { gateway: nameOf(node) })));
        }
      }
    }
    return problems;
  },
};

export const eventBasedGateway: Rule = {
  name: 'event-based-gateway',
  description: 'An event-based gateway leads, unconditionally, to at least two catch events or receive tasks.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:EventBasedGateway')) continue;
      const outgoing = outgoingFlows(node, scope);
      if (outgoing.length < 2) problems.push(problem(node, text('bpmn.event-gateway-two')));
      for (const flow of outgoing) {
        const target: Node | undefined = flow.targetRef;
        if (bodyOf(flow.conditionExpression) !== undefined) problems.push(problem(flow, text('bpmn.event-gateway-condition')));
        const catches = is(target, 'bpmn:IntermediateCatchEvent') && eventDefinitions(target as Node).length === 1;
        if (!catches && !is(target, 'bpmn:ReceiveTask')) problems.push(problem(flow, text('bpmn.event-gateway-targets')));
        else if (target && incomingFlows(target, scope).length > 1) problems.push(problem(target, text('bpmn.event-gateway-other-incoming')));
      }
    }
    return problems;
  },
};

/** The sequence flows leaving a node, by sourceRef (authoritative over <outgoing> lists). */
export function outgoingFlows(node: Node, scope: Node): Node[] {
  return ((scope.flowElements ?? []) as Node[]).filter((f) => is(f, 'bpmn:SequenceFlow') && f.sourceRef === node);
}

export function incomingFlows(node: Node, scope: Node): Node[] {
  return ((scope.flowElements ?? []) as Node[]).filter((f) => is(f, 'bpmn:SequenceFlow') && f.targetRef === node);
}

export const ignoredConditions: Rule = {
  name: 'ignored-conditions',
  description: 'Conditions on flows leaving a parallel gateway are ignored (BPMN 2.0 §10.6.4): every flow is taken.',
  severity: 'warning',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:ParallelGateway')) continue;
      for (const flow of outgoingFlows(node, scope)) {
        if (bodyOf(flow.conditionExpression) !== undefined) problems.push(problem(flow, text('bpmn.parallel-condition-ignored', { gateway: nameOf(node) })));
      }
    }
    return problems;
  },
};
