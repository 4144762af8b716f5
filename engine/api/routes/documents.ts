/** Documents (API.md 1.1 "Documents"): upload, read one, download its bytes. Attaching happens on starts and completions. */
import type { Routes } from '../route.js';
import type { AppDeps } from '../deps.js';
import { tenantOf } from '../../service/actor.js';
import { readableDocument } from '../../service/documents.js';
import { receiveDocument } from '../../documents/intake.js';
import { sendDocument } from '../../documents/send.js';
import { kindRules } from '../../documents/kinds.js';
import { checkId } from '../validation.js';
import { documentView } from '../views.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function documentRoutes(r: Routes, deps: AppDeps): void {
  const knex = deps.engine.deps.knex;
  const options = deps.documents ?? { maxBytes: DEFAULT_MAX_DOCUMENT_BYTES, kinds: kindRules() };

  r.add({ method: 'post', path: '/api/documents', tag: 'documents', multipart: true, summary: 'Upload a document (one multipart part named file); its kind is decided by its content. Unattached uploads are deleted after 24 hours', responses: { 201: 'stored', 413: 'larger than ALUR_MAX_DOCUMENT_MB', 415: 'a kind not accepted, or content contradicting the name' } },
    async ({ req, res, actor }) => {
      const row = await receiveDocument(req, knex, options, { tenant: tenantOf(actor), username: actor.username, now: deps.engine.deps.clock.now() });
      res.status(201);
      return documentView(row);
    });

  r.add({ method: 'get', path: '/api/documents/:id', tag: 'documents', summary: 'One document\'s description (who uploaded it, the case and field it is attached to)' },
    async ({ req, actor }) => documentView(await readableDocument(knex, actor, checkId(req.params.id, 'document'))));

  r.add({ method: 'get', path: '/api/documents/:id/content', tag: 'documents', summary: 'The document\'s bytes with their media type, as an attachment (`?inline=true`: shown in the page, for previews)', query: [
    { name: 'inline', schema: { type: 'boolean' } },
  ] }, async ({ req, res, actor }) => {
    const doc = await readableDocument(knex, actor, checkId(req.params.id, 'document'));
    await sendDocument(res, knex, doc, (req.query as Record<string, unknown>).inline === 'true' ? 'inline' : 'attachment');
  });
}
