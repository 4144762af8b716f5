/**
 * Deployed forms, read back by the designer to reopen one: the latest version of a form id in the
 * caller's tenant. Reads only; deploying a form goes through /api/deployments. Another tenant's
 * form answers 404 exactly like one that does not exist.
 */
import type { Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';

export function formRoutes(r: Routes, deps: RouteDeps): void {

  r.add({ method: 'get', path: '/api/forms/:formId', tag: 'deployments', summary: 'The latest deployed version of a form (analyst or admin): { id, formId, version, schema }' },
    async ({ req, actor }) => {
      const form = await deps.reads.form(actor, req.params.formId);
      return { id: form.id, formId: form.form_id, version: form.version, schema: form.schema };
    });
}
