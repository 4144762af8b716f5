/**
 * The heart of the durable engine: feeds one input to one instance inside the caller's
 * transaction — lock the row (SELECT … FOR UPDATE, so inputs to one instance serialise; or, for an
 * optimistic command, use the row it read and save only at that version), load the snapshot and
 * the cached model, `step`, save the snapshot with a bumped version, append history, apply effects
 * (all queued in the write batch, one statement per step) — then works off the follow-ups
 * (children, parents, messages, signals) in the same transaction, so a call activity and its child
 * never disagree.
 */
import { randomUUID } from 'node:crypto';
import { step, type Input, type InstanceState, type StepResult, type HistoryEntry, type Variables, type ParentRef } from '../core/index.js';
import { lockInstance, saveInstance, insertInstance, type InstanceRow } from '../store/instances.js';
import { historyInsert, type HistoryRow } from '../store/history.js';
import type { DefinitionHead } from '../store/definitions.js';
import { latestDefinition, latestDefinitions } from '../store/definitions.js';
import { findMessageSubscriptions, findSignalSubscriptions } from '../store/subscriptions.js';
import { applyEffects } from './apply-effects.js';
import { NeedsTransaction } from '../store/write-batch.js';
import type { InstanceInfo, TxContext } from './context.js';
import { NotFound } from './errors.js';
import {
  followUpsOf, carryOut, publishMessage as publishFollowUp, driveAsync, startEventsNamed,
  type FollowUp, type HostRequest, type HostWork, type StepAnswer, type StartAnswer, type Waiting, type StartEvent,
} from '../host/follow-ups.js';
import { takeRegistrationNumber } from './starting.js';

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

/** Entries that record the acting person's own deed; the rest of a step (flows, gateways) names nobody. */
const DEEDS = new Set(['instance.started', 'instance.cancelled', 'task.completed', 'incident.resolved', 'input.ignored', 'message.correlated']);

function historyRows(inst: InstanceInfo, entries: HistoryEntry[], at: Date, user: string | null) {
  return entries.map((h) => ({
    tenant_id: inst.tenant, instance_id: inst.id, at, type: h.type, element_id: h.elementId ?? null,
    username: h.user ?? (DEEDS.has(h.type) ? user : null), data: h.data ?? (h.key !== undefined ? { key: h.key } : null),
  }));
}

function inputUser(input: Input): string | null {
  return 'user' in input && input.user ? input.user : null;
}

export interface InputOptions {
  /** The instance row the caller read (locked in a transaction; as of its version when optimistic). */
  locked?: InstanceRow;
  /** The job row the caller finishes in this step's statement (a job outcome): the clean-up leaves it alone. */
  finishedJob?: string;
}

/**
 * Feeds `input` to an existing instance (locking it, unless the caller passes the row it locked
 * in this transaction) and then every follow-up.
 */
export async function runInput(tx: TxContext, instanceId: string, input: Input, options: InputOptions = {}): Promise<StepOutcome> {
  const { followUps, ...outcome } = await stepInstance(tx, instanceId, input, options);
  await settle(tx, carryOut(followUps), followUps.length > 0);
  return outcome;
}

async function stepInstance(tx: TxContext, instanceId: string, input: Input, { locked, finishedJob }: InputOptions = {}): Promise<Stepped> {
  const row = locked ?? (await lockInstance(tx.trx, instanceId));
  if (!row) throw new NotFound(`process instance ${instanceId} not found`);
  const model = await tx.deps.models.get(tx.trx, row.definition_id);
  const inst: InstanceInfo = { id: row.id, tenant: row.tenant_id, processKey: row.process_key, businessKey: row.business_key };
  const user = inputUser(input);
  const result: StepResult = step(model, row.snapshot, input, tx.now.toISOString(), { feel: tx.deps.feel });
  if (result.ignored) {
    const entries = result.history.length ? result.history : [{ type: 'input.ignored' as const, data: { input: input.type, reason: result.ignored } }];
    await addHistory(tx, historyRows(inst, entries, tx.now, user));
    await tx.writes.flush();
    return { instanceId, state: row.snapshot, ignored: result.ignored, followUps: [] };
  }
  const ended = result.state.status !== 'active' ? (row.ended_at ?? tx.now) : null;
  // Saved at the version it was read with: under the row lock that is a bug guard; for an
  // optimistic command (read without a lock) it is how a concurrent change is noticed.
  await tx.writes.add('process_instance', saveInstance(tx.trx, row.id, row.version, result.state, ended), {
    rows: row.id,
    expectOne: { what: `instance ${row.id} at version ${row.version}`, fails: () => new Error(`instance ${row.id} changed under its lock`) },
  });
  tx.rows.set(row.id, { ...row, snapshot: result.state, state: result.state.status, version: row.version + 1, ended_at: ended });
  await addHistory(tx, historyRows(inst, result.history, tx.now, user));
  await applyEffects(tx, inst, result.effects, user, finishedJob);
  // Follow-ups read other instances and subscriptions: they must see this step's writes.
  await tx.writes.flush();
  return { instanceId, state: result.state, followUps: followUpsOf(inst, result.effects) };
}

