/**
 * Commands on user tasks: claim, unclaim and assign (who holds the task, with its history entry
 * in the same statement) and complete (values checked against the task's form, then one step of
 * the instance). Who may see a task at all: visibility.ts.
 */
import type { Variables } from '../core/index.js';
import { visibleVariables } from '../core/index.js';
import { formOfTask } from '../store/definitions.js';
import { isCandidate, type TaskRow } from '../store/tasks.js';
import { findUserByUsername } from '../store/users.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { RowOp } from '../store/row-ops.js';
import { taskName, visibleTask } from './visibility.js';
import type { CommandRunner } from './context.js';
import { runInput } from './instance-steps.js';
import { type Actor, tenantOf, hasRole } from './actor.js';
import { Conflict, Forbidden, InvalidInput } from './errors.js';
import { checkFormValues } from './forms.js';
import { refuseUndeclared } from './starting.js';
import { documentRefs, planAttachments } from './attachments.js';
import { entry, text } from '../messages/index.js';

/** The caller takes an open task offered to them (a candidate, or an admin). */
export async function claim(engine: CommandRunner, actor: Actor, id: string): Promise<TaskRow> {
  return reassign(engine, 'claim', actor, id, (task) => {
    mustBeOpen(task);
    if (task.assignee === actor.username) return undefined;
    if (task.assignee) throw new Conflict(text('task.already-claimed', { task: taskName(task), user: task.assignee }));
    if (!isCandidate(task, actor.username, actor.groups) && !hasRole(actor, 'admin')) throw new Forbidden(text('task.not-candidate', { task: taskName(task) }));
    return { assignee: actor.username, history: 'task.claimed' };
  });
}

/** The assignee (or an admin) gives the task back to its candidates. */
export async function unclaim(engine: CommandRunner, actor: Actor, id: string): Promise<TaskRow> {
  return reassign(engine, 'unclaim', actor, id, (task) => {
    mustBeOpen(task);
    if (!task.assignee) return undefined;
    if (task.assignee !== actor.username && !hasRole(actor, 'admin')) throw new Forbidden(text('task.unclaim-not-yours', { user: task.assignee, task: taskName(task) }));
    return { assignee: null, history: 'task.unclaimed' };
  });
}

/** An admin or the current assignee hands the task to someone of the tenant (or to nobody). */
export async function assign(engine: CommandRunner, actor: Actor, id: string, assignee: string | null): Promise<TaskRow> {
  return reassign(engine, 'assign', actor, id, async (task, db) => {
    if (!hasRole(actor, 'admin') && task.assignee !== actor.username) throw new Forbidden(text('task.assign-not-allowed'));
    mustBeOpen(task);
    if (assignee === null) return { assignee, history: 'task.assigned' };
    // Names match whatever their case; the task holds the name as the user spells it.
    const user = await findUserByUsername(db, assignee);
    if (!user || user.tenant_id !== task.tenant_id || user.disabled) throw new InvalidInput(text('task.assignee-unknown', { user: assignee }), [entry({ path: 'assignee' }, text('task.assignee-unknown', { user: assignee }))]);
    return { assignee: user.username, history: 'task.assigned' };
  });
}

/**
 * Changes who holds an open task, with its history entry (`task.claimed`, `task.unclaimed`,
 * `task.assigned`: who did it, the task's element, `{ taskId, assignee, previousAssignee }`) in the
 * same statement. `decide` returns the new assignee, or undefined when nothing changes; a
 * task that changed meanwhile is read again (locked) and decided again.
 */
async function reassign(engine: CommandRunner, command: string, actor: Actor, id: string, decide: (task: TaskRow, db: UnitOfWork['db']) => Promise<{ assignee: string | null; history: string } | undefined> | { assignee: string | null; history: string } | undefined): Promise<TaskRow> {
  const tenant = tenantOf(actor);
  return engine.run(command, async ({ uow }) => {
    const task = visibleTask(actor, id, await uow.taskForAssignment(tenant, id));
    const change = await decide(task, uow.db);
    if (!change || change.assignee === task.assignee) return task;
    const ops: RowOp[] = [
      { type: 'task.assign', taskId: task.id, instanceId: task.instance_id, key: task.key, expected: task.assignee, assignee: change.assignee },
      { type: 'history.insert', rows: [{ tenant_id: task.tenant_id, instance_id: task.instance_id, at: uow.now, type: change.history, element_id: task.element_id, username: actor.username, data: { taskId: task.id, assignee: change.assignee, previousAssignee: task.assignee } }] },
    ];
    await uow.write(ops);
    return { ...task, assignee: change.assignee };
  }, { oneStatement: true });
}

