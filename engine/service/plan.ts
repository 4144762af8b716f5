/**
 * The write plan of a step: one pure function from what the core decided (the new snapshot, its
 * history, its effects) to the row operations that record it (engine/store/row-ops.ts). Nothing
 * here reads, writes or waits; ids come from `newId` and time from `now`, so a plan can be checked
 * in a spec without a database. What a step asks of other instances (called processes, messages,
 * signals) is not a row: it is a follow-up (engine/host/follow-ups.ts), planned beside.
 *
 * Adding an effect: its case in `effectOps` (the rows it writes), the memory host's case in
 * engine/memory/engine.ts, and a host conformance case (test/hosts/cases.ts).
 */
import type { Effect, HistoryEntry, StepResult } from '../core/index.js';
import type { RowOp } from '../store/row-ops.js';
import type { InstanceRow } from '../store/instances.js';
import type { HistoryRow } from '../store/history.js';
import { jobEffectId } from '../store/jobs.js';

/** The instance a step belongs to, as its rows need it. */
export interface InstanceInfo {
  id: string;
  tenant: string;
  processKey: string;
  businessKey: string | null;
}

export interface PlanContext {
  now: Date;
  /** The person whose input this step is (null for the runner's inputs). */
  user: string | null;
  newId: () => string;
  /** The job row this step's input finishes in the same work (a job outcome): the end-of-instance clean-up spares it. */
  finishedJob?: string;
}

/** Entries that record the acting person's own deed; the rest of a step (flows, gateways) names nobody. */
const DEEDS = new Set(['instance.started', 'instance.cancelled', 'task.completed', 'incident.resolved', 'input.ignored', 'message.correlated', 'variables.changed', 'instance.modified', 'instance.migrated']);

export function infoOf(row: InstanceRow): InstanceInfo {
  return { id: row.id, tenant: row.tenant_id, processKey: row.process_key, businessKey: row.business_key };
}

/** History rows of `entries`, at `at`; the acting user is named on their own deeds. */
export function historyRows(inst: InstanceInfo, entries: readonly HistoryEntry[], at: Date, user: string | null): HistoryRow[] {
  return entries.map((h) => ({
    tenant_id: inst.tenant, instance_id: inst.id, at, type: h.type, element_id: h.elementId ?? null,
    username: h.user ?? (DEEDS.has(h.type) ? user : null), data: h.data ?? (h.key !== undefined ? { key: h.key } : null),
  }));
}

/**
 * The rows of a step of `before` (null: the step that starts the instance `after`). `after` is the
 * instance row as the step leaves it (the caller builds it from the result). An ignored input
 * writes its history entry only.
 */
export function planStep(before: InstanceRow | null, after: InstanceRow, result: StepResult, ctx: PlanContext): RowOp[] {
  const inst = infoOf(after);
  const history = historyRows(inst, result.history, ctx.now, ctx.user);
  if (result.ignored) return history.length ? [{ type: 'history.insert', rows: history }] : [];
  const completed = completedElements(after, result.history);
  return [
    before ? { type: 'instance.update', row: after, completed } : { type: 'instance.insert', row: after, completed },
    ...(history.length ? [{ type: 'history.insert' as const, rows: history }] : []),
    ...effectOps(inst, result.effects, ctx),
  ];
}

/** The elements a step completed (the process itself aside): process_instance.completed_elements grows by them. */
export function completedElements(row: InstanceRow, entries: readonly HistoryEntry[]): string[] {
  const ids = new Set<string>();
  for (const h of entries) if (h.type === 'element.completed' && h.elementId && h.elementId !== row.snapshot.processId) ids.add(h.elementId);
  return [...ids];
}

