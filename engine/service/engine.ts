/**
 * The Engine: the one object every command goes through. A command checks the caller's tenant and
 * role, reads what it needs through its unit of work (engine/store/unit-of-work.ts), and writes row
 * operations — a step's plan (plan.ts, through instance-steps.ts) and its own (a claim, a finished
 * job row) — which the unit of work applies all or nothing: as one statement when they fit, else in
 * a transaction. A command never asks which of the two it runs in. Observers (metrics, runners)
 * hear about every command.
 *
 * This file holds only that frame (`run`, the observers) and the public methods; each method hands
 * `run` to its command, kept by concern: definition-commands.ts (deploy, suspend), instance-commands.ts
 * (start, cancel, variables, modify, migrate, messages), task-commands.ts (claim, unclaim, assign,
 * complete), incident-commands.ts (retry, resolve), runner-commands.ts (job outcomes, timers).
 * Reads are elsewhere: reads.ts, with visibility.ts deciding what the caller may see.
 */
import type { Input, Variables } from '../core/index.js';
import type { DefinitionRow } from '../store/definitions.js';
import type { InstanceRow } from '../store/instances.js';
import type { TaskRow } from '../store/tasks.js';
import type { IncidentFilter, IncidentRow } from '../store/incidents.js';
import type { JobRow } from '../store/jobs.js';
import { runUnitOfWork, RowChanged, type UnitOfWork } from '../store/unit-of-work.js';
import type { CommandContext, CommandRunner, EngineDeps, EngineObserver } from './context.js';
import type { StepOutcome } from './instance-steps.js';
import type { TakeOpened } from './plan.js';
import type { FinishedJob } from './runner-commands.js';
import type { DeployResult, UploadedFile } from './deploy.js';
import type { AuditRow } from '../store/audit.js';
import type { Actor } from './actor.js';
import { Conflict } from './errors.js';
import { text } from '../messages/index.js';
import { LatestDefinitions } from './latest-definitions.js';
import { sharedBoundedEvaluator } from '../expressions/sandbox.js';
import * as definitions from './definition-commands.js';
import * as instances from './instance-commands.js';
import * as tasks from './task-commands.js';
import * as incidents from './incident-commands.js';
import * as runners from './runner-commands.js';
import { CommandPace } from './command-pace.js';
import { NumberedBatches } from '../store/numbered-batches.js';

interface RunOptions {
  /** Try the work as one statement without a transaction first (see unit-of-work.ts). */
  oneStatement?: boolean;
}

export class Engine {
  private readonly latest = new LatestDefinitions();
  private readonly observers: EngineObserver[];
  /** What the commands get: the dependencies and `run`. */
  private readonly commands: CommandRunner;

  readonly deps: EngineDeps;

