/**
 * The engine's commands: everything that changes state goes through here, each command applied
 * atomically — one statement for an optimistic start, completion or job outcome, else one
 * transaction (retried on deadlock) — with the caller's tenant and role checked first. Reads that
 * the API needs live in queries.ts. The runner feeds job and timer outcomes through the same path.
 */
import type { Knex } from 'knex';
import type { Input, Variables } from '../core/index.js';
import { findDefinition, latestDefinition, definitionVersion, findDefinitionById, type DefinitionHead } from '../store/definitions.js';
import { findInstance } from '../store/instances.js';
import { findTask, findTaskLockingInstance, findTaskWithInstance, setAssignee, isCandidate, type TaskRow } from '../store/tasks.js';
import { formOfTask } from '../store/definitions.js';
import { findIncident } from '../store/incidents.js';
import { findJobByKey, finishJob, cancelOtherAttempts, type JobRow } from '../store/jobs.js';
import { deleteTimerById, insertStartTimer, type TimerRow } from '../store/timers.js';
import { historyInsert } from '../store/history.js';
import { findUserByUsername } from '../store/users.js';
import type { EngineDeps, TxContext } from './context.js';
import { inTransaction, isRetryable } from './transaction.js';
import { runInput, startInstance, publishMessage, type StepOutcome } from './runtime.js';
import { deploy, type DeployResult, type UploadedFile } from './deploy.js';
import { nextRound } from './start-timers.js';
import { type Actor, tenantOf, requireRole, hasRole, seesAll } from './actor.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from './errors.js';
import { checkFormValues } from './forms.js';
import { checkStart } from './starting.js';
import { visibleVariables } from '../core/index.js';
import { lockInstance, type InstanceRow } from '../store/instances.js';
import type { IncidentRow } from '../store/incidents.js';
import { WriteBatch, NeedsTransaction } from '../store/write-batch.js';
import { LatestDefinitions, stillLatest } from './latest-definitions.js';
import type { Db } from '../store/db.js';
import { text } from '../messages/index.js';

export class Engine {
  private readonly latest = new LatestDefinitions();

  constructor(readonly deps: EngineDeps) {}

  /**
   * Runs `work` in one transaction with a fresh context; wakes the runner after commit if needed.
   *
   * `optimistic`: first try the work without a transaction — reads without locks, every write held
   * back and sent at the end as one statement, the snapshot saved only at the version it was read
   * with (asserted inside that statement). That is two round trips for a start or a completion
   * instead of six. Work that needs more (follow-ups in other instances, two writes to one row, a
   * version that moved meanwhile) throws NeedsTransaction before anything was written, and runs
   * again the ordinary way. `work` must be safe to rerun, as it already is for deadlock retries.
   */
  async tx<T>(work: (tx: TxContext) => Promise<T>, options: { optimistic?: boolean } = {}): Promise<T> {
    if (options.optimistic) {
      const tx = this.context(this.deps.knex, true);
      try {
        const value = await work(tx);
        await tx.writes.finish();
        if (tx.wake) this.deps.wake?.();
        return value;
      } catch (err) {
        // A deadlock or serialization failure of the one statement wrote nothing either.
        if (!(err instanceof NeedsTransaction) && !isRetryable(err)) throw err;
      }
    }
    let woke = false;
    const result = await inTransaction(this.deps.knex, async (trx: Knex.Transaction) => {
      const tx = this.context(trx, false);
      const value = await work(tx);
      await tx.writes.finish();
      woke = tx.wake;
      return value;
    });
    if (woke) this.deps.wake?.();
    return result;
  }

  private context(trx: Db, optimistic: boolean): TxContext {
    return {
      trx, optimistic, deps: this.deps, now: this.deps.clock.now(), wake: false,
      writes: new WriteBatch(trx, optimistic), rows: new Map(), incidents: new Map(), tasks: new Map(),
    };
  }

  async deploy(actor: Actor, files: UploadedFile[]): Promise<DeployResult> {
    requireRole(actor, text('action.deploy'), 'analyst', 'admin');
    const tenant = tenantOf(actor);
    const result = await this.tx((tx) => deploy(tx, tenant, actor.username, files));
    for (const p of result.processes) this.latest.forget(tenant, p.key);
    return result;
  }

