/**
 * Structural constraints of BPMN 2.0 on flow nodes: gateway directions, start/end pairing per
 * scope, nodes a token can never reach or leave, complete <incoming>/<outgoing> lists, activity
 * quantities and attributes that only descriptive processes may use.
 */
import { incomingFlows, outgoingFlows } from './gateways.js';
import { elementType, flowElements, is, nameOf, problem, type Node, type Problem, type Rule, type RuleContext } from './util.js';
import { text } from '../../messages/index.js';

export const gatewayDirections: Rule = {
  name: 'gateway-directions',
  description: 'A gateway splits or joins (several flows in or out) and obeys its gatewayDirection.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of scopedNodes(ctx)) {
      if (!is(node, 'bpmn:Gateway')) continue;
      const incoming = incomingFlows(node, scope).length;
      const outgoing = outgoingFlows(node, scope).length;
      if (incoming < 2 && outgoing < 2) problems.push(problem(node, text('bpmn.gateway-few-flows')));
      const direction = node.gatewayDirection as string | undefined;
      if (direction === 'Converging' && outgoing > 1) problems.push(problem(node, text('bpmn.converging-one-out')));
      if (direction === 'Diverging' && incoming > 1) problems.push(problem(node, text('bpmn.diverging-one-in')));
      if (direction === 'Mixed' && (incoming < 2 || outgoing < 2)) problems.push(problem(node, text('bpmn.mixed-gateway')));
    }
    return problems;
  },
};

export const reachability: Rule = {
  name: 'reachability',
  description: 'With a start event every node has an incoming flow; with an end event every node has an outgoing flow; start and end events come together.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const scope of scopes(ctx)) {
      const nodes = ((scope.flowElements ?? []) as Node[]).filter((n) => is(n, 'bpmn:FlowNode'));
      const hasStart = nodes.some((n) => is(n, 'bpmn:StartEvent'));
      const hasEnd = nodes.some((n) => is(n, 'bpmn:EndEvent'));
      if (scope.triggeredByEvent !== true && hasStart !== hasEnd) {
        problems.push(problem(scope, text(hasStart ? 'bpmn.start-no-end' : 'bpmn.end-no-start')));
      }
      for (const node of nodes) {
        if (hasStart && incomingFlows(node, scope).length === 0 && needsIncoming(node)) problems.push(problem(node, text('bpmn.unreachable')));
        if (hasEnd && outgoingFlows(node, scope).length === 0 && needsOutgoing(node)) problems.push(problem(node, text('bpmn.dead-end')));
      }
    }
    return problems;
  },
};

/** Events have their own flow rules (events.ts); event subprocesses and compensation handlers run without flows. */
function needsIncoming(node: Node): boolean {
  return !is(node, 'bpmn:Event') && !node.triggeredByEvent && !node.isForCompensation;
}

function needsOutgoing(node: Node): boolean {
  return needsIncoming(node);
}

export const flowLists: Rule = {
  name: 'flow-lists',
  description: 'When a process lists <incoming>/<outgoing> flows, the lists are complete.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const scope of scopes(ctx)) {
      const nodes = ((scope.flowElements ?? []) as Node[]).filter((n) => is(n, 'bpmn:FlowNode'));
      // Hand-written files may omit the lists altogether; a partial list is a broken export.
      if (!nodes.some((n) => (n.incoming ?? []).length + (n.outgoing ?? []).length > 0)) continue;
      for (const node of nodes) {
        for (const flow of incomingFlows(node, scope)) {
          if (!(node.incoming ?? []).includes(flow)) problems.push(problem(node, text('bpmn.misses-incoming', { flow: nameOf(flow) })));
        }
        for (const flow of outgoingFlows(node, scope)) {
          if (!(node.outgoing ?? []).includes(flow)) problems.push(problem(node, text('bpmn.misses-outgoing', { flow: nameOf(flow) })));
        }
      }
    }
    return problems;
  },
};

export const conditionalFlows: Rule = {
  name: 'conditional-flows',
  description: 'Conditions sit on flows leaving activities (which then have another flow) or exclusive/inclusive gateways.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of scopedNodes(ctx)) {
      if (!is(node, 'bpmn:SequenceFlow') || !node.conditionExpression) continue;
      const source: Node | undefined = node.sourceRef;
      if (!source) continue;
      if (is(source, 'bpmn:Activity')) {
        if (outgoingFlows(source, scope).length < 2) problems.push(problem(node, text('bpmn.only-flow-conditional', { activity: nameOf(source) })));
      } else if (is(source, 'bpmn:Event') || is(source, 'bpmn:EventBasedGateway')) {
        problems.push(problem(node, text('bpmn.condition-after', { type: elementType(source) })));
      }
    }
    return problems;
  },
};

export const activityAttributes: Rule = {
  name: 'activity-attributes',
  description: 'Quantities are at least 1, loop limits are not negative; executable processes are private and not immediate.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const process of ctx.processes) {
      if (process.processType === 'Public') problems.push(problem(process, text('bpmn.public-process')));
    }
    for (const { node } of scopedNodes(ctx)) {
      if (is(node, 'bpmn:SequenceFlow') && node.isImmediate !== undefined) problems.push(problem(node, text('bpmn.is-immediate')));
      if (!is(node, 'bpmn:Activity')) continue;
      for (const key of ['startQuantity', 'completionQuantity'] as const) {
        if (node[key] !== undefined && !(Number.isInteger(node[key]) && node[key] >= 1)) problems.push(problem(node, text('bpmn.quantity-minimum', { key, value: String(node[key]) })));
      }
      const loop = node.loopCharacteristics as Node | undefined;
      if (loop?.$type === 'bpmn:StandardLoopCharacteristics' && loop.loopMaximum !== undefined && !(Number(loop.loopMaximum) >= 0)) {
        problems.push(problem(node, text('bpmn.loop-maximum', { value: String(loop.loopMaximum) })));
      }
      const cardinality = loop?.loopCardinality?.body;
      if (typeof cardinality === 'string' && /^\s*-\d+(\.\d+)?\s*$/.test(cardinality)) problems.push(problem(node, text('bpmn.loop-cardinality', { value: cardinality.trim() })));
    }
    return problems;
  },
};

/** The executable processes and all their subprocesses. */
export function scopes(ctx: RuleContext): Node[] {
  return ctx.processes.flatMap((p) => [p, ...flowElements(p).map((e) => e.node).filter((n) => is(n, 'bpmn:SubProcess'))]);
}

function scopedNodes(ctx: RuleContext): { node: Node; scope: Node }[] {
  return ctx.processes.flatMap((p) => flowElements(p));
}
