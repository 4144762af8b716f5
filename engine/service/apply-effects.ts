/**
 * Carries out a step's effects inside its transaction: projections (user tasks, jobs, timers,
 * subscriptions, incidents) are written here; work for other instances is a follow-up, which the
 * runtime carries out (engine/host/follow-ups.ts). Every applier is idempotent per instance+key, so a replayed step changes nothing.
 * Writes go to the transaction's write batch, which the step flushes as one statement.
 */
import { randomUUID } from 'node:crypto';
import type { Effect } from '../core/index.js';
import { insertTask, closeTask, type TaskRow } from '../store/tasks.js';
import { insertJob, cancelJob, jobEffectId } from '../store/jobs.js';
import { upsertTimer, deleteTimer } from '../store/timers.js';
import { insertMessageSubscription, deleteMessageSubscription, insertSignalSubscription, deleteSignalSubscription } from '../store/subscriptions.js';
import { openIncident, resolveIncident } from '../store/incidents.js';
import type { InstanceInfo, TxContext } from './context.js';
import { cleanUpEndedInstance } from '../store/clean-up.js';
import { Conflict } from './errors.js';

/**
 * `finishedJob`: the job row the step's input finishes in the same statement (Engine.finishJob).
 * The end-of-instance clean-up leaves that row, and the rows of the keys the effects write, to
 * those writes, so no two parts of the step's statement touch one row.
 */
export async function applyEffects(tx: TxContext, inst: InstanceInfo, effects: Effect[], user: string | null, finishedJob?: string): Promise<void> {
  const keys = effects.flatMap((e) => ('key' in e && typeof e.key === 'number' ? [e.key] : []));
  for (const effect of effects) await applyEffect(tx, inst, effect, user, keys, finishedJob);
}

function dateOrNull(text: string | undefined): Date | null {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

async function applyEffect(tx: TxContext, inst: InstanceInfo, effect: Effect, user: string | null, stepKeys: number[], finishedJob: string | undefined): Promise<void> {
  const { trx, now } = tx;
  // Every projection row belongs to instance+key: writes for different keys never touch one row.
  const rows = 'key' in effect ? `${inst.id}|${String(effect.key)}` : undefined;
  switch (effect.type) {
    case 'task.open': {
      const row: TaskRow = {
        id: randomUUID(), tenant_id: inst.tenant, instance_id: inst.id, key: effect.key, element_id: effect.task.elementId,
        name: effect.task.name ?? null, process_key: inst.processKey, business_key: inst.businessKey,
        assignee: effect.task.assignee || null, candidate_groups: effect.task.candidateGroups ?? [], candidate_users: effect.task.candidateUsers ?? [],
        due_at: dateOrNull(effect.task.dueDate), follow_up_at: dateOrNull(effect.task.followUpDate), priority: effect.task.priority ?? 50,
        form_id: effect.task.formId ?? null, state: 'open', created_at: now, completed_at: null, completed_by: null,
      };
      tx.tasks.set(`${inst.id}|${effect.key}`, row);
      await tx.writes.add('user_task', insertTask(trx, row), { insert: true, rows });
      return;
    }
    case 'task.close':
      tx.tasks.delete(`${inst.id}|${effect.key}`);
      await tx.writes.add('user_task', closeTask(trx, inst.id, effect.key, effect.reason, now, user), {
        rows,
        // Completed by a person: someone else claimed it meanwhile when no row changes.
        expectOne: effect.reason === 'completed' && user !== null ? { what: `task ${effect.key} open and not claimed by another`, fails: () => new Conflict('the task was claimed by someone else meanwhile') } : undefined,
      });
      return;
    case 'job.enqueue':
      // Variables stay in the snapshot: the handler reads them at run time (no personal data in the outbox).
      await tx.writes.add('job', insertJob(trx, {
        id: randomUUID(), effect_id: jobEffectId(inst.id, effect.key, effect.attempt), tenant_id: inst.tenant, instance_id: inst.id, key: effect.key,
        element_id: effect.elementId, type: effect.jobType, retries: effect.retries, payload: { headers: effect.headers },
        due_at: new Date(now.getTime() + (effect.delayMs ?? 0)), attempts: 0, locked_until: null, state: 'ready', last_error: null, created_at: now,
      }), { insert: true, rows });
      tx.wake = true;
      return;
    case 'job.cancel':
      await tx.writes.add('job', cancelJob(trx, inst.id, effect.key), { rows });
      return;
    case 'timer.schedule':
      await tx.writes.add('timer', upsertTimer(trx, { id: randomUUID(), tenant_id: inst.tenant, instance_id: inst.id, key: effect.key, definition_id: null, element_id: effect.elementId, due_at: new Date(effect.dueAt), repeat: null }), { rows });
      tx.wake = true;
      return;
    case 'timer.cancel':
      await tx.writes.add('timer', deleteTimer(trx, inst.id, effect.key), { rows });
      return;
    case 'message.subscribe':
      await tx.writes.add('message_subscription', insertMessageSubscription(trx, { tenant_id: inst.tenant, name: effect.name, correlation_key: effect.correlationKey ?? null, instance_id: inst.id, key: effect.key, element_id: effect.elementId, created_at: now }), { insert: true, rows });
      return;
    case 'message.unsubscribe':
      await tx.writes.add('message_subscription', deleteMessageSubscription(trx, inst.id, effect.key), { rows });
      return;
    case 'signal.subscribe':
      await tx.writes.add('signal_subscription', insertSignalSubscription(trx, { tenant_id: inst.tenant, name: effect.name, instance_id: inst.id, key: effect.key, element_id: effect.elementId }), { insert: true, rows });
      return;
    case 'signal.unsubscribe':
      await tx.writes.add('signal_subscription', deleteSignalSubscription(trx, inst.id, effect.key), { rows });
      return;
    case 'incident.open': {
      const row = { id: randomUUID(), tenant_id: inst.tenant, instance_id: inst.id, key: effect.key, element_id: effect.elementId, type: effect.incidentType, message: effect.message, state: 'open' as const, created_at: now, resolved_at: null };
      tx.incidents.set(`${inst.id}|${effect.key}`, row);
      await tx.writes.add('incident', openIncident(trx, row), { rows });
      return;
    }
    case 'message.publish':
    case 'signal.broadcast':
    case 'call.start':
    case 'call.cancel':
    case 'call.escalate':
      return; // Work for other instances: follow-ups (engine/host/follow-ups.ts), carried out by the runtime.
    case 'incident.close':
      tx.incidents.delete(`${inst.id}|${effect.key}`);
      await tx.writes.add('incident', resolveIncident(trx, inst.id, effect.key, now), { rows });
      return;
    case 'instance.ended':
      for (const [table, query] of cleanUpEndedInstance(trx, inst.id, now, stepKeys, finishedJob)) await tx.writes.add(table, query, { disjoint: true });
      return;
  }
}
