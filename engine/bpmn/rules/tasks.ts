/**
 * Task rules: what each task type needs to run — a job type, a script, a message, a sensible
 * user-task assignment — and consistent multi-instance and io-mapping settings.
 */
import { dateReason } from '../../core/timers.js';
import { timerReasonText } from './timer-values.js';
import { allFlowElements, attributeName, eventDefinitions, extension, feelOf, is, localType, problem, type Node, type Problem, type Rule, type RuleContext } from './util.js';
import { text } from '../../messages/index.js';

export const taskImplementation: Rule = {
  name: 'task-implementation',
  description: 'Service, business-rule, script, send and receive tasks must say how they run.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      const type = localType(node);
      const job = extension(node, 'zeebe:TaskDefinition');
      if (job && (job.type === undefined || String(job.type).trim() === '')) problems.push(problem(node, text('bpmn.task-type-empty')));
      if ((type === 'serviceTask' || type === 'businessRuleTask') && !job) {
        if (!extension(node, 'zeebe:CalledDecision')) problems.push(problem(node, text('bpmn.task-type-missing')));
      }
      if (type === 'scriptTask') problems.push(...scriptTask(node, ctx));
      if (type === 'sendTask' && !job && !node.messageRef) problems.push(problem(node, text('bpmn.send-task-nothing')));
      if (type === 'receiveTask' && !node.messageRef) problems.push(problem(node, text('bpmn.receive-task-no-message')));
      if (type === 'intermediateThrowEvent' || type === 'endEvent') {
        const def = eventDefinitions(node)[0];
        if (def?.$type === 'bpmn:MessageEventDefinition' && !job && !def.messageRef) problems.push(problem(node, text('bpmn.message-throw-nothing')));
      }
      if (job) {
        const retries = job.retries === undefined ? undefined : String(job.retries).trim();
        if (retries !== undefined && feelOf(retries) === undefined && !/^\d+$/.test(retries)) problems.push(problem(node, text('bpmn.retries', { value: retries })));
      }
    }
    return problems;
  },
};

function scriptTask(node: Node, ctx: RuleContext): Problem[] {
  const script = extension(node, 'zeebe:Script');
  if (script) {
    const problems: Problem[] = [];
    if (!script.expression) problems.push(problem(node, text('bpmn.script-no-expression')));
    if (!script.resultVariable) problems.push(problem(node, text('bpmn.script-no-result')));
    return problems;
  }
  if (extension(node, 'zeebe:TaskDefinition')) return [];
  if (ctx.scriptJobType !== undefined) {
    return typeof node.script === 'string' && node.script.trim() !== '' ? [] : [problem(node, text('bpmn.script-empty'))];
  }
  return [problem(node, text('bpmn.script-missing'))];
}

export const userTaskAssignment: Rule = {
  name: 'user-task-assignment',
  description: 'Literal candidate groups/users are comma-separated names; literal dates are ones the core reads (ISO 8601); priority is 0–100.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:UserTask')) continue;
      const assignment = extension(node, 'zeebe:AssignmentDefinition');
      for (const key of ['candidateGroups', 'candidateUsers'] as const) {
        const value = assignment?.[key] as string | undefined;
        if (value === undefined || feelOf(value) !== undefined) continue;
        const names = value.split(',').map((n) => n.trim());
        if (names.some((n) => n === '')) problems.push(problem(node, text('bpmn.assignment-empty-name', { key: attributeName('zeebe:AssignmentDefinition', key), value })));
      }
      const assignee = assignment?.assignee as string | undefined;
      if (assignee !== undefined && assignee.trim() === '') problems.push(problem(node, text('bpmn.assignee-empty')));
      const schedule = extension(node, 'zeebe:TaskSchedule');
      for (const key of ['dueDate', 'followUpDate'] as const) {
        const value = schedule?.[key] as string | undefined;
        // Blank is no date to the mapper and the core (optionalExpr), so there is nothing to refuse.
        if (value === undefined || value.trim() === '' || feelOf(value) !== undefined) continue;
        // The core's own reader judges the literal, so it deploys exactly when the task can open with it.
        const why = dateReason(value);
        if (why) problems.push(problem(node, text('bpmn.task-date', { key: attributeName('zeebe:TaskSchedule', key), reason: timerReasonText(why) })));
      }
      const priority = extension(node, 'zeebe:PriorityDefinition')?.priority;
      if (priority !== undefined && feelOf(String(priority)) === undefined) {
        const n = Number(priority);
        if (!Number.isInteger(n) || n < 0 || n > 100) problems.push(problem(node, text('bpmn.priority', { value: String(priority) })));
      }
    }
    return problems;
  },
};

export const loopSettings: Rule = {
  name: 'loop-settings',
  description: 'Multi-instance needs a collection or cardinality; input/output element and collection come in pairs.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      const loop = node.loopCharacteristics as Node | undefined;
      if (!loop || loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') continue;
      const mi = extension(loop, 'zeebe:LoopCharacteristics');
      if (!mi?.inputCollection && !loop.loopCardinality) problems.push(problem(node, text('bpmn.multi-instance-collection')));
      if (mi?.inputElement && !mi.inputCollection) problems.push(problem(node, text('bpmn.input-element-alone')));
      if (!!mi?.outputCollection !== !!mi?.outputElement) problems.push(problem(node, text('bpmn.output-pair')));
    }
    return problems;
  },
};

export const ioMappings: Rule = {
  name: 'io-mappings',
  description: 'Every input/output mapping names a target variable.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      const io = extension(node, 'zeebe:IoMapping');
      for (const p of [...((io?.inputParameters ?? []) as Node[]), ...((io?.outputParameters ?? []) as Node[])]) {
        if (!p.target || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(p.target)) problems.push(problem(node, text('bpmn.mapping-target', { target: p.target ?? '' })));
      }
    }
    return problems;
  },
};
