/**
 * A call activity must name a process that exists: in the same file or among the processes the
 * caller says are deployable (knownProcesses). FEEL process ids are checked at run time.
 */
import { allFlowElements, extension, feelOf, is, problem, type Problem, type Rule } from './util.js';

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
        problems.push(problem(node, 'call activity names no process (zeebe:calledElement processId)'));
      } else if (feelOf(processId) === undefined && !inFile.has(processId) && !ctx.knownProcesses.includes(processId)) {
        problems.push(problem(node, `called process "${processId}" is neither in this file nor deployed`));
      }
    }
    return problems;
  },
};