  /**
   * The latest definition of a process: remembered for an optimistic command (whose statement then
   * asserts it is still the latest), read fresh in a transaction (and remembered).
   */
  private async latestHead(tx: TxContext, tenant: string, key: string): Promise<DefinitionHead | undefined> {
    const known = tx.optimistic ? this.latest.get(tenant, key) : undefined;
    if (known) {
      tx.writes.assert(stillLatest(tx.trx, known), `${key} version ${known.version} is the latest`);
      return known;
    }
    const head = await latestDefinition(tx.trx, tenant, key);
    if (head) this.latest.set(head);
    return head;
  }

  /**
   * Starts an instance; answers with its row, open incidents and the open user tasks the caller
   * may see, as this transaction left them (no read-back). Who may start, the start form and the
   * registration number: service/starting.ts.
   */
  async startInstance(actor: Actor, req: { processKey: string; version?: number; businessKey?: string; variables?: Variables }): Promise<StepOutcome & { row: InstanceRow; incidents: IncidentRow[]; tasks: TaskRow[] }> {
    const tenant = tenantOf(actor);
    return this.tx(async (tx) => {
      const def = req.version !== undefined ? await definitionVersion(tx.trx, tenant, req.processKey, req.version) : await this.latestHead(tx, tenant, req.processKey);
      if (!def) throw new NotFound(`process ${req.processKey}${req.version === undefined ? '' : ` version ${req.version}`} is not deployed`);
      const model = await tx.deps.models.get(tx.trx, def.id);
      if (!model.noneStart) {
        // A remembered head is checked only in the statement, which a refusal never sends: a
        // newer version deployed elsewhere may have a none start, so decide that on a fresh read.
        if (tx.optimistic) throw new NeedsTransaction(`${req.processKey} version ${def.version} has no none start event`);
        throw new InvalidInput(`process ${req.processKey} has no none start event; it starts by message, timer or signal`);
      }
      // Refused here (403, 400) nothing has been written and no registration number taken. A
      // refusal judged on a remembered head is judged again on a fresh read (see the none start).
      const checked = await checkStart(tx, actor, def, model, req.variables ?? {}).catch((err: unknown) => {
        if (tx.optimistic && req.version === undefined && (err instanceof Forbidden || err instanceof InvalidInput)) throw new NeedsTransaction(`a refusal on a remembered version of ${req.processKey}`);
        throw err;
      });
      const outcome = await startInstance(tx, def, { variables: checked.variables, businessKey: req.businessKey ?? null, startedBy: actor.username, startFormRef: checked.startForm?.id ?? null });
      const row = tx.rows.get(outcome.instanceId)!;
      const incidents = [...tx.incidents.values()].filter((i) => i.instance_id === outcome.instanceId);
      const tasks = [...tx.tasks.values()].filter((t) => t.instance_id === outcome.instanceId && mayWork(actor, t));
      return { ...outcome, state: row.snapshot, row, incidents, tasks };
    }, { optimistic: true });
  }

  async cancelInstance(actor: Actor, id: string): Promise<StepOutcome> {
    const tenant = tenantOf(actor);
    const inst = await findInstance(this.deps.knex, tenant, id);
    if (!inst) throw new NotFound(`process instance ${id} not found`);
    requireRole(actor, text('action.cancel-instance'), 'analyst', 'admin');
    const outcome = await this.tx(async (tx) => {
      const row = await lockInstance(tx.trx, id);
      if (!row || row.state !== 'active') return { instanceId: id, state: row!.snapshot, ignored: `instance ${id} has already ended (${row?.state})` };
      return runInput(tx, id, { type: 'instance.cancel', user: actor.username });
    });
    if (outcome.ignored) throw new Conflict(outcome.ignored);
    return outcome;
  }

  /** The task if the caller may see it: 404 for other tenants, 403 for tasks that are not theirs. */
  async visibleTask(actor: Actor, id: string): Promise<TaskRow> {
    return checkVisible(actor, id, await findTask(this.deps.knex, tenantOf(actor), id));
  }

  async claim(actor: Actor, id: string): Promise<TaskRow> {
    const task = await this.visibleTask(actor, id);
    if (task.state !== 'open') throw new Conflict(`task ${task.element_id} is not open (instance ${task.instance_id})`);
    if (task.assignee === actor.username) return task;
    if (task.assignee) throw new Conflict(`task ${task.element_id} is already claimed by ${task.assignee}`);
    if (!isCandidate(task, actor.username, actor.groups) && !hasRole(actor, 'admin')) throw new Forbidden(`you are not a candidate for task ${task.element_id}`);
    if (!(await setAssignee(this.deps.knex, id, null, actor.username))) throw new Conflict(`task ${task.element_id} was claimed or closed meanwhile`);
    return { ...task, assignee: actor.username };
  }

