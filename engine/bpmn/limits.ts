/**
 * Size limits of a deployed model (README, "Budgets"): elements per process and sequence flows
 * into or out of one element. A model over them is refused before the validation rules and the
 * compiler walk it, so a hostile file costs its parse and no more. Browser-safe.
 */
import { text } from '../messages/index.js';
import { sentence, type Problem } from './problems.js';
import { flowElements, type Node } from './rules/util.js';

export interface ModelLimits {
  /** Flow elements (sequence flows included) of one process, its subprocesses included. */
  maxElements?: number;
  /** Incoming or outgoing sequence flows of one element. */
  maxFlowsPerElement?: number;
}

export function limitProblems(processes: Node[], limits: ModelLimits | undefined): Problem[] {
  if (!limits) return [];
  const problems: Problem[] = [];
  for (const process of processes) {
    const elements = flowElements(process);
    if (limits.maxElements !== undefined && elements.length > limits.maxElements) {
      problems.push(sentence(text('budget.too-many-elements', { process: process.id, count: elements.length, max: limits.maxElements }), { element: process.id }));
      continue;
    }
    const max = limits.maxFlowsPerElement;
    if (max === undefined) continue;
    // By the flows' own source and target: <bpmn:incoming>/<bpmn:outgoing> children are optional.
    const outgoing = new Map<string, number>();
    const incoming = new Map<string, number>();
    for (const { node } of elements) {
      if (node.$type !== 'bpmn:SequenceFlow') continue;
      const source = (node.sourceRef as Node | undefined)?.id;
      const target = (node.targetRef as Node | undefined)?.id;
      if (source) outgoing.set(source, (outgoing.get(source) ?? 0) + 1);
      if (target) incoming.set(target, (incoming.get(target) ?? 0) + 1);
    }
    for (const { node } of elements) {
      if (!node.id) continue;
      const out = outgoing.get(node.id) ?? 0;
      const into = incoming.get(node.id) ?? 0;
      if (out > max) problems.push(sentence(text('budget.too-many-outgoing', { element: node.id, count: out, max }), { element: node.id }));
      if (into > max) problems.push(sentence(text('budget.too-many-incoming', { element: node.id, count: into, max }), { element: node.id }));
    }
  }
  return problems;
}
