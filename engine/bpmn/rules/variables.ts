/**
 * `<alur:variables strict="true"/>` (issue 16): a person may set only what a form declares. It
 * sits once in the process's extension elements; on an element it would be silently ignored, so
 * that is an error. A strict process's user task without a form can then be completed with no
 * variables at all — legitimate (a plain "done"), but worth a warning. Browser-safe: the designer's
 * lint runs these same rules.
 */
import { allFlowElements, extension, extensions, is, problem, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

export const strictVariables: Rule = {
  name: 'strict-variables',
  description: 'alur:variables appears at most once, on the process.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const process of ctx.processes) {
      if (extensions(process, 'alur:Variables').length > 1) problems.push(problem(process, text('bpmn.variables-twice')));
    }
    for (const { node } of allFlowElements(ctx)) {
      if (extension(node, 'alur:Variables')) problems.push(problem(node, text('bpmn.variables-placement')));
    }
    return problems;
  },
};

export const strictFormlessTasks: Rule = {
  name: 'strict-formless-tasks',
  description: 'In a process with alur:variables strict="true", a user task without a form takes no variables.',
  severity: 'warning',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, process } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:UserTask') || extension(process, 'alur:Variables')?.strict !== true) continue;
      const form = extension(node, 'zeebe:FormDefinition');
      if (!form?.formId && !form?.formKey) problems.push(problem(node, text('bpmn.strict-no-form')));
    }
    return problems;
  },
};
