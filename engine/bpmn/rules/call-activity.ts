/**
 * A call activity must name a process that exists: in the same file or among the processes the
 * caller says are deployable (knownProcesses). FEEL process ids are checked at run time.
 *
 * A process that calls itself — directly, or through other processes of the same file, by literal
 * ids — starts a new child on every start until the host gives up: one start answered 500 after
 * 3.4 s. It is refused here, naming the call activity; a FEEL id that turns out to recurse meets
 * the call-depth budget at run time (ALUR_MAX_CALL_DEPTH).
 */
import { text } from '../../messages/index.js';
import { sentence } from '../problems.js';
import { allFlowElements, extension, feelOf, is, problem, type Node, type Problem, type Rule } from './util.js';

/** The literal process id a call activity names, if it names one. */
function literalCallee(node: Node): string | undefined {
  const processId: string | undefined = extension(node, 'zeebe:CalledElement')?.processId ?? node.calledElement;
  return processId && processId.trim() !== '' && feelOf(processId) === undefined ? processId : undefined;
}

export const calledProcess: Rule = {
  name: 'called-process',
  description: 'A call activity calls a process that is in the file or already deployed.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    // Only processes deployed with this file count: a non-executable one is never deployed.
    const inFile = new Set(ctx.processes.map((p) => p.id as string));
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:CallActivity')) continue;
      const called = extension(node, 'zeebe:CalledElement');
      const processId: string | undefined = called?.processId ?? node.calledElement;
      if (!processId || processId.trim() === '') {
        problems.push(problem(node, text('bpmn.call-no-process')));
      } else if (feelOf(processId) === undefined && !inFile.has(processId) && !ctx.knownProcesses.includes(processId)) {
        problems.push(problem(node, text('bpmn.call-unknown-process', { process: processId })));
      }
    }
    return [...problems, ...selfCalls(allFlowElements(ctx))];
  },
};

/** Call activities whose literal callee leads back to their own process through this file's literal calls. */
function selfCalls(elements: { node: Node; process: Node }[]): Problem[] {
  const calls = new Map<string, Set<string>>();
  for (const { node, process } of elements) {
    const callee = is(node, 'bpmn:CallActivity') ? literalCallee(node) : undefined;
    if (!callee) continue;
    const id = process.id as string;
    (calls.get(id) ?? calls.set(id, new Set()).get(id)!).add(callee);
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (p === to) return true;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(calls.get(p) ?? []));
    }
    return false;
  };
  const problems: Problem[] = [];
  for (const { node, process } of elements) {
    const callee = is(node, 'bpmn:CallActivity') ? literalCallee(node) : undefined;
    const id = process.id as string;
    if (!callee || !reaches(callee, id)) continue;
    const element = node.id as string;
    problems.push(sentence(callee === id ? text('budget.calls-itself', { element, process: id }) : text('budget.calls-back', { element, process: id, callee }), { element }));
  }
  return problems;
}
