/**
 * Message flows connect two different pools; an event at either end must be able to send
 * (throw events with a message definition) or receive (catch events with a message definition).
 */
import { describe, eventDefinitions, is, nameOf, problem, type Node, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

export const messageFlows: Rule = {
  name: 'message-flows',
  description: 'Message flows connect different pools, from elements that send to elements that receive.',
  check(definitions) {
    const problems: Problem[] = [];
    for (const collaboration of ((definitions.rootElements ?? []) as Node[]).filter((e) => is(e, 'bpmn:Collaboration'))) {
      const participants = (collaboration.participants ?? []) as Node[];
      for (const flow of (collaboration.messageFlows ?? []) as Node[]) {
        const source: Node | undefined = flow.sourceRef;
        const target: Node | undefined = flow.targetRef;
        if (!source || !target) continue;
        const from = poolOf(source, participants);
        const to = poolOf(target, participants);
        if (from && from === to) problems.push(problem(flow, text('bpmn.message-flow-same-pool', { pool: nameOf(from) })));
        if (is(source, 'bpmn:Event') && !(is(source, 'bpmn:ThrowEvent') && hasMessage(source))) problems.push(problem(flow, text('bpmn.message-flow-source', { element: describe(source) })));
        if (is(target, 'bpmn:Event') && !(is(target, 'bpmn:CatchEvent') && hasMessage(target))) problems.push(problem(flow, text('bpmn.message-flow-target', { element: describe(target) })));
      }
    }
    return problems;
  },
};

function hasMessage(event: Node): boolean {
  return eventDefinitions(event).some((d) => d.$type === 'bpmn:MessageEventDefinition');
}

/** The participant an element belongs to: itself, or the pool whose process contains it. */
function poolOf(node: Node, participants: Node[]): Node | undefined {
  if (is(node, 'bpmn:Participant')) return node;
  let process: Node | undefined = node;
  while (process && !is(process, 'bpmn:Process')) process = process.$parent;
  return process ? participants.find((p) => p.processRef === process) : undefined;
}
