/**
 * Service standards in working days (API.md, "Working days and deadlines"): `alur:sla
 * workingDays` is a whole number of days on a user task or on the process, and a user task's own
 * `zeebe:taskSchedule dueDate` takes precedence over it (a warning says so). Browser-safe: the
 * designer's lint runs these same rules.
 */
import { allFlowElements, extension, extensions, is, problem, type Node, type Problem, type Rule } from './util.js';
import { text, type Text } from '../../messages/index.js';

/** A century of working days: anything longer is a typo, not a service standard. */
export const MAX_WORKING_DAYS = 36_500;

function workingDaysProblem(value: unknown): Text | undefined {
  const written = typeof value === 'string' ? value.trim() : '';
  if (written === '') return text('bpmn.sla-no-working-days');
  if (!/^\d+$/.test(written) || Number(written) > MAX_WORKING_DAYS) return text('bpmn.sla-working-days', { value: JSON.stringify(value) });
  return undefined;
}

export const serviceStandard: Rule = {
  name: 'service-standard',
  description: 'alur:sla workingDays is a whole number of working days, once, on a user task or the process.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    const check = (node: Node) => {
      const slas = extensions(node, 'alur:Sla');
      if (slas.length > 1) problems.push(problem(node, text('bpmn.sla-twice')));
      const message = slas.length > 0 ? workingDaysProblem(slas[0].workingDays) : undefined;
      if (message) problems.push(problem(node, message));
    };
    for (const process of ctx.processes) check(process);
    for (const { node } of allFlowElements(ctx)) {
      if (!extension(node, 'alur:Sla')) continue;
      if (is(node, 'bpmn:UserTask')) check(node);
      else problems.push(problem(node, text('bpmn.sla-placement')));
    }
    return problems;
  },
};

export const serviceStandardDueDate: Rule = {
  name: 'service-standard-due-date',
  description: 'A user task with both alur:sla and a due date keeps its due date.',
  severity: 'warning',
  check(_definitions, ctx) {
    return allFlowElements(ctx)
      .filter(({ node }) => is(node, 'bpmn:UserTask') && extension(node, 'alur:Sla') && extension(node, 'zeebe:TaskSchedule')?.dueDate)
      .map(({ node }) => problem(node, text('bpmn.sla-and-due-date')));
  },
};
