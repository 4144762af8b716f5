/**
 * Sequence-flow and scope rules: a flow connects two flow nodes of its own scope, the
 * <incoming>/<outgoing> lists agree with the flows, and every scope can start: a process has a
 * start event, an embedded subprocess exactly one none start event, an event subprocess exactly one
 * triggered start event and no sequence flows of its own.
 */
import { incomingFlows, outgoingFlows } from './gateways.js';
import { allFlowElements, describe, eventDefinitions, flowElements, is, nameOf, problem, type Node, type Problem, type Rule, type RuleContext } from './util.js';
import { text } from '../../messages/index.js';

/** A flow's end as the reader says it, not the XML's sourceRef/targetRef. */
const END_WORDS = { sourceRef: text('bpmn.flow-source'), targetRef: text('bpmn.flow-target') };

export const sequenceFlows: Rule = {
  name: 'sequence-flows',
  description: 'Sequence flows connect flow nodes of their own scope; incoming/outgoing lists match.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (is(node, 'bpmn:SequenceFlow')) {
        const siblings = (scope.flowElements ?? []) as Node[];
        for (const end of ['sourceRef', 'targetRef'] as const) {
          const ref: Node | undefined = node[end];
          if (!ref) problems.push(problem(node, text('bpmn.flow-no-end', { end: END_WORDS[end] })));
          else if (!is(ref, 'bpmn:FlowNode')) problems.push(problem(node, text('bpmn.flow-end-not-node', { end: END_WORDS[end], element: describe(ref) })));
          else if (!siblings.includes(ref)) problems.push(problem(node, text('bpmn.flow-crosses-scope', { end: END_WORDS[end], element: describe(ref) })));
        }
        if (node.sourceRef && node.sourceRef === node.targetRef && !is(node.sourceRef, 'bpmn:Activity')) {
          problems.push(problem(node, text('bpmn.flow-to-itself')));
        }
        continue;
      }
      if (!is(node, 'bpmn:FlowNode')) continue;
      for (const flow of (node.incoming ?? []) as Node[]) {
        if (flow.targetRef !== node) problems.push(problem(node, text('bpmn.lists-foreign-incoming', { flow: nameOf(flow) })));
      }
      for (const flow of (node.outgoing ?? []) as Node[]) {
        if (flow.sourceRef !== node) problems.push(problem(node, text('bpmn.lists-foreign-outgoing', { flow: nameOf(flow) })));
      }
    }
    return problems;
  },
};

export const scopeStarts: Rule = {
  name: 'scope-starts',
  description: 'Processes have a start event; subprocesses one none start event; event subprocesses one triggered start.',
  check(_definitions, ctx: RuleContext) {
    const problems: Problem[] = [];
    for (const process of ctx.processes) {
      const starts = startEvents(process);
      if (starts.length === 0) problems.push(problem(process, text('bpmn.no-start-event')));
      if (starts.filter((s) => eventDefinitions(s).length === 0).length > 1) problems.push(problem(process, text('bpmn.several-none-starts')));
      for (const { node, scope } of flowElements(process)) {
        if (!is(node, 'bpmn:SubProcess')) continue;
        const subStarts = startEvents(node);
        if (node.triggeredByEvent) {
          if (subStarts.length !== 1) problems.push(problem(node, text('bpmn.event-sub-starts', { count: subStarts.length })));
          if (incomingFlows(node, scope).length + outgoingFlows(node, scope).length > 0) problems.push(problem(node, text('bpmn.event-sub-flows')));
        } else if (!is(node, 'bpmn:AdHocSubProcess')) {
          if (subStarts.length !== 1) problems.push(problem(node, text('bpmn.sub-starts', { count: subStarts.length })));
        }
      }
    }
    return problems;
  },
};

function startEvents(scope: Node): Node[] {
  return ((scope.flowElements ?? []) as Node[]).filter((n) => is(n, 'bpmn:StartEvent'));
}
