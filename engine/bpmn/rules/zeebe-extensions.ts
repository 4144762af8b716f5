/**
 * Camunda 8 extensions Alur does not run. Those that change behaviour (listeners, agents, version
 * bindings) are deployment errors; those that are only hints (job priority, linked resources,
 * start forms other than the process's none start's, conditional filters) deploy with a warning
 * that they are ignored.
 */
import { allFlowElements, extension, is, problem, type Node, type Problem, type Rule, type RuleContext } from './util.js';
import { isProcessNoneStart } from './starting.js';

const UNSUPPORTED: [string, string][] = [
  ['zeebe:ExecutionListeners', 'execution listeners (zeebe:executionListeners) are not supported'],
  ['zeebe:TaskListeners', 'task listeners (zeebe:taskListeners) are not supported'],
  ['zeebe:AgentDefinition', 'AI agent tasks (zeebe:agentDefinition) are not supported'],
  ['zeebe:UserTaskForm', 'embedded forms (zeebe:userTaskForm) are not supported; deploy a form-js form and use zeebe:formDefinition formId'],
];

const IGNORED: [string, string][] = [
  ['zeebe:JobPriorityDefinition', 'job priority (zeebe:jobPriorityDefinition) is ignored'],
  ['zeebe:LinkedResources', 'linked resources (zeebe:linkedResources) are ignored'],
];

export const unsupportedZeebeExtensions: Rule = {
  name: 'unsupported-zeebe-extensions',
  description: 'Camunda 8 extensions that change behaviour and that Alur does not run.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const node of owners(ctx)) {
      for (const [type, message] of UNSUPPORTED) if (extension(node, type)) problems.push(problem(node, message));
      const called = extension(node, 'zeebe:CalledElement');
      if (called?.bindingType && called.bindingType !== 'latest') problems.push(problem(node, `calledElement bindingType "${called.bindingType}" is not supported; Alur calls the latest version`));
      const form = is(node, 'bpmn:UserTask') || isProcessNoneStart(node) ? extension(node, 'zeebe:FormDefinition') : undefined;
      if (form?.bindingType && form.bindingType !== 'latest') problems.push(problem(node, `formDefinition bindingType "${form.bindingType}" is not supported; ${is(node, 'bpmn:UserTask') ? 'a task uses the newest form version when it opens' : 'a start uses the newest form version'}`));
    }
    return problems;
  },
};

export const ignoredZeebeExtensions: Rule = {
  name: 'ignored-zeebe-extensions',
  description: 'Camunda 8 hints that Alur ignores.',
  severity: 'warning',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const node of owners(ctx)) {
      for (const [type, message] of IGNORED) if (extension(node, type)) problems.push(problem(node, message));
      if (is(node, 'bpmn:StartEvent') && !isProcessNoneStart(node) && extension(node, 'zeebe:FormDefinition')) problems.push(problem(node, 'a start form is used only on the process\'s none start event; this one is ignored'));
      for (const def of (node.eventDefinitions ?? []) as Node[]) {
        if (extension(def, 'zeebe:ConditionalFilter')) problems.push(problem(node, 'conditional filters (zeebe:conditionalFilter) are ignored'));
      }
    }
    return problems;
  },
};

function owners(ctx: RuleContext): Node[] {
  return [...ctx.processes, ...allFlowElements(ctx).map((e) => e.node)];
}