  async unclaim(actor: Actor, id: string): Promise<TaskRow> {
    const task = await this.visibleTask(actor, id);
    if (task.state !== 'open') throw new Conflict(`task ${task.element_id} is not open (instance ${task.instance_id})`);
    if (!task.assignee) return task;
    if (task.assignee !== actor.username && !hasRole(actor, 'admin')) throw new Forbidden(`only ${task.assignee} or an admin may unclaim this task`);
    if (!(await setAssignee(this.deps.knex, id, task.assignee, null))) throw new Conflict(`task ${task.element_id} changed meanwhile`);
    return { ...task, assignee: null };
  }

  async assign(actor: Actor, id: string, assignee: string | null): Promise<TaskRow> {
    const task = await this.visibleTask(actor, id);
    if (!hasRole(actor, 'admin') && task.assignee !== actor.username) throw new Forbidden('only an admin or the current assignee may assign this task');
    if (task.state !== 'open') throw new Conflict(`task ${task.element_id} is not open (instance ${task.instance_id})`);
    if (assignee !== null) {
      const user = await findUserByUsername(this.deps.knex, assignee);
      if (!user || user.tenant_id !== task.tenant_id) throw new InvalidInput(`user ${assignee} does not exist in this tenant`, [{ path: 'assignee', message: 'unknown user' }]);
    }
    if (!(await setAssignee(this.deps.knex, id, task.assignee, assignee))) throw new Conflict(`task ${task.element_id} changed meanwhile`);
    return { ...task, assignee };
  }

  /**
   * Completes a task: the assignee (or a candidate of an unassigned task, which claims it),
   * with values checked against the task's form. A task no longer open is recorded in the
   * history as ignored and answers Conflict; nothing else changes.
   */
  async completeTask(actor: Actor, id: string, variables: Variables): Promise<TaskRow> {
    // Optimistic first (one read, one write; see tx): a refusal has written nothing. In a
    // transaction, the task is read with its instance locked, and that lock is the step's.
    const outcome = await this.tx(async (tx) => {
      const found = tx.optimistic ? await findTaskWithInstance(tx.trx, tenantOf(actor), id) : await findTaskLockingInstance(tx.trx, tenantOf(actor), id);
      const task = checkVisible(actor, id, found?.task);
      if (task.assignee ? task.assignee !== actor.username : !isCandidate(task, actor.username, actor.groups)) {
        throw new Forbidden(task.assignee ? `task ${task.element_id} is assigned to ${task.assignee}` : `you are not a candidate for task ${task.element_id}`);
      }
      const inst = found!.instance;
      if (task.state !== 'open') {
        const reason = `task ${task.element_id} is not open (instance ${task.instance_id})`;
        await tx.writes.add('history', historyInsert(tx.trx, [{ tenant_id: task.tenant_id, instance_id: task.instance_id, at: tx.now, type: 'input.ignored', element_id: task.element_id, username: actor.username, data: { input: 'task.complete', reason } }]), { insert: true });
        return { ignored: reason, closed: undefined as TaskRow | undefined };
      }
      let values = variables;
      if (task.form_id) {
        const form = await formOfTask(tx.trx, task);
        if (!form) throw new Conflict(`form ${task.form_id} of task ${task.element_id} is not deployed`);
        const check = checkFormValues(form.schema, variables, visibleVariables(inst.snapshot, task.key), tx.now, tx.deps.feel);
        if (!check.ok) throw new InvalidInput(`the values do not fit form ${task.form_id}`, check.errors);
        values = check.values;
      }
      // Optimistic, the task and instance were read without a lock: a completion that won the race
      // meanwhile moved the instance's version, the write fails its assertion and the command reruns
      // locked, where the core ignores this one (the key no longer waits) and it answers Conflict.
      // Completing an unassigned task claims it in the same write (closeTask); if someone else
      // claimed it meanwhile, that write changes nothing and the rerun refuses (assigned to them).
      const result = await runInput(tx, task.instance_id, { type: 'task.complete', key: task.key, variables: values, user: actor.username }, { locked: inst });
      // The task.close effect wrote exactly this; answering from it saves a read per completion.
      const closed: TaskRow = { ...task, assignee: task.assignee ?? actor.username, state: 'completed', completed_at: tx.now, completed_by: actor.username };
      return { ignored: result.ignored, closed };
    }, { optimistic: true });
    if (outcome.ignored || !outcome.closed) throw new Conflict(outcome.ignored ?? `task ${id} is not open`);
    return outcome.closed;
  }

