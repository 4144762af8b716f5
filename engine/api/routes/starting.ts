/**
 * Starting a case: what the caller may start (`GET /api/startable-processes`) and the start form
 * to fill (`GET /api/process-definitions/{id}/start-form`). The start itself is
 * `POST /api/process-instances` (routes/instances.ts); who may start and the form's rules are
 * decided in service/starting.ts, which both use.
 */
import type { Routes } from '../route.js';
import type { AppDeps } from '../deps.js';
import { latestForm } from '../../store/definitions.js';
import { tenantOf } from '../../service/actor.js';
import { Forbidden, NotFound } from '../../service/errors.js';
import { mayStart, notAStarter } from '../../service/starting.js';
import { text } from '../../messages/index.js';
import { startableProcesses } from '../../service/startable.js';
import { checkId, paging } from '../validation.js';

export function startingRoutes(r: Routes, deps: AppDeps): void {
  const knex = deps.engine.deps.knex;

  r.add({ method: 'get', path: '/api/startable-processes', tag: 'instances', summary: 'The latest version of every process the caller may start: { items: [{ processKey, name, version, definitionId, startFormId, registrationNumber }] }', query: [
    { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } }, { name: 'offset', schema: { type: 'integer', minimum: 0, default: 0 } },
  ] }, async ({ req, actor }) => {
    const page = paging(req.query as Record<string, unknown>);
    const all = await startableProcesses(knex, tenantOf(actor), actor);
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  });

  r.add({ method: 'get', path: '/api/process-definitions/:id/start-form', tag: 'instances', summary: 'The start form a start of this definition is checked against (the latest version of its formId): { id, formId, version, schema }; 403 for who may not start it, 404 without one' },
    async ({ req, actor }) => {
      const def = await deps.engine.definition(actor, checkId(req.params.id, 'process definition'));
      if (!mayStart(actor, def.model.starters)) throw new Forbidden(notAStarter(def.key, def.model.starters!));
      const formId = def.model.startFormId;
      if (!formId) throw new NotFound(text('start.no-start-form', { process: def.key, version: def.version }));
      const form = await latestForm(knex, def.tenant_id, formId);
      if (!form) throw new NotFound(text('start.form-not-deployed', { form: formId, process: def.key }));
      return { id: form.id, formId: form.form_id, version: form.version, schema: form.schema };
    });
}
