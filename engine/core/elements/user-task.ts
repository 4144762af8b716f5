/**
 * userTask (zeebe:userTask): evaluates assignment, schedule and priority, then waits for
 * task.complete. The task.open effect carries no variables; adapters read them from the state.
 */
import type { Behaviour } from './behaviour.js';
import type { Runtime } from '../runtime.js';
import { ExpressionFailure } from '../runtime.js';
import type { UserTaskSpec } from '../effects.js';
import { dateProblem, parseInstant } from '../timers.js';

export const userTask: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const ut = def.userTask ?? {};
    const task: UserTaskSpec = {
      elementId: def.id,
      name: def.name,
      candidateGroups: toList(rt.evalExpr(ut.candidateGroups, key), def.id, 'candidateGroups'),
      candidateUsers: toList(rt.evalExpr(ut.candidateUsers, key), def.id, 'candidateUsers'),
      priority: toPriority(rt.evalExpr(ut.priority, key), def.id),
    };
    const assignee = rt.evalExpr(ut.assignee, key);
    if (assignee !== undefined && assignee !== null && assignee !== '') task.assignee = String(assignee);
    const due = toDate(rt, ut.dueDate, key, def.id, 'dueDate');
    if (due) task.dueDate = due;
    const followUp = toDate(rt, ut.followUpDate, key, def.id, 'followUpDate');
    if (followUp) task.followUpDate = followUp;
    if (ut.formId) task.formId = ut.formId;
    inst.s = 'waiting';
    inst.w = { k: 'task' };
    rt.emit({ type: 'task.open', key, task });
  },
};

function toList(value: unknown, id: string, what: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  throw new ExpressionFailure(`${what} of ${id} must be a list or a comma-separated string, got ${JSON.stringify(value)}`);
}

function toPriority(value: unknown, id: string): number {
  if (value === undefined || value === null || value === '') return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100) throw new ExpressionFailure(`priority of ${id} must be an integer 0..100, got ${JSON.stringify(value)}`);
  return n;
}

function toDate(rt: Runtime, expr: Parameters<Runtime['evalExpr']>[0], key: number, id: string, what: string): string | undefined {
  const value = rt.evalExpr(expr, key);
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  // The same reason the deployment rule gives for a literal (engine/bpmn/rules/tasks.ts).
  const problem = dateProblem(text);
  if (problem) throw new ExpressionFailure(`${what} of ${id}: ${problem}`);
  return new Date(parseInstant(text)!).toISOString();
}