/**
 * Completes a task: the assignee (or a candidate of an unassigned task, which claims it),
 * with values checked against the task's form. A task no longer open is recorded in the
 * history as ignored and answers Conflict; nothing else changes.
 */
export async function completeTask(engine: CommandRunner, actor: Actor, id: string, variables: Variables): Promise<TaskRow> {
  let name = id;
  const outcome = await engine.run('completeTask', async (cx) => {
    const { uow } = cx;
    const found = await uow.taskWithInstance(tenantOf(actor), id);
    const task = visibleTask(actor, id, found?.task);
    name = taskName(task);
    if (task.assignee ? task.assignee !== actor.username : !isCandidate(task, actor.username, actor.groups)) {
      throw new Forbidden(task.assignee ? text('task.already-claimed', { task: taskName(task), user: task.assignee }) : text('task.not-candidate', { task: taskName(task) }));
    }
    const inst = found!.instance;
    if (task.state !== 'open') {
      const reason = `task ${task.element_id} is not open (instance ${task.instance_id})`;
      await uow.write([{ type: 'history.insert', rows: [{ tenant_id: task.tenant_id, instance_id: task.instance_id, at: uow.now, type: 'input.ignored', element_id: task.element_id, username: actor.username, data: { input: 'task.complete', reason, code: 'task-closed', params: { task: taskName(task) } } }] }]);
      return { ignored: reason, closed: undefined as TaskRow | undefined };
    }
    let values = variables;
    let attach: RowOp[] = [];
    // A form refuses keys no field owns; without one, a strict process (alur:variables) takes none.
    if (!task.form_id && Object.keys(variables ?? {}).length && (await cx.deps.models.get(uow.db, inst.definition_id)).strictVariables) {
      refuseUndeclared(variables, (names) => text('task.strict-no-form', { task: taskName(task), names }));
    }
    if (task.form_id) {
      const form = await formOfTask(uow.db, task);
      if (!form) throw new Conflict(text('task.form-not-deployed', { task: taskName(task) }));
      const check = checkFormValues(form.schema, variables, visibleVariables(inst.snapshot, task.key), uow.now, cx.deps.feel);
      if (!check.ok) throw new InvalidInput(text('task.values-invalid', { task: taskName(task) }), check.errors);
      values = check.values;
      attach = await planAttachments(uow.db, actor, task.tenant_id, task.instance_id, task.id, documentRefs(form.schema, values), uow.now);
    }
    // Read without a lock, the instance's save asserts the version read: a completion that won the
    // race meanwhile fails that check and this one runs again locked, where the core ignores it
    // (the key no longer waits) and it answers Conflict. Completing an unassigned task claims it in
    // the same write (task.close); if someone else claimed it meanwhile, that write's check fails
    // and the rerun refuses (assigned to them).
    const result = await runInput(cx, task.instance_id, { type: 'task.complete', key: task.key, variables: values, user: actor.username }, { read: inst, with: attach });
    // The task.close operation wrote exactly this; answering from it saves a read per completion.
    const closed: TaskRow = { ...task, assignee: task.assignee ?? actor.username, state: 'completed', completed_at: uow.now, completed_by: actor.username };
    return { ignored: result.ignored, closed };
  }, { oneStatement: true });
  // The reason (the core's, in English) is in the history; the reader is told the task is no longer open.
  if (outcome.ignored || !outcome.closed) throw new Conflict(text('task.not-open', { task: name }));
  return outcome.closed;
}
function mustBeOpen(task: TaskRow): void {
  if (task.state !== 'open') throw new Conflict(text('task.not-open', { task: taskName(task) }));
}
