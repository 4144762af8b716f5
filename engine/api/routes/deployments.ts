/** Deploying BPMN and form files (multipart) and reading process definitions. */
import multer from 'multer';
import type { Router } from 'express';
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { tenantOf, requireRole } from '../../service/actor.js';
import { Unauthenticated } from '../../service/errors.js';
import { checkId, PAGING } from '../validation.js';
import { definitionView, startFields } from '../views.js';
import { text } from '../../messages/index.js';

/** GET /api/process-definitions's parameters after checking (defaults filled in). */
interface DefinitionListQuery { key?: string; latest: boolean; counts: boolean; limit: number; offset: number }

export function deploymentRoutes(r: Routes, router: Router, deps: RouteDeps): void {
  const { reads } = deps;
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.maxUploadBytes, files: 50, fields: 20, fieldSize: 64 * 1024 } });
  // Check who calls before reading a large upload into memory.
  router.post('/api/deployments', (_req, res, next) => {
    const actor = res.locals.actor;
    if (!actor) throw new Unauthenticated();
    requireRole(actor, text('action.deploy'), 'analyst', 'admin');
    tenantOf(actor);
    next();
  }, upload.any());

  r.add({ method: 'post', path: '/api/deployments', tag: 'deployments', multipart: true, summary: 'Deploy .bpmn, .form and .docx (letter template for document-render) files (analyst or admin)', responses: { 201: 'deployed', 200: 'nothing changed: existing versions listed' } },
    async ({ req, res, actor }) => {
      const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map((f) => ({ name: f.originalname, content: f.buffer }));
      const result = await deps.engine.deploy(actor, files);
      res.status(result.created ? 201 : 200);
      return { id: result.id, processes: result.processes, forms: result.forms, templates: result.templates, warnings: result.warnings };
    });

  r.add({ method: 'get', path: '/api/process-definitions', tag: 'deployments', summary: 'List process definitions', query: [
    { name: 'key', schema: { type: 'string' }, description: 'Only the versions of this process key.' },
    { name: 'latest', schema: { type: 'boolean', default: false }, description: 'true: only the latest version of each process key.' },
    { name: 'counts', schema: { type: 'boolean', default: false }, description: 'true (analyst or admin): each item carries `counts: { active, incidents }` — its cases still active and their open incidents' },
    ...PAGING,
  ] }, async ({ actor, query }: Ctx<unknown, DefinitionListQuery>) => {
    // The declaration above checked every parameter (a repeated key is a 400 naming it) and filled the defaults.
    const page = await reads.definitions(actor, { key: query.key, latest: query.latest }, { limit: query.limit, offset: query.offset });
    const items = page.items.map(definitionView);
    if (!query.counts) return { items, total: page.total };
    const counts = await reads.caseCounts(actor, items.map((d) => d.id));
    return { items: items.map((d) => ({ ...d, counts: counts.get(d.id) })), total: page.total };
  });

  r.add({ method: 'get', path: '/api/process-definitions/:id', tag: 'deployments', summary: 'One process definition, with how a case of it starts (startFormId, starters, businessKeyFormat)' },
    async ({ req, actor }) => {
      const def = await reads.definition(actor, checkId(req.params.id, 'process definition'));
      return { ...definitionView(def), ...startFields(def.model) };
    });

  for (const [action, suspend] of [['suspend', true], ['resume', false]] as const) {
    r.add({ method: 'post', path: `/api/process-definitions/:id/${action}`, tag: 'deployments',
      summary: suspend
        ? 'Suspend a definition (analyst or admin): no new instances, its timer start events stop, running instances go on; answers the definition'
        : 'Resume a suspended definition (analyst or admin): starts are accepted again and its timer start events are planned from now; answers the definition' },
    async ({ req, actor }) => {
      const def = await deps.engine.setSuspended(actor, checkId(req.params.id, 'process definition'), suspend);
      return { ...definitionView(def), ...startFields(def.model) };
    });
  }

  r.add({ method: 'get', path: '/api/process-definitions/:id/xml', tag: 'deployments', summary: 'The BPMN XML as deployed (application/xml)' },
    async ({ req, res, actor }) => {
      const def = await reads.definition(actor, checkId(req.params.id, 'process definition'));
      res.type('application/xml').send(def.xml);
    });

  r.add({ method: 'get', path: '/api/process-definitions/:id/statistics', tag: 'deployments', summary: 'Per element of this version: cases active there, open incidents there, cases that completed it (analyst or admin)' },
    async ({ req, actor }) => ({ items: await reads.statistics(actor, checkId(req.params.id, 'process definition')) }));
}
