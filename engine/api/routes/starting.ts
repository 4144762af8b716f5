/**
 * Starting a case: what the caller may start (`GET /api/startable-processes`) and the start form
 * to fill (`GET /api/process-definitions/{id}/start-form`). The start itself is
 * `POST /api/process-instances` (routes/instances.ts); who may start and the form's rules are
 * decided in service/starting.ts, which both use.
 */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { checkId, PAGING } from '../validation.js';

export function startingRoutes(r: Routes, deps: RouteDeps): void {
  const { reads } = deps;

  r.add({ method: 'get', path: '/api/startable-processes', tag: 'instances', summary: 'The latest version of every process the caller may start: { items: [{ processKey, name, version, definitionId, startFormId, registrationNumber }] }', query: [
    ...PAGING,
  ] }, async ({ actor, query: page }: Ctx<unknown, { limit: number; offset: number }>) => {
    const all = await reads.startable(actor);
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  });

  r.add({ method: 'get', path: '/api/process-definitions/:id/start-form', tag: 'instances', summary: 'The start form a start of this definition is checked against (the latest version of its formId): { id, formId, version, schema }; 403 for who may not start it, 404 without one' },
    async ({ req, actor }) => {
      const form = await reads.startForm(actor, checkId(req.params.id, 'process definition'));
      return { id: form.id, formId: form.form_id, version: form.version, schema: form.schema };
    });
}
