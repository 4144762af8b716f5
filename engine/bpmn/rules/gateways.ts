/**
 * Gateway rules: every non-default outgoing flow of a splitting exclusive/inclusive gateway needs a
 * condition, the default flow must be one of the gateway's outgoing flows and unconditioned, and an
 * event-based gateway may only lead to catch events or receive tasks.
 */
import { allFlowElements, bodyOf, eventDefinitions, is, problem, type Node, type Problem, type Rule } from './util.js';

export const gatewayConditions: Rule = {
  name: 'gateway-conditions',
  description: 'Splitting exclusive/inclusive gateways need a condition on every non-default outgoing flow.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      const outgoing = outgoingFlows(node, scope);
      if (node.default) {
        if (!outgoing.includes(node.default)) problems.push(problem(node, `default flow ${node.default.id} does not leave this element`));
        else if (bodyOf(node.default.conditionExpression) !== undefined) problems.push(problem(node.default, 'a default flow must not have a condition'));
      }
      if (!is(node, 'bpmn:ExclusiveGateway') && !is(node, 'bpmn:InclusiveGateway')) continue;
      if (outgoing.length < 2) continue;
      for (const flow of outgoing) {
        if (flow !== node.default && bodyOf(flow.conditionExpression) === undefined) {
          problems.push(problem(flow, `outgoing flow of gateway ${node.id} has no condition and is not the default flow`));
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
      if (outgoing.length < 2) problems.push(problem(node, 'an event-based gateway needs at least two outgoing flows'));
      for (const flow of outgoing) {
        const target: Node | undefined = flow.targetRef;
        if (bodyOf(flow.conditionExpression) !== undefined) problems.push(problem(flow, 'flows after an event-based gateway cannot have conditions'));
        const catches = is(target, 'bpmn:IntermediateCatchEvent') && eventDefinitions(target as Node).length === 1;
        if (!catches && !is(target, 'bpmn:ReceiveTask')) problems.push(problem(flow, 'an event-based gateway may only lead to intermediate catch events or receive tasks'));
        else if (target && incomingFlows(target, scope).length > 1) problems.push(problem(target, 'an event after an event-based gateway must have no other incoming flow'));
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
        if (bodyOf(flow.conditionExpression) !== undefined) problems.push(problem(flow, `the condition is ignored: every flow leaving parallel gateway ${node.id} is taken`));
      }
    }
    return problems;
  },
};
