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
import { latestDefinition } from '../store/definitions.js';
import { applyEffects } from './apply-effects.js';
import { NeedsTransaction } from '../store/write-batch.js';
import type { InstanceInfo, TxContext } from './context.js';
import { NotFound } from './errors.js';
import { correlateMessage, broadcastSignal } from './correlate.js';
import { takeRegistrationNumber } from './starting.js';

export interface StepOutcome {
  instanceId: string;
  state: InstanceState;
  /** Why the input did not apply (late or repeated); recorded in the history, nothing else changed. */
  ignored?: string;
}

/** At most this many follow-ups per input: a signal ping-pong between processes must end. */
const MAX_FOLLOW_UPS = 1000;

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
  const outcome = await stepInstance(tx, instanceId, input, options);
  await drainFollowUps(tx);
  return outcome;
}

async function stepInstance(tx: TxContext, instanceId: string, input: Input, { locked, finishedJob }: InputOptions = {}): Promise<StepOutcome> {
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
    return { instanceId, state: row.snapshot, ignored: result.ignored };
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
  return { instanceId, state: result.state };
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
  const outcome = await startInstanceOnly(tx, def, opts);
  await drainFollowUps(tx);
  return outcome;
}

async function startInstanceOnly(tx: TxContext, def: DefinitionHead, opts: StartOptions): Promise<StepOutcome> {
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
  return { instanceId, state: result.state };
}

/** Works off queued follow-ups in order until none are left (bounded). */
async function drainFollowUps(tx: TxContext): Promise<void> {
  // Follow-ups read other instances after this step's writes: that takes a transaction.
  if (tx.optimistic && tx.follow.length) throw new NeedsTransaction('follow-ups in other instances');
  for (let done = 0; tx.follow.length > 0; done++) {
    if (done >= MAX_FOLLOW_UPS) throw new Error(`more than ${MAX_FOLLOW_UPS} follow-ups for one input (a message or signal loop?)`);
    const next = tx.follow.shift()!;
    switch (next.kind) {
      case 'input':
        await stepInstance(tx, next.instanceId, next.input).catch((err) => {
          if (err instanceof NotFound) return; // A child or parent that is gone has nothing left to tell.
          throw err;
        });
        break;
      case 'start': {
        const def = await latestDefinition(tx.trx, next.tenant, next.processKey);
        if (!def) {
          tx.follow.push({ kind: 'input', instanceId: next.parent.instanceId, input: { type: 'call.fail', key: next.parent.key, message: `process ${next.processKey} is not deployed` } });
          break;
        }
        await startInstanceOnly(tx, def, { instanceId: next.instanceId, variables: next.variables, parent: next.parent });
        break;
      }
      case 'message':
        await correlateMessage(tx, next.tenant, next.name, next.correlationKey, next.variables, (id, input) => stepInstance(tx, id, input), (def, opts) => startInstanceOnly(tx, def, opts));
        break;
      case 'signal':
        await broadcastSignal(tx, next.tenant, next.name, next.variables, next.except, (id, input) => stepInstance(tx, id, input), (def, opts) => startInstanceOnly(tx, def, opts));
        break;
    }
  }
}

/** Public entry for a message from outside (API): correlates and drains; returns the instance that took it. */
export async function publishMessage(tx: TxContext, tenant: string, name: string, correlationKey: string | null, variables: Variables): Promise<string | undefined> {
  const id = await correlateMessage(tx, tenant, name, correlationKey, variables, (i, input) => stepInstance(tx, i, input), (def, opts) => startInstanceOnly(tx, def, opts));
  await drainFollowUps(tx);
  return id;
}

/** Public entry for a signal from outside; returns how many instances took or started from it. */
export async function publishSignal(tx: TxContext, tenant: string, name: string, variables: Variables): Promise<number> {
  const n = await broadcastSignal(tx, tenant, name, variables, '', (i, input) => stepInstance(tx, i, input), (def, opts) => startInstanceOnly(tx, def, opts));
  await drainFollowUps(tx);
  return n;
}
