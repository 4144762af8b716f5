/** Starting, reading, listing and cancelling process instances, and their history. */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { startBody, variablesBody, modifyBody, migrateBody } from '../schemas.js';
import type { Actor } from '../../service/actor.js';
import { NotFound } from '../../service/errors.js';
import { text } from '../../messages/index.js';
import { checkId, PAGING, DATE_OR_TIME } from '../validation.js';
import { instanceSummary, instanceView, historyView, taskView, documentView } from '../views.js';
import { SLA_STATES, type SlaState } from '../../core/index.js';
import type { Variables } from '../../core/index.js';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /api/process-instances's parameters after checking. */
interface InstanceListQuery {
  processKey?: string; businessKey?: string; state?: string; version?: number; processDefinitionId?: string; elementId?: string; hasIncident?: boolean;
  startedAfter?: string; startedBefore?: string; q?: string; slaState?: SlaState; limit: number; offset: number;
}

export function instanceRoutes(r: Routes, deps: RouteDeps): void {
  const { reads } = deps;
  const caseId = (raw: unknown) => checkId(raw, 'process instance');
  /** A readable case with its open incidents and service standard, as the API shows it. */
  const view = async (actor: Actor, id: string) => {
    const { row, incidents } = await reads.instanceWithIncidents(actor, id);
    return instanceView(row, incidents, await reads.sla(row.tenant_id));
  };

  r.add<{ processKey: string; version?: number; businessKey?: string; variables?: Variables }>({ method: 'post', path: '/api/process-instances', tag: 'instances', summary: 'Start an instance (latest version unless `version`); the answer lists the user tasks it opened that the caller may work', body: startBody, responses: { 201: 'started' } },
    async ({ actor, body, res }) => {
      const outcome = await deps.engine.startInstance(actor, body);
      res.status(201);
      // `tasks`: the user tasks the start opened that the caller may work, so a caller who starts
      // a case and fills its first form needs no second request to find it.
      const days = await reads.daysLeft(outcome.row.tenant_id);
      return { ...instanceView(outcome.row, outcome.incidents, await reads.sla(outcome.row.tenant_id)), tasks: outcome.tasks.map((t) => taskView(t, undefined, days)) };
    });

  r.add({ method: 'get', path: '/api/process-instances', tag: 'instances', summary: 'List and search instances, newest first', query: [
    { name: 'processKey', schema: { type: 'string' } }, { name: 'state', schema: { enum: ['active', 'completed', 'terminated', 'cancelled', 'failed'] } },
    { name: 'businessKey', schema: { type: 'string' } },
    { name: 'version', schema: { type: 'integer', minimum: 1, maximum: 1_000_000 } }, { name: 'processDefinitionId', schema: { type: 'string' }, description: 'A definition id (UUID); a malformed one matches nothing.' },
    { name: 'elementId', schema: { type: 'string' } }, { name: 'hasIncident', schema: { type: 'boolean' } },
    { name: 'startedAfter', schema: DATE_OR_TIME }, { name: 'startedBefore', schema: DATE_OR_TIME },
    { name: 'q', schema: { type: 'string' } }, { name: 'slaState', schema: { enum: [...SLA_STATES] } },
    ...PAGING,
  ] }, async ({ actor, query: q }: Ctx<unknown, InstanceListQuery>) => {
    const definitionId = q.processDefinitionId;
    // A malformed definition id matches nothing, like an unknown one.
    if (definitionId !== undefined && !UUID_SHAPE.test(definitionId)) return { items: [], total: 0 };
    const page = await reads.instances(actor, {
      processKey: q.processKey, businessKey: q.businessKey, state: q.state, version: q.version, definitionId, elementId: q.elementId, hasIncident: q.hasIncident,
      startedAfter: q.startedAfter ? new Date(q.startedAfter) : undefined, startedBefore: q.startedBefore ? new Date(q.startedBefore) : undefined, q: q.q,
    }, q.slaState, { limit: q.limit, offset: q.offset });
    const sla = await reads.sla(page.tenant);
    return { items: page.items.map((i) => instanceSummary(i, sla)), total: page.total };
  });

  r.add({ method: 'get', path: '/api/process-instances/:id', tag: 'instances', summary: 'One instance with variables, active elements and open incidents' },
    async ({ req, actor }) => {
      return view(actor, caseId(req.params.id));
    });

  r.add({ method: 'get', path: '/api/process-instances/:id/history', tag: 'instances', summary: 'What happened, in order' },
    async ({ req, actor }) => {
      const { rows, names } = await reads.history(actor, caseId(req.params.id));
      const items = rows.map((h) => historyView(h, names));
      return { items, total: items.length };
    });

  r.add({ method: 'get', path: '/api/process-instances/:id/data', tag: 'instances', summary: 'Data permohonan: the start form with the case\'s values, and what earlier tasks added, labelled by their forms ({ start, steps, truncated })' },
    async ({ req, actor }) => reads.caseData(actor, caseId(req.params.id)));

  r.add({ method: 'get', path: '/api/process-instances/:id/documents', tag: 'instances', summary: 'The documents attached to the case, with the field and task that attached them and who uploaded them when' },
    async ({ req, actor }) => {
      const { rows, names } = await reads.caseDocuments(actor, caseId(req.params.id));
      const items = rows.map((d) => documentView(d, names));
      return { items, total: items.length };
    });

  r.add({ method: 'post', path: '/api/process-instances/:id/cancel', tag: 'instances', summary: 'Cancel an active instance (analyst or admin); a finished one → 409' },
    async ({ req, actor }) => {
      const id = checkId(req.params.id, 'process instance');
      await deps.engine.cancelInstance(actor, id);
      return view(actor, id);
    });

  r.add<{ variables: Variables; reason?: string }>({ method: 'patch', path: '/api/process-instances/:id/variables', tag: 'instances', summary: 'Change process variables with a reason (analyst or admin); history variables.changed names the user, the variables and their old and new values', body: variablesBody },
    async ({ req, actor, body }) => {
      const id = checkId(req.params.id, 'process instance');
      await deps.engine.setVariables(actor, id, body.variables, body.reason);
      return view(actor, id);
    });

  r.add<{ terminate?: { elementId?: string; elementInstanceKey?: number }[]; activate?: { elementId: string; variables?: Variables; ancestorKey?: number }[] }>({
    method: 'post', path: '/api/process-instances/:id/modify', tag: 'instances', body: modifyBody,
    summary: 'Terminate the active instances of elements and activate others (analyst or admin); 400 naming each element that cannot be, and nothing changes; history instance.modified',
  }, async ({ req, actor, body }) => {
    const id = checkId(req.params.id, 'process instance');
    await deps.engine.modifyInstance(actor, id, body);
    return view(actor, id);
  });

  r.add<{ targetDefinitionId: string; mappings: { source: string; target: string }[] }>({
    method: 'post', path: '/api/process-instances/:id/migrate', tag: 'instances', body: migrateBody,
    query: [{ name: 'dryRun', schema: { type: 'boolean', default: false } }],
    summary: 'Move the case to another version of its process with an element mapping (analyst or admin) → { migrated, errors: [] }; 400 naming each element that cannot be mapped; dryRun=true checks only',
  }, async ({ req, actor, body, query }) => {
    const id = checkId(req.params.id, 'process instance');
    const dryRun = query.dryRun === true;
    // A malformed definition id is as unknown as a missing one.
    if (!UUID_SHAPE.test(body.targetDefinitionId)) throw new NotFound(text('definition.not-found', { id: body.targetDefinitionId.slice(0, 80) }));
    return deps.engine.migrateInstance(actor, id, body, dryRun);
  });
}