/** History rows per insert: 7 bind parameters each, so one insert stays far below a statement's limit (MAX_BINDINGS). */
const HISTORY_CHUNK = 1000;

async function addHistory(tx: TxContext, rows: HistoryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += HISTORY_CHUNK) {
    await tx.writes.add('history', historyInsert(tx.trx, rows.slice(i, i + HISTORY_CHUNK)), { insert: true });
  }
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

/** Starts an instance of `def` (no lock needed: the row is new) and works off its follow-ups. */
export async function startInstance(tx: TxContext, def: DefinitionHead, opts: StartOptions): Promise<StepOutcome> {
  const { followUps, ...outcome } = await startInstanceOnly(tx, def, opts);
  await settle(tx, carryOut(followUps), followUps.length > 0);
  return outcome;
}

async function startInstanceOnly(tx: TxContext, def: DefinitionHead, opts: StartOptions): Promise<Stepped> {
  const instanceId = opts.instanceId ?? randomUUID();
  const model = await tx.deps.models.get(tx.trx, def.id);
  // A case started without a business key gets the next registration number of its process (if it has a format).
  const businessKey = opts.businessKey || (opts.parent ? null : await takeRegistrationNumber(tx, def, model));
  const input: Input = {
    type: 'instance.start', instanceId, processId: def.key, startEventId: opts.startEventId, variables: opts.variables ?? {},
    businessKey: businessKey ?? undefined, parent: opts.parent,
  };
  const result = step(model, null, input, tx.now.toISOString(), { feel: tx.deps.feel });
  const inst: InstanceInfo = { id: instanceId, tenant: def.tenant_id, processKey: def.key, businessKey };
  const row: InstanceRow = {
    id: instanceId, tenant_id: def.tenant_id, definition_id: def.id, process_key: def.key, process_version: def.version, start_form_ref: opts.startFormRef ?? null,
    business_key: businessKey, state: result.state.status, snapshot: result.state, version: 1,
    parent_instance_id: opts.parent?.instanceId ?? null, started_by: opts.startedBy ?? null, started_at: tx.now,
    ended_at: result.state.status !== 'active' ? tx.now : null,
  };
  await tx.writes.add('process_instance', insertInstance(tx.trx, row), { insert: true });
  tx.rows.set(instanceId, row);
  await addHistory(tx, historyRows(inst, result.history, tx.now, opts.startedBy ?? null));
  await applyEffects(tx, inst, result.effects, opts.startedBy ?? null);
  await tx.writes.flush();
  return { instanceId, state: result.state, followUps: followUpsOf(inst, result.effects) };
}

/**
 * Runs a follow-up procedure (engine/host/follow-ups.ts) in this transaction, answering its
 * questions from the database. Follow-ups read other instances after this step's writes: that
 * takes a transaction, so an optimistic command that has some runs again in one.
 */
async function settle<T>(tx: TxContext, work: HostWork<T>, hasWork: boolean): Promise<T> {
  if (tx.optimistic && hasWork) throw new NeedsTransaction('follow-ups in other instances');
  return driveAsync(work, (request) => answer(tx, request));
}

async function answer(tx: TxContext, request: HostRequest): Promise<StepAnswer | StartAnswer | Waiting[] | StartEvent[]> {
  switch (request.ask) {
    case 'step':
      try {
        return await stepInstance(tx, request.instanceId, request.input);
      } catch (err) {
        if (err instanceof NotFound) return { gone: true, followUps: [] }; // A child or parent that is gone has nothing left to hear.
        throw err;
      }
    case 'start': {
      const def = await latestDefinition(tx.trx, request.tenant, request.processKey);
      if (!def) return { followUps: [] };
      return startInstanceOnly(tx, def, { instanceId: request.instanceId, startEventId: request.startEventId, variables: request.variables, businessKey: request.businessKey ?? null, parent: request.parent });
    }
    case 'messageSubscriptions':
      return (await findMessageSubscriptions(tx.trx, request.tenant, request.name, request.correlationKey)).map((s) => ({ instanceId: s.instance_id, key: s.key }));
    case 'signalSubscriptions':
      return (await findSignalSubscriptions(tx.trx, request.tenant, request.name)).map((s) => ({ instanceId: s.instance_id, key: s.key }));
    case 'startEvents': {
      const out: StartEvent[] = [];
      for (const def of await latestDefinitions(tx.trx, request.tenant)) {
        const model = await tx.deps.models.get(tx.trx, def.id);
        for (const startEventId of startEventsNamed(model, request.kind, request.name)) out.push({ processKey: def.key, startEventId });
      }
      return out.sort((a, b) => (a.processKey < b.processKey ? -1 : a.processKey > b.processKey ? 1 : 0));
    }
  }
}

/** Public entry for a message from outside (API): correlates and works off what follows; returns the instance that took it. */
export async function publishMessage(tx: TxContext, tenant: string, name: string, correlationKey: string | null, variables: Variables): Promise<string | undefined> {
  return settle(tx, publishFollowUp(tenant, name, correlationKey, variables), true);
}
