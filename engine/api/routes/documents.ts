/** Documents (API.md 1.1 "Documents"): upload, read one, download its bytes. Attaching happens on starts and completions. */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { kindRules } from '../../documents/kinds.js';
import { checkId } from '../validation.js';
import { documentView } from '../views.js';

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function documentRoutes(r: Routes, deps: RouteDeps): void {
  const { reads } = deps;
  const options = deps.documents ?? { maxBytes: DEFAULT_MAX_DOCUMENT_BYTES, kinds: kindRules() };

  r.add({ method: 'post', path: '/api/documents', tag: 'documents', multipart: true, summary: 'Upload a document (one multipart part named file); its kind is decided by its content. Unattached uploads are deleted after 24 hours', responses: { 201: 'stored', 413: 'larger than ALUR_MAX_DOCUMENT_MB', 415: 'a kind not accepted, or content contradicting the name' } },
    async ({ req, res, actor }) => {
      const row = await deps.admin.receiveDocument(req, options, actor);
      res.status(201);
      return documentView(row);
    });

  r.add({ method: 'get', path: '/api/documents/:id', tag: 'documents', summary: 'One document\'s description (who uploaded it, the case and field it is attached to)' },
    async ({ req, actor }) => documentView(await reads.document(actor, checkId(req.params.id, 'document'))));

  r.add({ method: 'get', path: '/api/documents/:id/content', tag: 'documents', summary: 'The document\'s bytes with their media type, as an attachment (`?inline=true`: shown in the page, for previews)', query: [
    { name: 'inline', schema: { type: 'boolean' } },
  ] }, async ({ req, res, actor, query }: Ctx<unknown, { inline?: boolean }>) => {
    await reads.sendDocument(res, actor, checkId(req.params.id, 'document'), query.inline ? 'inline' : 'attachment');
  });
}
