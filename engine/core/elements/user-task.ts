/**
 * userTask (zeebe:userTask): evaluates assignment, schedule and priority, then waits for
 * task.complete. The task.open effect carries no variables; adapters read them from the state.
 */
import type { Behaviour } from './behaviour.js';
import type { Runtime } from '../runtime.js';
import { ExpressionFailure } from '../runtime.js';
import type { UserTaskSpec } from '../effects.js';
import { dateProblem, parseInstant } from '../timers.js';
import { addWorkingDays } from '../../calendar/working-days.mjs';
import { zonedIso } from '../../expressions/time-zone.js';
import { PLAIN_CALENDAR } from '../../expressions/feel.js';

/**
 * What a pack's role lookup (packs/roles.ts) leaves in place of a run-time value that is neither a
 * role key of the map nor one of its groups. No group name can start with `!`, so it can never
 * route a task; the task waits as an unmapped-role incident naming the value instead — a pack once
 * routed tasks to any local group through a FEEL value the lookup passed through unchanged.
 */
export const UNMAPPED_ROLE = '!unmapped-role:';

export const userTask: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const ut = def.userTask ?? {};
    const task: UserTaskSpec = {
      elementId: def.id,
      name: def.name,
      candidateGroups: mappedGroups(toList(rt.evalExpr(ut.candidateGroups, key), def.id, 'candidateGroups'), def.id),
      candidateUsers: toList(rt.evalExpr(ut.candidateUsers, key), def.id, 'candidateUsers'),
      priority: toPriority(rt.evalExpr(ut.priority, key), def.id),
    };
    const assignee = rt.evalExpr(ut.assignee, key);
    if (assignee !== undefined && assignee !== null && assignee !== '') task.assignee = String(assignee);
    const due = ut.dueDate ? toDate(rt, ut.dueDate, key, def.id, 'dueDate') : serviceStandard(rt, ut.extra?.slaWorkingDays, def.id);
    if (due) {
      task.dueDate = due.at;
      if (due.by) {
        task.dueBy = due.by;
        inst.d = { ...due.by, at: due.at };
      }
    }
    const followUp = toDate(rt, ut.followUpDate, key, def.id, 'followUpDate');
    if (followUp) task.followUpDate = followUp.at;
    if (ut.formId) task.formId = ut.formId;
    // An assignment that names somebody in the model but evaluates to nobody (e.g. a variable the
    // case never got) would leave a task no inbox lists and no one can claim: it waits as an
    // incident instead, which the operator sees and resolves once the variable is set.
    const assigned = ut.assignee !== undefined || ut.candidateGroups !== undefined || ut.candidateUsers !== undefined;
    if (assigned && !task.assignee && task.candidateGroups.length === 0 && task.candidateUsers.length === 0) {
      throw new ExpressionFailure(`nobody can work ${def.id}: its assignee, candidate groups and candidate users all evaluated to nothing`, 'no-assignee', { element: def.id });
    }
    inst.s = 'waiting';
    inst.w = { k: 'task' };
    rt.emit({ type: 'task.open', key, task });
  },
};

function toList(value: unknown, id: string, what: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  // A list built from an unset variable holds null (`[penandatangan]`): null is nobody, never the group "null".
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined && item !== '').map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  throw new ExpressionFailure(`${what} of ${id} must be a list or a comma-separated string, got ${JSON.stringify(value)}`);
}

function mappedGroups(groups: string[], id: string): string[] {
  const unmapped = groups.filter((g) => g.startsWith(UNMAPPED_ROLE)).map((g) => g.slice(UNMAPPED_ROLE.length));
  if (unmapped.length === 0) return groups;
  throw new ExpressionFailure(`candidateGroups of ${id}: ${unmapped.map((v) => JSON.stringify(v)).join(', ')} is neither a role of the pack nor a group of the tenant's role map`, 'unmapped-role', { element: id, values: unmapped.map((v) => JSON.stringify(v)).join(', ') });
}

function toPriority(value: unknown, id: string): number {
  if (value === undefined || value === null || value === '') return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new ExpressionFailure(`priority of ${id} must be an integer 0..100, got ${JSON.stringify(value)}`);
  return n;
}

type Due = { at: string; by?: { from: string; n: number } };

function toDate(rt: Runtime, expr: Parameters<Runtime['evalExpr']>[0], key: number, id: string, what: string): Due | undefined {
  if (!expr) return undefined;
  const result = 'feel' in expr ? rt.evalFeelResult(expr.feel, key) : { value: expr.value, plannedBy: undefined };
  const value = result.value;
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  // The same reason the deployment rule gives for a literal (engine/bpmn/rules/tasks.ts).
  const problem = dateProblem(text);
  if (problem) throw new ExpressionFailure(`${what} of ${id}: ${problem}`);
  const at = new Date(parseInstant(text)!).toISOString();
  return result.plannedBy ? { at, by: result.plannedBy } : { at };
}

/**
 * `<alur:sla workingDays="N"/>` on a task without a due date: due N working days after it opens,
 * at the same local time, by the tenant's calendar (API.md, "Working days and deadlines").
 */
function serviceStandard(rt: Runtime, workingDays: string | undefined, id: string): Due | undefined {
  if (workingDays === undefined) return undefined;
  const n = Number(workingDays);
  if (!Number.isInteger(n) || n < 0) throw new ExpressionFailure(`alur:sla workingDays of ${id} must be a whole number of days, got ${JSON.stringify(workingDays)}`);
  const calendar = rt.calendar ?? PLAIN_CALENDAR;
  const from = zonedIso(rt.now, calendar.zone ?? 'UTC');
  const at = new Date(parseInstant(addWorkingDays(calendar, from, n))!).toISOString();
  return { at, by: { from, n } };
}
