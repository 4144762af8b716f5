/**
 * Commands on incidents (API.md 1.1): retry the element an incident stopped at, retry many at
 * once (bounded), or close one without re-running anything. Analysts and admins of the tenant.
 */
import { findIncident, listIncidents, type IncidentFilter } from '../store/incidents.js';
import type { CommandRunner } from './context.js';
import { runInput } from './instance-steps.js';
import { type Actor, tenantOf, requireRole } from './actor.js';
import { Conflict, NotFound } from './errors.js';
import { entry, text } from '../messages/index.js';

/** Closes an open incident without re-running anything (API.md 1.1): the case stays where it is until modified or cancelled. */
export async function resolveIncident(engine: CommandRunner, actor: Actor, id: string): Promise<void> {
  const tenant = tenantOf(actor);
  const incident = await findIncident(engine.deps.knex, tenant, id);
  if (!incident) throw new NotFound(text('incident.not-found', { id }));
  requireRole(actor, text('action.resolve-incidents'), 'analyst', 'admin');
  if (incident.state !== 'open') throw new Conflict(text('operating.incident-closed', { id }));
  const outcome = await engine.run('resolveIncident', (cx) => runInput(cx, incident.instance_id, { type: 'incident.dismiss', key: incident.key, user: actor.username }), { oneStatement: true });
  if (outcome.ignored) throw new Conflict(text('operating.incident-closed', { id }));
}

/** Retries the element an incident stopped at (a job: again, with its retries restored). */
export async function retryIncident(engine: CommandRunner, actor: Actor, id: string): Promise<void> {
  const tenant = tenantOf(actor);
  const incident = await findIncident(engine.deps.knex, tenant, id);
  if (!incident) throw new NotFound(text('incident.not-found', { id }));
  requireRole(actor, text('action.retry-incidents'), 'analyst', 'admin');
  if (incident.state !== 'open') throw new Conflict(text('operating.incident-closed', { id }));
  const outcome = await engine.run('retryIncident', async (cx) => {
    const inst = await cx.uow.instanceForStep(incident.instance_id);
    const model = inst && (await cx.deps.models.get(cx.uow.db, inst.definition_id));
    const jobDef = model?.elements[incident.element_id]?.job;
    const retries = jobDef && 'value' in jobDef.retries ? Number(jobDef.retries.value) || 3 : 3;
    return runInput(cx, incident.instance_id, { type: 'incident.resolve', key: incident.key, retries, user: actor.username }, { read: inst });
  }, { oneStatement: true });
  // Ignored by the core: the incident was closed, or its case moved on, meanwhile.
  if (outcome.ignored) throw new Conflict(text('operating.incident-closed', { id }));
}

/**
 * Retries every open incident the filter selects (API.md 1.1, bulk retry), oldest first, at most
 * `limit` (a tenant cannot make one request run unbounded work); each one as `retryIncident`,
 * so one that fails to retry (it was resolved meanwhile) does not stop the rest.
 */
export async function retryIncidents(engine: CommandRunner, actor: Actor, filter: Omit<IncidentFilter, 'state'>, limit: number): Promise<{ retried: string[]; failed: { id: string; message: string }[]; remaining: number }> {
  const tenant = tenantOf(actor);
  requireRole(actor, text('action.retry-incidents'), 'analyst', 'admin');
  const page = await listIncidents(engine.deps.knex, tenant, { ...filter, state: 'open' }, { limit, offset: 0 });
  const retried: string[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const incident of page.items) {
    try {
      await retryIncident(engine, actor, incident.id);
      retried.push(incident.id);
    } catch (err) {
      if (!(err instanceof Conflict || err instanceof NotFound)) throw err;
      // The reason as catalog text: the answer is written in the reader's language (route.ts localizes it).
      failed.push(err.text ? entry({ id: incident.id }, err.text) : { id: incident.id, message: err.message });
    }
  }
  return { retried, failed, remaining: Math.max(0, page.total - page.items.length) };
}