  constructor(deps: EngineDeps) {
    // Every evaluation is bounded: an Engine given no evaluator gets the shared bounded one, never inline FEEL.
    this.deps = { ...deps, feel: deps.feel ?? sharedBoundedEvaluator(), pace: deps.pace ?? new CommandPace(), numberedBatches: deps.numberedBatches ?? new NumberedBatches() };
    this.observers = [...(deps.observers ?? [])];
    this.commands = { deps: this.deps, run: (command, work, options) => this.run(command, work, options) };
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
    this.deps.pace!.record(seconds());
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

  /** Deploys `files`, with `audit` (a pack import's entry) in the same transaction: definition-commands.ts. */
  async deploy(actor: Actor, files: UploadedFile[], audit: AuditRow[] = []): Promise<DeployResult> {
    return definitions.deploy(this.commands, this.latest, actor, files, audit);
  }

  /** Suspends (`suspend`) or resumes a definition of the caller's tenant: definition-commands.ts. */
  async setSuspended(actor: Actor, id: string, suspend: boolean): Promise<DefinitionRow> {
    return definitions.setSuspended(this.commands, this.latest, actor, id, suspend);
  }

  /** Starts an instance; answers with its row, incidents and the tasks the caller may see: instance-commands.ts. */
  async startInstance(actor: Actor, req: { processKey: string; version?: number; businessKey?: string; variables?: Variables }): Promise<StepOutcome & { row: InstanceRow; incidents: IncidentRow[]; tasks: TaskRow[] }> {
    return instances.startInstance(this.commands, this.latest, actor, req);
  }

  /** Cancels an active instance: instance-commands.ts. */
  async cancelInstance(actor: Actor, id: string): Promise<StepOutcome> {
    return instances.cancelInstance(this.commands, actor, id);
  }

  /** A person sets process variables with a reason (API.md 1.1): instance-commands.ts. */
  async setVariables(actor: Actor, id: string, variables: Variables, reason?: string): Promise<StepOutcome> {
    return instances.setVariables(this.commands, actor, id, variables, reason);
  }

  /** An operator moves a case's tokens (API.md 1.1, modify): instance-commands.ts. */
  async modifyInstance(actor: Actor, id: string, mod: { terminate?: { elementId?: string; elementInstanceKey?: number }[]; activate?: { elementId: string; variables?: Variables; ancestorKey?: number }[] }): Promise<StepOutcome> {
    return instances.modifyInstance(this.commands, actor, id, mod);
  }

  /** Moves a case to another version of its process (API.md 1.1, migrate; `dryRun` checks only): instance-commands.ts. */
  async migrateInstance(actor: Actor, id: string, req: { targetDefinitionId: string; mappings: { source: string; target: string }[] }, dryRun: boolean): Promise<{ migrated: boolean; errors: [] }> {
    return instances.migrateInstance(this.commands, actor, id, req, dryRun);
  }

  /** Delivers a message; returns the instance that took it, or undefined (not buffered): instance-commands.ts. */
  async publishMessage(actor: Actor, req: { name: string; correlationKey?: string; variables?: Variables }): Promise<string | undefined> {
    return instances.publishMessage(this.commands, actor, req);
  }

  /** The caller takes an open task offered to them (a candidate, or an admin): task-commands.ts. */
  async claim(actor: Actor, id: string): Promise<TaskRow> {
    return tasks.claim(this.commands, actor, id);
  }

  /** The assignee (or an admin) gives the task back to its candidates: task-commands.ts. */
  async unclaim(actor: Actor, id: string): Promise<TaskRow> {
    return tasks.unclaim(this.commands, actor, id);
  }

  /** An admin or the current assignee hands the task to someone of the tenant (or to nobody): task-commands.ts. */
  async assign(actor: Actor, id: string, assignee: string | null): Promise<TaskRow> {
    return tasks.assign(this.commands, actor, id, assignee);
  }

  /** Completes a task with values checked against its form: task-commands.ts. */
  async completeTask(actor: Actor, id: string, variables: Variables): Promise<TaskRow> {
    return tasks.completeTask(this.commands, actor, id, variables);
  }

  /** Closes an open incident without re-running anything (API.md 1.1): incident-commands.ts. */
  async resolveIncident(actor: Actor, id: string): Promise<void> {
    return incidents.resolveIncident(this.commands, actor, id);
  }

  /** Retries the element an incident stopped at: incident-commands.ts. */
  async retryIncident(actor: Actor, id: string): Promise<void> {
    return incidents.retryIncident(this.commands, actor, id);
  }

  /** Retries at most `limit` open incidents the filter selects, oldest first: incident-commands.ts. */
  async retryIncidents(actor: Actor, filter: Omit<IncidentFilter, 'state'>, limit: number): Promise<{ retried: string[]; failed: { id: string; message: string }[]; remaining: number }> {
    return incidents.retryIncidents(this.commands, actor, filter, limit);
  }

  /** Feeds a job outcome back (runner), finishing the job row in the step's own write: runner-commands.ts. */
  async finishJob(job: JobRow, input: Input, instance?: InstanceRow, take?: TakeOpened): Promise<FinishedJob> {
    return runners.finishJob(this.commands, job, input, instance, take);
  }

  /** Fires the earliest due timer (of `tenant`, when given) no other runner is firing; false when none is due: runner-commands.ts. */
  async fireDueTimer(tenant?: string): Promise<boolean> {
    return runners.fireDueTimer(this.commands, tenant);
  }

  /** Fires timer `id` if it is still due at `dueAt` (queue mode); false when it fired, went or moved: runner-commands.ts. */
  async fireTimer(id: string, dueAt: number): Promise<boolean> {
    return runners.fireTimer(this.commands, id, dueAt);
  }
}

/** A row the work relied on changed meanwhile and a transaction could not decide otherwise: a race lost, or a bug. */
function changedMeanwhile(err: RowChanged): Error {
  switch (err.op.type) {
    case 'task.close': return new Conflict(text('task.claimed-meanwhile'));
    case 'task.assign': return new Conflict(text('task.changed-meanwhile'));
    // Read as unattached, the transaction's read would have refused it (400): attached and released meanwhile is impossible.
    case 'document.attach': return new Conflict(text('document.attached-meanwhile', { id: err.op.documentId }));
    default: return new Error(`${err.message} under its lock`);
  }
}