function dateOrNull(text: string | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The rows of a step's effects; every projection row belongs to instance + key, so a replay changes nothing. */
export function effectOps(inst: InstanceInfo, effects: readonly Effect[], ctx: PlanContext): RowOp[] {
  const { now } = ctx;
  const keys = effects.flatMap((e) => ('key' in e && typeof e.key === 'number' ? [e.key] : []));
  const ops: RowOp[] = [];
  for (const e of effects) {
    switch (e.type) {
      case 'task.open':
        ops.push({ type: 'task.insert', row: {
          id: ctx.newId(), tenant_id: inst.tenant, instance_id: inst.id, key: e.key, element_id: e.task.elementId,
          name: e.task.name ?? null, process_key: inst.processKey, business_key: inst.businessKey,
          assignee: e.task.assignee || null, candidate_groups: e.task.candidateGroups ?? [], candidate_users: e.task.candidateUsers ?? [],
          due_at: dateOrNull(e.task.dueDate), follow_up_at: dateOrNull(e.task.followUpDate), priority: e.task.priority ?? 50,
          ...(e.task.dueBy ? { due_from: e.task.dueBy.from, due_working_days: e.task.dueBy.n } : {}),
          form_id: e.task.formId ?? null, state: 'open', created_at: now, completed_at: null, completed_by: null,
        } });
        break;
      case 'task.close':
        ops.push({ type: 'task.close', instanceId: inst.id, key: e.key, state: e.reason, at: now, by: ctx.user });
        break;
      case 'task.due':
        ops.push({ type: 'task.reschedule', instanceId: inst.id, key: e.key, dueAt: new Date(e.dueAt) });
        break;
      case 'job.enqueue':
        // Variables stay in the snapshot: the handler reads them at run time (no personal data in the job row).
        ops.push({ type: 'job.insert', row: {
          id: ctx.newId(), effect_id: jobEffectId(inst.id, e.key, e.attempt), tenant_id: inst.tenant, instance_id: inst.id, key: e.key,
          element_id: e.elementId, type: e.jobType, retries: e.retries, payload: { headers: e.headers },
          due_at: new Date(now.getTime() + (e.delayMs ?? 0)), attempts: 0, locked_until: null, state: 'ready', last_error: null, created_at: now,
        } });
        break;
      case 'job.cancel':
        ops.push({ type: 'job.cancel', instanceId: inst.id, key: e.key });
        break;
      case 'timer.schedule':
        ops.push({ type: 'timer.upsert', row: { id: ctx.newId(), tenant_id: inst.tenant, instance_id: inst.id, key: e.key, definition_id: null, element_id: e.elementId, due_at: new Date(e.dueAt), repeat: null, ...(e.workingDays ? { working_days: true } : {}) } });
        break;
      case 'timer.cancel':
        ops.push({ type: 'timer.delete', instanceId: inst.id, key: e.key });
        break;
      case 'message.subscribe':
        ops.push({ type: 'message-subscription.insert', row: { tenant_id: inst.tenant, name: e.name, correlation_key: e.correlationKey ?? null, instance_id: inst.id, key: e.key, element_id: e.elementId, created_at: now } });
        break;
      case 'message.unsubscribe':
        ops.push({ type: 'message-subscription.delete', instanceId: inst.id, key: e.key });
        break;
      case 'signal.subscribe':
        ops.push({ type: 'signal-subscription.insert', row: { tenant_id: inst.tenant, name: e.name, instance_id: inst.id, key: e.key, element_id: e.elementId } });
        break;
      case 'signal.unsubscribe':
        ops.push({ type: 'signal-subscription.delete', instanceId: inst.id, key: e.key });
        break;
      case 'incident.open':
        ops.push({ type: 'incident.open', row: { id: ctx.newId(), tenant_id: inst.tenant, instance_id: inst.id, key: e.key, element_id: e.elementId, type: e.incidentType, message: e.message, params: e.params ?? null, state: 'open', created_at: now, resolved_at: null } });
        break;
      case 'incident.close':
        ops.push({ type: 'incident.resolve', instanceId: inst.id, key: e.key, at: now });
        break;
      case 'element.migrated':
        ops.push({ type: 'element.migrate', instanceId: inst.id, key: e.key, elementId: e.elementId });
        break;
      case 'instance.ended':
        // Belt to the core's braces: nothing of an ended instance stays waiting. The rows this step
        // writes itself are spared, so no two parts of one statement touch one row.
        ops.push({ type: 'instance.clean-up', instanceId: inst.id, at: now, spareKeys: keys, spareJob: ctx.finishedJob });
        break;
      case 'message.publish':
      case 'signal.broadcast':
      case 'call.start':
      case 'call.cancel':
      case 'call.escalate':
        break; // Work for other instances: follow-ups (engine/host/follow-ups.ts), not rows.
    }
  }
  return ops;
}

/**
 * A queue worker that finishes a job asks to run the next job of its case itself (eager
 * continuation, as Temporal's eager activities do): the job a step opens of the worker's own
 * `type`, due now, is inserted already taken — running, leased to `lockedUntil`, its delivery
 * counted, `payload.chain` naming the queue job whose worker runs it — so it goes to no queue and
 * its take costs no statement (runner/queue/workers.ts). At most one job is taken; any other the
 * step opened is queued as usual.
 */
export interface TakeOpened {
  type: string;
  lockedUntil: Date;
  /** The row id of the queue job whose delivery runs the chain (store/jobs.ts `takeChained`). */
  chain: string;
}

export function takeOpenedJob(ops: RowOp[], instanceId: string, take: TakeOpened, now: Date): RowOp[] {
  const i = ops.findIndex((op) => op.type === 'job.insert' && op.row.instance_id === instanceId && op.row.type === take.type && op.row.state === 'ready' && op.row.due_at.getTime() <= now.getTime());
  if (i < 0) return ops;
  const op = ops[i] as Extract<RowOp, { type: 'job.insert' }>;
  const taken: RowOp = { type: 'job.insert', row: { ...op.row, state: 'running', attempts: 1, locked_until: take.lockedUntil, payload: { ...op.row.payload, chain: take.chain } } };
  return [...ops.slice(0, i), taken, ...ops.slice(i + 1)];
}