  /** Delivers a message; returns the instance that took it, or undefined (not buffered). */
  async publishMessage(actor: Actor, req: { name: string; correlationKey?: string; variables?: Variables }): Promise<string | undefined> {
    requireRole(actor, text('action.send-messages'), 'analyst', 'admin');
    const tenant = tenantOf(actor);
    return this.tx((tx) => publishMessage(tx, tenant, req.name, req.correlationKey ?? null, req.variables ?? {}));
  }

  /** Retries the element an incident stopped at (a job: again, with its retries restored). */
  async retryIncident(actor: Actor, id: string): Promise<void> {
    const tenant = tenantOf(actor);
    const incident = await findIncident(this.deps.knex, tenant, id);
    if (!incident) throw new NotFound(`incident ${id} not found`);
    requireRole(actor, text('action.retry-incidents'), 'analyst', 'admin');
    if (incident.state !== 'open') throw new Conflict(`incident ${id} is already resolved`);
    const outcome = await this.tx(async (tx) => {
      const inst = await lockInstance(tx.trx, incident.instance_id);
      const model = inst && (await tx.deps.models.get(tx.trx, inst.definition_id));
      const jobDef = model?.elements[incident.element_id]?.job;
      const retries = jobDef && 'value' in jobDef.retries ? Number(jobDef.retries.value) || 3 : 3;
      return runInput(tx, incident.instance_id, { type: 'incident.resolve', key: incident.key, retries, user: actor.username });
    });
    if (outcome.ignored) throw new Conflict(outcome.ignored);
  }

  /** Feeds a job outcome back (runner). A job delivered twice changes state once: the core ignores the second. */
  async finishJob(job: JobRow, input: Input): Promise<StepOutcome> {
    return this.tx(async (tx) => {
      // The row is finished in the step's statement; the clean-up of an instance this input ends
      // leaves this row alone (and cancels any other attempt), so the two never touch one row.
      await tx.writes.add('job', finishJob(tx.trx, job.id, input.type === 'job.fail' ? 'failed' : 'completed', input.type === 'job.fail' ? input.message : null), { rows: `${job.instance_id}|${job.key}` });
      // A job that ended (completed, or threw a BPMN error) needs no other attempt: a retry queued
      // by a duplicate run's failure would otherwise run its handler once more for nothing.
      if (input.type !== 'job.fail') await tx.writes.add('job', cancelOtherAttempts(tx.trx, job), { disjoint: true });
      return runInput(tx, job.instance_id, input, { finishedJob: job.id });
    }, { optimistic: true });
  }

  /** Fires a claimed timer in the caller's transaction: deletes it and feeds timer.fire (or starts an instance). */
  async fireTimer(tx: TxContext, timer: TimerRow): Promise<void> {
    await deleteTimerById(tx.trx, timer.id);
    if (timer.instance_id !== null && timer.key !== null) {
      await runInput(tx, timer.instance_id, { type: 'timer.fire', key: timer.key });
      return;
    }
    const def = timer.definition_id ? await findDefinitionById(tx.trx, timer.definition_id) : undefined;
    if (!def) return;
    await startInstance(tx, def, { startEventId: timer.element_id });
    const next = timer.repeat && nextRound(timer.due_at, timer.repeat, tx.now);
    if (next) {
      await insertStartTimer(tx.trx, { ...timer, due_at: next.due, repeat: next.left === 0 ? null : { left: next.left, every: next.every } });
      tx.wake = true;
    }
  }

  /** Used by queries: the definition in the caller's tenant. */
  async definition(actor: Actor, id: string) {
    const def = await findDefinition(this.deps.knex, tenantOf(actor), id);
    if (!def) throw new NotFound(`process definition ${id} not found`);
    return def;
  }

  async job(instanceId: string, key: number) {
    return findJobByKey(this.deps.knex, instanceId, key);
  }
}

/** The task if the caller may see it: 404 when missing (or another tenant's), 403 when not theirs. */
function checkVisible(actor: Actor, id: string, task: TaskRow | undefined): TaskRow {
  if (!task) throw new NotFound(`task ${id} not found`);
  if (!mayWork(actor, task)) throw new Forbidden(`task ${id} is not assigned to you and you are not a candidate`);
  return task;
}

/** Whether the caller may see the task: theirs, offered to them, or they see everything in the tenant. */
function mayWork(actor: Actor, task: TaskRow): boolean {
  return task.assignee === actor.username || task.completed_by === actor.username || isCandidate(task, actor.username, actor.groups) || seesAll(actor);
}
