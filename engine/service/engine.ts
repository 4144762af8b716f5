/**
 * The engine's commands: everything that changes state goes through here. A command checks the
 * caller's tenant and role, reads what it needs through its unit of work
 * (engine/store/unit-of-work.ts), and writes row operations — a step's plan (plan.ts, through
 * instance-steps.ts) and its own (a claim, a finished job row) — which the unit of work applies
 * all or nothing: as one statement when they fit, else in a transaction. A command never asks
 * which of the two it runs in. Observers (metrics, runners) hear about every command.
 * The runner feeds job and timer outcomes through the same path.
 */
import type { Input, Variables } from '../core/index.js';
import { visibleVariables, checkModification, checkMigration } from '../core/index.js';
import { randomUUID } from 'node:crypto';
import { definitionVersion, findDefinition, findDefinitionById, type DefinitionRow } from '../store/definitions.js';
import { findInstance, type InstanceRow } from '../store/instances.js';
import { isCandidate, type TaskRow } from '../store/tasks.js';
import { mayWork, taskName, visibleTask } from './visibility.js';
import { formOfTask } from '../store/definitions.js';
import { findIncident, listIncidents, type IncidentFilter, type IncidentRow } from '../store/incidents.js';
import type { JobRow } from '../store/jobs.js';
import { claimDueTimer, lockTimer, type TimerRow } from '../store/timers.js';
import { findUserByUsername } from '../store/users.js';
import { runUnitOfWork, RowChanged, type UnitOfWork } from '../store/unit-of-work.js';
import type { RowOp } from '../store/row-ops.js';
import { minCycleMs, type CommandContext, type EngineDeps, type EngineObserver } from './context.js';
import { runInput, startNew, publishMessage, type StepOutcome } from './instance-steps.js';
import { deploy, type DeployResult, type UploadedFile } from './deploy.js';
import { insertAudit, type AuditRow } from '../store/audit.js';
import { nextRound } from './start-timers.js';
import { setDefinitionSuspended } from './suspension.js';
import { type Actor, tenantOf, requireRole, hasRole } from './actor.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from './errors.js';
import { checkFormValues } from './forms.js';
import { checkStart } from './starting.js';
import { documentRefs, planAttachments } from './attachments.js';
import { allOf, text } from '../messages/index.js';
import { LatestDefinitions } from './latest-definitions.js';
import { sharedBoundedEvaluator } from '../expressions/sandbox.js';

interface RunOptions {
  /** Try the work as one statement without a transaction first (see unit-of-work.ts). */
  oneStatement?: boolean;
}

export class Engine {
  private readonly latest = new LatestDefinitions();
  private readonly observers: EngineObserver[];

  readonly deps: EngineDeps;

  constructor(deps: EngineDeps) {
    // Every evaluation is bounded: an Engine given no evaluator gets the shared bounded one, never inline FEEL.
    this.deps = { ...deps, feel: deps.feel ?? sharedBoundedEvaluator() };
    this.observers = [...(deps.observers ?? [])];
  }

