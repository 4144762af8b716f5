/**
 * Signing certificates of the caller's tenant (admins; README "Signing documents (TTE)"):
 *   GET    /api/signing-certificates          the descriptions (never the file or passphrase)
 *   PUT    /api/signing-certificates/{name}   multipart `file` (.p12/.pfx) + `passphrase` → the description
 *   GET    /api/signing-certificates/{name}
 *   DELETE /api/signing-certificates/{name}   → 204
 * and the versions of a document (a signed copy is the next version of what it signs):
 *   GET    /api/documents/{id}/versions        for whoever may read the document
 */
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { checkCertificateName, MAX_P12_BYTES } from '../../signing/certificates.js';
import { InvalidInput, TooLarge } from '../../service/errors.js';
import { text } from '../../messages/index.js';
import { requireRole } from '../../service/actor.js';
import { checkId } from '../validation.js';
import { documentView } from '../views.js';

const CERTIFICATE_PARTS = {
  type: 'object', required: ['file', 'passphrase'],
  properties: { file: { type: 'string', format: 'binary', description: 'The PKCS#12 file (.p12/.pfx) with the private key and its certificate, at most 64 KB.' }, passphrase: { type: 'string', description: 'Its passphrase; stored sealed, never returned.' } },
};

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_P12_BYTES, files: 1, fields: 2, fieldSize: 4096, parts: 4 } }).single('file');

/** Parses the multipart body (the file held in memory: at most MAX_P12_BYTES). */
function receive(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => upload(req, res, (err: unknown) => {
    if (!err) return resolve();
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return reject(new TooLarge(text('signing.too-large', { limit: MAX_P12_BYTES / 1024 })));
    reject(new InvalidInput(text('signing.no-file'), [{ path: 'file', message: String((err as Error).message), text: text('signing.no-file') }]));
  }));
}

export function signingRoutes(r: Routes, deps: RouteDeps): void {
  const { reads, admin } = deps;
  const signing = () => deps.signing!;

  r.add({ method: 'get', path: '/api/signing-certificates', tag: 'signing', summary: 'The tenant\'s signing certificates: subject, issuer, validity, fingerprint, who uploaded them (admin)' },
    ({ actor }) => reads.certificates(actor));

  r.add({ method: 'put', path: '/api/signing-certificates/:name', tag: 'signing', multipart: CERTIFICATE_PARTS, summary: 'Upload or replace a signing certificate (admin): multipart `file` (.p12/.pfx) and `passphrase`; stored sealed, never returned', responses: { 200: 'stored', 400: 'not a PKCS#12 file, wrong passphrase, no key or certificate, not valid now', 413: 'larger than 64 KB' } },
    async ({ req, res, actor }) => {
      requireRole(actor, text('action.manage-signing-certificates'), 'admin');
      const name = checkCertificateName(String(req.params.name));
      await receive(req, res);
      const passphrase = (req.body as Record<string, unknown> | undefined)?.passphrase;
      return admin.uploadCertificate(signing(), actor, name, req.file?.buffer, typeof passphrase === 'string' ? passphrase : undefined);
    });

  r.add({ method: 'get', path: '/api/signing-certificates/:name', tag: 'signing', summary: 'One signing certificate\'s description (admin)' },
    ({ req, actor }) => reads.certificate(actor, String(req.params.name)));

  r.add({ method: 'delete', path: '/api/signing-certificates/:name', tag: 'signing', summary: 'Remove a signing certificate (admin); tte-sign tasks naming it become incidents' },
    async ({ req, actor }) => { await admin.removeCertificate(actor, String(req.params.name)); });

  r.add({ method: 'get', path: '/api/documents/:id/versions', tag: 'documents', summary: 'Every version of the document, oldest first: the upload (version 1) and later ones such as its signed copy, each with `signature` (who signed, when, with which certificate) or null' },
    async ({ req, actor }) => {
      const { rows, names } = await reads.documentVersions(actor, checkId(req.params.id, 'document'));
      const items = rows.map((d) => documentView(d, names));
      return { items, total: items.length };
    });
}
