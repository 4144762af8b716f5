/**
 * Steps of durable instances inside a command's unit of work: read the instance (locked, or as of
 * its version), load the cached model, `step`, plan the rows of the result (plan.ts) and hand them
 * to the unit of work — then carry out what the step asks of other instances (called processes,
 * parents, messages, signals) through the procedure every host shares (engine/host/follow-ups.ts),
 * in the same unit of work, so a call activity and its child never disagree.
 */
import { randomUUID } from 'node:crypto';
import { step, type Input, type InstanceState, type Variables, type ParentRef, type ProcessModel, type StepResult } from '../core/index.js';
import type { StepSettings } from '../steps/pool.js';
import type { InstanceRow } from '../store/instances.js';
import { latestDefinition, latestDefinitions, type DefinitionHead } from '../store/definitions.js';
import { findMessageSubscriptions, findSignalSubscriptions } from '../store/subscriptions.js';
import type { RowOp } from '../store/row-ops.js';
import { minCycleMs, type CommandContext } from './context.js';
import { planStep, infoOf, takeOpenedJob, type PlanContext, type TakeOpened } from './plan.js';
import { FollowUpsExceeded, NotFound } from './errors.js';
import { text } from '../messages/index.js';
import { takeRegistrationNumber } from './starting.js';
import { tenantCalendar } from './calendars.js';
import { DEFAULT_BUDGETS } from '../config.js';
import {
  followUpsOf, carryOut, publishMessage as publishFollowUp, driveAsync, startEventsNamed, FollowUpLimit,
  type FollowUp, type HostRequest, type HostWork, type StepAnswer, type StartAnswer, type Waiting, type StartEvent,
} from '../host/follow-ups.js';

export interface StepOutcome {
  instanceId: string;
  state: InstanceState;
  /** Why the input did not apply (late or repeated); recorded in the history, nothing else changed. */
  ignored?: string;
}

/** A step's outcome with the work it asks of other instances. */
interface Stepped extends StepOutcome {
  followUps: FollowUp[];
}

export interface InputOptions {
  /** The instance row this unit of work read already (with the task it completes): locked, in a transaction. */
  read?: InstanceRow;
  /** The instance row as read before this unit of work (with the job it finishes): used as is only when the save can assert its version. */
  known?: InstanceRow;
  /** The job row this input finishes in the same work: the end-of-instance clean-up spares it. */
  finishedJob?: string;
  /** Row operations of the command itself, written with the step's (e.g. finishing the job row). */
  with?: RowOp[];
  /** A migration: the definition version the instance runs after this step. */
  retarget?: { definitionId: string; version: number };
  /** A queue worker takes the job this step opens of its type (plan.ts `takeOpenedJob`). */
  take?: TakeOpened;
}

function inputUser(input: Input): string | null {
  return 'user' in input && input.user ? input.user : null;
}

function planContext(cx: CommandContext, user: string | null, finishedJob?: string): PlanContext {
  return { now: cx.uow.now, user, newId: randomUUID, finishedJob };
}

/** Feeds `input` to an existing instance, then carries out every follow-up. */
export async function runInput(cx: CommandContext, instanceId: string, input: Input, options: InputOptions = {}): Promise<StepOutcome> {
  const { followUps, ...outcome } = await stepInstance(cx, instanceId, input, options);
  await settle(cx, carryOut(followUps), followUps.length > 0);
  return outcome;
}

async function stepInstance(cx: CommandContext, instanceId: string, input: Input, options: InputOptions = {}): Promise<Stepped> {
  const row = options.read ?? (await cx.uow.instanceForStep(instanceId, options.known));
  if (!row) throw new NotFound(text('instance.not-found'));
  const model = await cx.deps.models.get(cx.uow.db, row.definition_id);
  const result = await runStep(cx, row.tenant_id, row.definition_id, model, row.snapshot, input);
  const ended = result.state.status !== 'active' ? (row.ended_at ?? cx.uow.now) : null;
  const after: InstanceRow = result.ignored ? row : {
    ...row, snapshot: result.state, state: result.state.status, version: row.version + 1, ended_at: ended,
    ...(options.retarget ? { definition_id: options.retarget.definitionId, process_version: options.retarget.version } : {}),
  };
  const planned = planStep(row, after, result, planContext(cx, inputUser(input), options.finishedJob));
  await cx.uow.write([...(options.with ?? []), ...(options.take ? takeOpenedJob(planned, instanceId, options.take, cx.uow.now) : planned)]);
  // Follow-ups read other instances and subscriptions: they must see this step's writes.
  await cx.uow.stepEnded();
  if (result.ignored) return { instanceId, state: row.snapshot, ignored: result.ignored, followUps: [] };
  return { instanceId, state: result.state, followUps: followUpsOf(infoOf(after), result.effects) };
}

export interface StartOptions {
  instanceId?: string;
  startEventId?: string;
  variables?: Variables;
  businessKey?: string | null;
  parent?: ParentRef;
  startedBy?: string | null;
  /** The start form version the variables were checked against (process_instance.start_form_ref). */
  startFormRef?: string | null;
}

/** Starts an instance of `def` (no lock needed: the row is new) and carries out its follow-ups. */
export async function startNew(cx: CommandContext, def: DefinitionHead, opts: StartOptions, also: RowOp[] = []): Promise<StepOutcome> {
  const { followUps, ...outcome } = await startOnly(cx, def, opts, also);
  await settle(cx, carryOut(followUps), followUps.length > 0);
  return outcome;
}

