/**
 * Camunda 8 extensions Alur does not run. Those that change behaviour (listeners, agents, version
 * bindings) are deployment errors; those that are only hints (job priority, linked resources,
 * start forms other than the process's none start's, conditional filters) deploy with a warning
 * that they are ignored.
 */
import { allFlowElements, extension, is, problem, type Node, type Problem, type Rule, type RuleContext } from './util.js';
import { isProcessNoneStart } from './starting.js';
import { text, type Text } from '../../messages/index.js';

const UNSUPPORTED: [string, Text][] = [
  ['zeebe:ExecutionListeners', text('bpmn.execution-listeners')],
  ['zeebe:TaskListeners', text('bpmn.task-listeners')],
  ['zeebe:AgentDefinition', text('bpmn.agent')],
  ['zeebe:UserTaskForm', text('bpmn.embedded-form')],
];

const IGNORED: [string, Text][] = [
  ['zeebe:JobPriorityDefinition', text('bpmn.job-priority-ignored')],
  ['zeebe:LinkedResources', text('bpmn.linked-resources-ignored')],
];

export const unsupportedZeebeExtensions: Rule = {
  name: 'unsupported-zeebe-extensions',
  description: 'Camunda 8 extensions that change behaviour and that Alur does not run.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const node of owners(ctx)) {
      for (const [type, message] of UNSUPPORTED) if (extension(node, type)) problems.push(problem(node, message));
      const called = extension(node, 'zeebe:CalledElement');
      if (called?.bindingType && called.bindingType !== 'latest') problems.push(problem(node, text('bpmn.called-binding', { binding: String(called.bindingType) })));
      const form = is(node, 'bpmn:UserTask') || isProcessNoneStart(node) ? extension(node, 'zeebe:FormDefinition') : undefined;
      if (form?.bindingType && form.bindingType !== 'latest') problems.push(problem(node, text(is(node, 'bpmn:UserTask') ? 'bpmn.task-form-binding' : 'bpmn.start-form-binding', { binding: String(form.bindingType) })));
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
      if (is(node, 'bpmn:StartEvent') && !isProcessNoneStart(node) && extension(node, 'zeebe:FormDefinition')) problems.push(problem(node, text('bpmn.start-form-ignored')));
      for (const def of (node.eventDefinitions ?? []) as Node[]) {
        if (extension(def, 'zeebe:ConditionalFilter')) problems.push(problem(node, text('bpmn.conditional-filter-ignored')));
      }
    }
    return problems;
  },
};

function owners(ctx: RuleContext): Node[] {
  return [...ctx.processes, ...allFlowElements(ctx).map((e) => e.node)];
}