  /** Adds an observer (a runner that starts); returns the function that removes it. */
  observe(observer: EngineObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  /** Runs one command's work in its unit of work and tells the observers. */
  private async run<T>(command: string, work: (cx: CommandContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let applied: { value: T; uow: UnitOfWork };
    try {
      applied = await runUnitOfWork(this.deps.knex, () => this.deps.clock.now(), (uow) => work({ uow, deps: this.deps }), options);
    } catch (err) {
      const error = err instanceof RowChanged ? changedMeanwhile(err) : err;
      for (const o of this.observers) o.failed?.({ command, seconds: seconds(), error });
      throw error;
    }
    const { uow } = applied;
    const event = { command, seconds: seconds(), statements: uow.statements, inTransaction: !uow.canAssume, enqueued: uow.enqueued, scheduled: uow.scheduled };
    for (const o of this.observers) o.committed?.(event);
    return applied.value;
  }

  /**
   * Administration of people (service/people.ts) in one transaction with the instance rows it
   * touches: a deactivated user's open tasks return to their groups with their history entries.
   */
  async administer<T>(command: string, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return this.run(command, ({ uow }) => work(uow));
  }

  /**
   * Deploys `files`; `audit` (a pack import's entry) is written in the deployment's transaction, so
   * a deployment is never kept without its audit entry, nor an entry without its deployment.
   */
  async deploy(actor: Actor, files: UploadedFile[], audit: AuditRow[] = []): Promise<DeployResult> {
    requireRole(actor, text('action.deploy'), 'analyst', 'admin');
    const tenant = tenantOf(actor);
    const result = await this.run('deploy', async (cx) => {
      const deployed = await deploy(cx, tenant, actor.username, files);
      await insertAudit(cx.uow.db, audit);
      return deployed;
    });
    for (const p of result.processes) this.latest.forget(tenant, p.key);
    return result;
  }

  /** Suspends (`suspend`) or resumes a definition of the caller's tenant (analyst or admin): service/suspension.ts. */
  async setSuspended(actor: Actor, id: string, suspend: boolean): Promise<DefinitionRow> {
    const tenant = tenantOf(actor);
    requireRole(actor, text(suspend ? 'action.suspend-definition' : 'action.resume-definition'), 'analyst', 'admin');
    const def = await this.run(suspend ? 'suspendDefinition' : 'resumeDefinition', (cx) => setDefinitionSuspended(cx, tenant, id, actor.username, suspend));
    this.latest.forget(tenant, def.key);
    return def;
  }

  /**
   * Starts an instance; answers with its row, open incidents and the open user tasks the caller
   * may see, as this work left them (no read-back). Who may start, the start form and the
   * registration number: service/starting.ts. A refusal judged on a remembered version of the
   * process (an assumption) is judged again on a fresh read (unit-of-work.ts).
   */
  async startInstance(actor: Actor, req: { processKey: string; version?: number; businessKey?: string; variables?: Variables }): Promise<StepOutcome & { row: InstanceRow; incidents: IncidentRow[]; tasks: TaskRow[] }> {
    const tenant = tenantOf(actor);
    return this.run('startInstance', async ({ uow, deps }) => {
      const def = req.version !== undefined ? await definitionVersion(uow.db, tenant, req.processKey, req.version) : await this.latest.latest(uow, tenant, req.processKey);
      if (!def) throw new NotFound(text('process.not-deployed', { process: req.processKey }));
      if (def.suspended_at) throw new Conflict(text('definition.suspended', { process: def.key, version: def.version }));
      const model = await deps.models.get(uow.db, def.id);
      if (!model.noneStart) throw new InvalidInput(text('process.no-none-start', { process: req.processKey }));
      // Refused here (403, 400) nothing has been written and no registration number taken.
      const checked = await checkStart({ uow, deps }, actor, def, model, req.variables ?? {});
      const instanceId = randomUUID();
      const attach = await planAttachments(uow.db, actor, tenant, instanceId, null, documentRefs(checked.startForm?.schema, checked.variables), uow.now);
      const outcome = await startNew({ uow, deps }, def, { instanceId, variables: checked.variables, businessKey: req.businessKey ?? null, startedBy: actor.username, startFormRef: checked.startForm?.id ?? null }, attach);
      const row = uow.instances.get(outcome.instanceId)!;
      const incidents = [...uow.openedIncidents.values()].filter((i) => i.instance_id === outcome.instanceId);
      const tasks = [...uow.openedTasks.values()].filter((t) => t.instance_id === outcome.instanceId && mayWork(actor, t));
      return { ...outcome, state: row.snapshot, row, incidents, tasks };
    }, { oneStatement: true });
  }

  async cancelInstance(actor: Actor, id: string): Promise<StepOutcome> {
    const tenant = tenantOf(actor);
    const inst = await findInstance(this.deps.knex, tenant, id);
    if (!inst) throw new NotFound(text('instance.not-found'));
    requireRole(actor, text('action.cancel-instance'), 'analyst', 'admin');
    const outcome = await this.run('cancelInstance', async (cx) => {
      const row = await cx.uow.instanceForStep(id);
      if (!row || row.state !== 'active') return { instanceId: id, state: inst.snapshot, ignored: `instance ${id} has already ended (${row?.state})` };
      return runInput(cx, id, { type: 'instance.cancel', user: actor.username }, { read: row });
    }, { oneStatement: true });
    if (outcome.ignored) throw new Conflict(outcome.ignored);
    return outcome;
  }

  /**
   * A person sets process variables with a reason (API.md 1.1, PATCH …/variables): one step of
   * the core (`variables.set`), so the change and its `variables.changed` entry (who, which
   * names, why) are written together.
   */
  async setVariables(actor: Actor, id: string, variables: Variables, reason?: string): Promise<StepOutcome> {
    const tenant = tenantOf(actor);
    const inst = await findInstance(this.deps.knex, tenant, id);
    if (!inst) throw new NotFound(text('instance.not-found'));
    requireRole(actor, text('action.edit-variables'), 'analyst', 'admin');
    if (!Object.keys(variables).length) throw new InvalidInput(text('operating.no-variables'), [{ path: 'variables', message: String(text('operating.no-variables')) }]);
    const outcome = await this.run('setVariables', async (cx) => {
      const row = await cx.uow.instanceForStep(id);
      if (!row || row.state !== 'active') return { instanceId: id, state: inst.snapshot, ignored: String(text('operating.instance-ended', { id, state: row?.state ?? inst.state })) };
      return runInput(cx, id, { type: 'variables.set', variables, user: actor.username, ...(reason ? { reason } : {}) }, { read: row });
    }, { oneStatement: true });
    if (outcome.ignored) throw new Conflict(text('operating.instance-ended', { id, state: inst.state }));
    return outcome;
  }

  /**
   * An operator moves a case's tokens (API.md 1.1, modify): terminate the active instances of
   * elements, activate others. Refused with 400 naming each element the core cannot honour
   * (core/modify.ts checkModification), before anything is written; history `instance.modified`.
   */
  async modifyInstance(actor: Actor, id: string, mod: { terminate?: { elementId?: string; elementInstanceKey?: number }[]; activate?: { elementId: string; variables?: Variables; ancestorKey?: number }[] }): Promise<StepOutcome> {
    const tenant = tenantOf(actor);
    const inst = await findInstance(this.deps.knex, tenant, id);
    if (!inst) throw new NotFound(text('instance.not-found'));
    requireRole(actor, text('action.modify-instance'), 'analyst', 'admin');
    const input = {
      terminate: (mod.terminate ?? []).map((t) => ({ ...(t.elementId !== undefined ? { elementId: t.elementId } : {}), ...(t.elementInstanceKey !== undefined ? { key: t.elementInstanceKey } : {}) })),
      activate: (mod.activate ?? []).map((a) => ({ elementId: a.elementId, ...(a.variables ? { variables: a.variables } : {}), ...(a.ancestorKey !== undefined ? { ancestor: a.ancestorKey } : {}) })),
    };
    return this.run('modifyInstance', async (cx) => {
      const row = await cx.uow.instanceForStep(id);
      if (!row || row.state !== 'active') throw new Conflict(text('operating.instance-ended', { id, state: row?.state ?? inst.state }));
      const model = await cx.deps.models.get(cx.uow.db, row.definition_id);
      const problems = checkModification(model, row.snapshot, input);
      if (problems.length) throw new InvalidInput(text('operating.cannot-modify', { elements: allOf(problems.map((p) => p.element)) }), problems);
      return runInput(cx, id, { type: 'instance.modify', ...input, user: actor.username }, { read: row });
    }, { oneStatement: true });
  }

  /**
   * Moves a case to another version of its process (API.md 1.1, migrate): every active element
   * must map to an element of the same type in the target, else 400 naming each (nothing
   * changes); tasks, jobs, timers and subscriptions move with their element. `dryRun` checks only.
   */
  async migrateInstance(actor: Actor, id: string, req: { targetDefinitionId: string; mappings: { source: string; target: string }[] }, dryRun: boolean): Promise<{ migrated: boolean; errors: [] }> {
    const tenant = tenantOf(actor);
    const inst = await findInstance(this.deps.knex, tenant, id);
    if (!inst) throw new NotFound(text('instance.not-found'));
    requireRole(actor, text('action.migrate-instance'), 'analyst', 'admin');
    const target = await findDefinition(this.deps.knex, tenant, req.targetDefinitionId);
    if (!target) throw new NotFound(`process definition ${req.targetDefinitionId} not found`);
    if (target.key !== inst.process_key) throw new InvalidInput(`process definition ${req.targetDefinitionId} is ${target.key}, not ${inst.process_key}`, [{ path: 'targetDefinitionId', message: `must be a version of ${inst.process_key}` }]);
    return this.run('migrateInstance', async (cx) => {
      const row = await cx.uow.instanceForStep(id);
      if (!row || row.state !== 'active') throw new Conflict(text('operating.instance-ended', { id, state: row?.state ?? inst.state }));
      const [source, model] = [await cx.deps.models.get(cx.uow.db, row.definition_id), await cx.deps.models.get(cx.uow.db, target.id)];
      const problems = checkMigration(source, model, row.snapshot, req.mappings);
      if (problems.length) throw new InvalidInput(text('operating.cannot-migrate', { elements: allOf([...new Set(problems.map((p) => p.element))]) }), problems);
      if (dryRun) return { migrated: false, errors: [] as [] };
      await runInput(cx, id, { type: 'instance.migrate', target: model, mappings: req.mappings, user: actor.username, versions: { from: row.process_version, to: target.version } },
        { read: row, retarget: { definitionId: target.id, version: target.version } });
      return { migrated: true, errors: [] as [] };
    }, { oneStatement: true });
  }

  /** Closes an open incident without re-running anything (API.md 1.1): the case stays where it is until modified or cancelled. */
  async resolveIncident(actor: Actor, id: string): Promise<void> {
    const tenant = tenantOf(actor);
    const incident = await findIncident(this.deps.knex, tenant, id);
    if (!incident) throw new NotFound(`incident ${id} not found`);
    requireRole(actor, text('action.resolve-incidents'), 'analyst', 'admin');
    if (incident.state !== 'open') throw new Conflict(text('operating.incident-closed', { id }));
    const outcome = await this.run('resolveIncident', (cx) => runInput(cx, incident.instance_id, { type: 'incident.dismiss', key: incident.key, user: actor.username }), { oneStatement: true });
    if (outcome.ignored) throw new Conflict(text('operating.incident-closed', { id }));
  }

  /** The caller takes an open task offered to them (a candidate, or an admin). */
  async claim(actor: Actor, id: string): Promise<TaskRow> {
    return this.reassign('claim', actor, id, (task) => {
      mustBeOpen(task);
      if (task.assignee === actor.username) return undefined;
      if (task.assignee) throw new Conflict(text('task.already-claimed', { task: taskName(task), user: task.assignee }));
      if (!isCandidate(task, actor.username, actor.groups) && !hasRole(actor, 'admin')) throw new Forbidden(text('task.not-candidate', { task: taskName(task) }));
      return { assignee: actor.username, history: 'task.claimed' };
    });
  }

  /** The assignee (or an admin) gives the task back to its candidates. */
  async unclaim(actor: Actor, id: string): Promise<TaskRow> {
    return this.reassign('unclaim', actor, id, (task) => {
      mustBeOpen(task);
      if (!task.assignee) return undefined;
      if (task.assignee !== actor.username && !hasRole(actor, 'admin')) throw new Forbidden(text('task.unclaim-not-yours', { user: task.assignee, task: taskName(task) }));
      return { assignee: null, history: 'task.unclaimed' };
    });
  }

  /** An admin or the current assignee hands the task to someone of the tenant (or to nobody). */
  async assign(actor: Actor, id: string, assignee: string | null): Promise<TaskRow> {
    return this.reassign('assign', actor, id, async (task, db) => {
      if (!hasRole(actor, 'admin') && task.assignee !== actor.username) throw new Forbidden(text('task.assign-not-allowed'));
      mustBeOpen(task);
      if (assignee === null) return { assignee, history: 'task.assigned' };
      // Names match whatever their case; the task holds the name as the user spells it.
      const user = await findUserByUsername(db, assignee);
      if (!user || user.tenant_id !== task.tenant_id || user.disabled) throw new InvalidInput(text('task.assignee-unknown', { user: assignee }), [{ path: 'assignee', message: 'unknown user' }]);
      return { assignee: user.username, history: 'task.assigned' };
    });
  }

  /**
   * Changes who holds an open task, with its history entry (`task.claimed`, `task.unclaimed`,
   * `task.assigned`: who did it, the task's element, `{ taskId, assignee, previousAssignee }`) in the
   * same statement. `decide` returns the new assignee, or undefined when nothing changes; a
   * task that changed meanwhile is read again (locked) and decided again.
   */
  private async reassign(command: string, actor: Actor, id: string, decide: (task: TaskRow, db: UnitOfWork['db']) => Promise<{ assignee: string | null; history: string } | undefined> | { assignee: string | null; history: string } | undefined): Promise<TaskRow> {
    const tenant = tenantOf(actor);
    return this.run(command, async ({ uow }) => {
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
  async completeTask(actor: Actor, id: string, variables: Variables): Promise<TaskRow> {
    const outcome = await this.run('completeTask', async (cx) => {
      const { uow } = cx;
      const found = await uow.taskWithInstance(tenantOf(actor), id);
      const task = visibleTask(actor, id, found?.task);
      if (task.assignee ? task.assignee !== actor.username : !isCandidate(task, actor.username, actor.groups)) {
        throw new Forbidden(task.assignee ? `task ${task.element_id} is assigned to ${task.assignee}` : `you are not a candidate for task ${task.element_id}`);
      }
      const inst = found!.instance;
      if (task.state !== 'open') {
        const reason = `task ${task.element_id} is not open (instance ${task.instance_id})`;
        await uow.write([{ type: 'history.insert', rows: [{ tenant_id: task.tenant_id, instance_id: task.instance_id, at: uow.now, type: 'input.ignored', element_id: task.element_id, username: actor.username, data: { input: 'task.complete', reason } }] }]);
        return { ignored: reason, closed: undefined as TaskRow | undefined };
      }
      let values = variables;
      let attach: RowOp[] = [];
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
    if (outcome.ignored || !outcome.closed) throw new Conflict(outcome.ignored ?? `task ${id} is not open`);
    return outcome.closed;
  }

  /** Delivers a message; returns the instance that took it, or undefined (not buffered). */
  async publishMessage(actor: Actor, req: { name: string; correlationKey?: string; variables?: Variables }): Promise<string | undefined> {
    requireRole(actor, text('action.send-messages'), 'analyst', 'admin');
    const tenant = tenantOf(actor);
    return this.run('publishMessage', (cx) => publishMessage(cx, tenant, req.name, req.correlationKey ?? null, req.variables ?? {}));
  }

  /** Retries the element an incident stopped at (a job: again, with its retries restored). */
  async retryIncident(actor: Actor, id: string): Promise<void> {
    const tenant = tenantOf(actor);
    const incident = await findIncident(this.deps.knex, tenant, id);
    if (!incident) throw new NotFound(`incident ${id} not found`);
    requireRole(actor, text('action.retry-incidents'), 'analyst', 'admin');
    if (incident.state !== 'open') throw new Conflict(`incident ${id} is already resolved`);
    const outcome = await this.run('retryIncident', async (cx) => {
      const inst = await cx.uow.instanceForStep(incident.instance_id);
      const model = inst && (await cx.deps.models.get(cx.uow.db, inst.definition_id));
      const jobDef = model?.elements[incident.element_id]?.job;
      const retries = jobDef && 'value' in jobDef.retries ? Number(jobDef.retries.value) || 3 : 3;
      return runInput(cx, incident.instance_id, { type: 'incident.resolve', key: incident.key, retries, user: actor.username }, { read: inst });
    }, { oneStatement: true });
    if (outcome.ignored) throw new Conflict(outcome.ignored);
  }

  /**
   * Retries every open incident the filter selects (API.md 1.1, bulk retry), oldest first, at most
   * `limit` (a tenant cannot make one request run unbounded work); each one as `retryIncident`,
   * so one that fails to retry (it was resolved meanwhile) does not stop the rest.
   */
  async retryIncidents(actor: Actor, filter: Omit<IncidentFilter, 'state'>, limit: number): Promise<{ retried: string[]; failed: { id: string; message: string }[]; remaining: number }> {
    const tenant = tenantOf(actor);
    requireRole(actor, text('action.retry-incidents'), 'analyst', 'admin');
    const page = await listIncidents(this.deps.knex, tenant, { ...filter, state: 'open' }, { limit, offset: 0 });
    const retried: string[] = [];
    const failed: { id: string; message: string }[] = [];
    for (const incident of page.items) {
      try {
        await this.retryIncident(actor, incident.id);
        retried.push(incident.id);
      } catch (err) {
        if (!(err instanceof Conflict || err instanceof NotFound)) throw err;
        failed.push({ id: incident.id, message: err.message });
      }
    }
    return { retried, failed, remaining: Math.max(0, page.total - page.items.length) };
  }

  /**
   * Feeds a job outcome back (runner): the job row is finished in the step's own write. `instance`
   * is the row read with the job when it was taken (its version is asserted; read again if it moved).
   * A job delivered twice changes state once: the core ignores the second.
   */
  async finishJob(job: JobRow, input: Input, instance?: InstanceRow): Promise<StepOutcome> {
    return this.run('finishJob', (cx) => {
      const ops: RowOp[] = [{ type: 'job.finish', jobId: job.id, instanceId: job.instance_id, key: job.key, state: input.type === 'job.fail' ? 'failed' : 'completed', error: input.type === 'job.fail' ? input.message : null }];
      // A job that ended (completed, or threw a BPMN error) needs no other attempt: a retry queued
      // by a duplicate run's failure would otherwise run its handler once more for nothing.
      if (input.type !== 'job.fail') ops.push({ type: 'job.cancel-others', jobId: job.id, instanceId: job.instance_id, key: job.key });
      return runInput(cx, job.instance_id, input, { known: instance, finishedJob: job.id, with: ops });
    }, { oneStatement: true });
  }

  /** Fires the earliest due timer (of `tenant`, when given) no other runner is firing (embedded runner); false when none is due. */
  async fireDueTimer(tenant?: string): Promise<boolean> {
    return this.run('fireTimer', async (cx) => {
      const timer = await claimDueTimer(cx.uow.db, cx.uow.now, tenant);
      if (!timer) return false;
      await this.fire(cx, timer);
      return true;
    });
  }

  /** Fires timer `id` if it is still due at `dueAt` (queue mode); false when it fired, went or moved. */
  async fireTimer(id: string, dueAt: number): Promise<boolean> {
    return this.run('fireTimer', async (cx) => {
      const timer = await lockTimer(cx.uow.db, id);
      // Gone: fired or cancelled. Another due time: rescheduled, and that round was queued on its own.
      if (!timer || new Date(timer.due_at).getTime() !== dueAt) return false;
      await this.fire(cx, timer);
      return true;
    });
  }

  /** A timer fires: its row goes with the input it feeds (timer.fire), or it starts an instance and plans its next round. */
  private async fire(cx: CommandContext, timer: TimerRow): Promise<void> {
    const fired: RowOp = { type: 'timer.fired', timer };
    if (timer.instance_id !== null && timer.key !== null) {
      await runInput(cx, timer.instance_id, { type: 'timer.fire', key: timer.key }, { with: [fired] });
      return;
    }
    const def = timer.definition_id ? await findDefinitionById(cx.uow.db, timer.definition_id) : undefined;
    if (!def) return void (await cx.uow.write([fired]));
    const next = timer.repeat && nextRound(timer.due_at, timer.repeat, cx.uow.now, minCycleMs(cx.deps));
    const also: RowOp[] = [fired];
    if (next) also.push({ type: 'timer.insert-start', row: { ...timer, id: randomUUID(), due_at: next.due, repeat: next.left === 0 ? null : { left: next.left, every: next.every } } });
    await startNew(cx, def, { startEventId: timer.element_id }, also);
  }
}

/** A row the work relied on changed meanwhile and a transaction could not decide otherwise: a race lost, or a bug. */
function changedMeanwhile(err: RowChanged): Error {
  switch (err.op.type) {
    case 'task.close': return new Conflict(text('task.claimed-meanwhile'));
    case 'task.assign': return new Conflict(text('task.changed-meanwhile'));
    // Read as unattached, the transaction's read would have refused it (400): attached and released meanwhile is impossible.
    case 'document.attach': return new Conflict(`document ${err.op.documentId} was attached to another case meanwhile`);
    default: return new Error(`${err.message} under its lock`);
  }
}

function mustBeOpen(task: TaskRow): void {
  if (task.state !== 'open') throw new Conflict(text('task.not-open', { task: taskName(task) }));
}