async function startOnly(cx: CommandContext, def: DefinitionHead, opts: StartOptions, also: RowOp[] = []): Promise<Stepped> {
  const instanceId = opts.instanceId ?? randomUUID();
  const model = await cx.deps.models.get(cx.uow.db, def.id);
  // A case started without a business key gets the next registration number of its process (if it has a format).
  const businessKey = opts.businessKey || (opts.parent ? null : await takeRegistrationNumber(cx, def, model));
  const input: Input = {
    type: 'instance.start', instanceId, processId: def.key, startEventId: opts.startEventId, variables: opts.variables ?? {},
    businessKey: businessKey ?? undefined, parent: opts.parent,
  };
  const result = await runStep(cx, def.tenant_id, def.id, model, null, input);
  const row: InstanceRow = {
    id: instanceId, tenant_id: def.tenant_id, definition_id: def.id, process_key: def.key, process_version: def.version, start_form_ref: opts.startFormRef ?? null,
    business_key: businessKey, state: result.state.status, snapshot: result.state, version: 1,
    parent_instance_id: opts.parent?.instanceId ?? null, started_by: opts.startedBy ?? null, started_at: cx.uow.now,
    ended_at: result.state.status !== 'active' ? cx.uow.now : null,
  };
  await cx.uow.write([...also, ...planStep(null, row, result, planContext(cx, opts.startedBy ?? null))]);
  await cx.uow.stepEnded();
  return { instanceId, state: result.state, followUps: followUpsOf(infoOf(row), result.effects) };
}

/** A message from outside (the API): correlates and works off what follows; returns the instance that took it. */
export async function publishMessage(cx: CommandContext, tenant: string, name: string, correlationKey: string | null, variables: Variables): Promise<string | undefined> {
  return settle(cx, publishFollowUp(tenant, name, correlationKey, variables), true);
}

/**
 * Runs a follow-up procedure (engine/host/follow-ups.ts) in this unit of work, answering its
 * questions from the database. Follow-ups read other instances after this step's writes: that
 * takes a transaction.
 */
async function settle<T>(cx: CommandContext, work: HostWork<T>, hasWork: boolean): Promise<T> {
  if (hasWork) cx.uow.needsTransaction('follow-ups in other instances');
  try {
    return await driveAsync(work, (request) => answer(cx, request), { ...DEFAULT_BUDGETS, ...cx.deps.budgets }.maxFollowUps);
  } catch (err) {
    // Thrown inside the unit of work: everything the input did is undone with it.
    if (err instanceof FollowUpLimit) throw new FollowUpsExceeded(err.max);
    throw err;
  }
}

async function answer(cx: CommandContext, request: HostRequest): Promise<StepAnswer | StartAnswer | Waiting[] | StartEvent[]> {
  const db = cx.uow.db;
  switch (request.ask) {
    case 'step':
      try {
        return await stepInstance(cx, request.instanceId, request.input);
      } catch (err) {
        if (err instanceof NotFound) return { gone: true, followUps: [] }; // A child or parent that is gone has nothing left to hear.
        throw err;
      }
    case 'start': {
      const def = await latestDefinition(db, request.tenant, request.processKey);
      // A suspended process starts nothing: a call to it fails as one to an undeployed process.
      if (!def || def.suspended_at) return { followUps: [] };
      return startOnly(cx, def, { instanceId: request.instanceId, startEventId: request.startEventId, variables: request.variables, businessKey: request.businessKey ?? null, parent: request.parent });
    }
    case 'messageSubscriptions':
      return (await findMessageSubscriptions(db, request.tenant, request.name, request.correlationKey)).map((s) => ({ instanceId: s.instance_id, key: s.key }));
    case 'signalSubscriptions':
      return (await findSignalSubscriptions(db, request.tenant, request.name)).map((s) => ({ instanceId: s.instance_id, key: s.key }));
    case 'startEvents': {
      const out: StartEvent[] = [];
      for (const def of await latestDefinitions(db, request.tenant)) {
        if (def.suspended_at) continue;
        const model = await cx.deps.models.get(db, def.id);
        for (const startEventId of startEventsNamed(model, request.kind, request.name)) out.push({ processKey: def.key, startEventId });
      }
      return out.sort((a, b) => (a.processKey < b.processKey ? -1 : a.processKey > b.processKey ? 1 : 0));
    }
  }
}

/**
 * One step of `tenant`'s instance with the budgets in force (README, "Budgets"): through the step
 * threads when the engine has them (steps/pool.ts), else here with the engine's FEEL evaluator.
 */
async function runStep(cx: CommandContext, tenant: string, definitionId: string, model: ProcessModel, state: InstanceState | null, input: Input): Promise<StepResult> {
  const calendar = await tenantCalendar(cx, cx.uow.db, tenant);
  const budgets = { ...DEFAULT_BUDGETS, ...cx.deps.budgets };
  const env: StepSettings = {
    calendar: calendar.data, maxActivations: budgets.stepMaxElements, maxMultiInstanceItems: budgets.maxMultiInstanceItems,
    maxCallDepth: budgets.maxCallDepth, minCycleMs: minCycleMs(cx.deps), stepTimeoutMs: budgets.stepTimeoutMs,
  };
  const now = cx.uow.now.toISOString();
  if (cx.deps.steps) return cx.deps.steps.run(tenant, definitionId, model, state, input, now, env);
  const until = performance.now() + env.stepTimeoutMs;
  return step(model, state, input, now, { ...env, feel: cx.deps.feel, timeBudget: { ms: env.stepTimeoutMs, exceeded: () => performance.now() > until } });
}
