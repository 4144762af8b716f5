/**
 * Deployed forms, read back by the designer to reopen one: the latest version of a form id in the
 * caller's tenant. Reads only; deploying a form goes through /api/deployments. Another tenant's
 * form answers 404 exactly like one that does not exist.
 */
import type { Routes } from '../route.js';
import type { AppDeps } from '../deps.js';
import { latestForm } from '../../store/definitions.js';
import { tenantOf, requireRole } from '../../service/actor.js';
import { NotFound } from '../../service/errors.js';
import { text } from '../../messages/index.js';

/** Form ids are free text in form-js (the `id` a task's formId names); past this length none can exist. */
const FORM_ID_MAX = 255;

export function formRoutes(r: Routes, deps: AppDeps): void {
  const knex = deps.engine.deps.knex;

  r.add({ method: 'get', path: '/api/forms/:formId', tag: 'deployments', summary: 'The latest deployed version of a form (analyst or admin): { id, formId, version, schema }' },
    async ({ req, actor }) => {
      requireRole(actor, text('action.read-forms'), 'analyst', 'admin');
      const tenant = tenantOf(actor);
      const formId = req.params.formId;
      const form = typeof formId === 'string' && formId.length <= FORM_ID_MAX ? await latestForm(knex, tenant, formId) : undefined;
      if (!form) throw new NotFound(`form ${String(formId).slice(0, 80)} not found`);
      return { id: form.id, formId: form.form_id, version: form.version, schema: form.schema };
    });
}
