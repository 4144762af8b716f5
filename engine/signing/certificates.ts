/**
 * A tenant's signing certificates (README "Signing documents (TTE)"): an admin uploads a .p12 with
 * its passphrase; it is read in the signing worker (a wrong passphrase, a file that is no PKCS#12,
 * a key without its certificate, a certificate not valid now → 400 naming the part), then sealed
 * (secret-box.ts) and stored with its description, in one transaction with an audit entry. The
 * file and the passphrase never come back out of the API, the audit or the logs; only the signer
 * (openCertificate) unseals them.
 */
import { X509Certificate } from 'node:crypto';
import type { Knex } from 'knex';
import type { Actor } from '../service/actor.js';
import { requireRole, tenantOf } from '../service/actor.js';
import { InvalidInput, NotFound, TooLarge } from '../service/errors.js';
import { insertAudit } from '../store/audit.js';
import { auditRow } from '../service/people.js';
import { deleteSigningCertificate, putSigningCertificate, sealedSigningCertificate, signingCertificateInfo, signingCertificates, type SigningCertificateInfo } from '../store/signing-certificates.js';
import { text, type MessageKey } from '../messages/index.js';
import type { SecretBox } from './secret-box.js';
import { inspectP12, SigningRefusal, type RefusalCode, type SigningBudget } from './run.js';

/** A .p12 with its chain is a few KB; anything much larger is not one. */
export const MAX_P12_BYTES = 64 * 1024;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SigningDeps { box: SecretBox; budget: SigningBudget; now: () => Date }

export function certificateView(c: SigningCertificateInfo) {
  return {
    name: c.name, subject: c.subject, issuer: c.issuer, serialNumber: c.serial_number,
    notBefore: new Date(c.not_before).toISOString(), notAfter: new Date(c.not_after).toISOString(),
    fingerprintSha256: c.fingerprint_sha256, uploadedBy: c.uploaded_by, uploadedAt: new Date(c.uploaded_at).toISOString(),
  };
}

function admin(actor: Actor): string {
  requireRole(actor, text('action.manage-signing-certificates'), 'admin');
  return tenantOf(actor);
}

export function checkCertificateName(name: string): string {
  if (!NAME.test(name) || name.length > 40) throw new InvalidInput(text('signing.bad-name'), [{ path: 'name', message: 'not a slug', text: text('signing.bad-name') }]);
  return name;
}

const UPLOAD_REFUSALS: Partial<Record<RefusalCode, { key: MessageKey; path: string }>> = {
  'not-p12': { key: 'signing.not-p12', path: 'file' },
  'wrong-passphrase': { key: 'signing.wrong-passphrase', path: 'passphrase' },
  'no-key': { key: 'signing.no-key', path: 'file' },
  'no-certificate': { key: 'signing.no-certificate', path: 'file' },
  'key-mismatch': { key: 'signing.key-mismatch', path: 'file' },
  'unsupported-key': { key: 'signing.unsupported-key', path: 'file' },
};

/** One-line DN, most specific last as in the certificate ("C=ID, O=…, CN=…"). */
const dn = (s: string) => s.split('\n').filter(Boolean).join(', ');

/** PUT /api/signing-certificates/{name}: reads, checks, seals and stores; answers the description. */
export async function uploadCertificate(knex: Knex, deps: SigningDeps, actor: Actor, name: string, p12: Buffer | undefined, passphrase: string | undefined) {
  const tenant = admin(actor);
  checkCertificateName(name);
  if (!p12 || !p12.length || passphrase === undefined) throw new InvalidInput(text('signing.no-file'), [{ path: p12?.length ? 'passphrase' : 'file', message: 'missing', text: text('signing.no-file') }]);
  if (p12.length > MAX_P12_BYTES) throw new TooLarge(text('signing.too-large', { limit: MAX_P12_BYTES / 1024 }));
  let der: Uint8Array;
  try {
    der = (await inspectP12(p12, passphrase, deps.budget)).der;
  } catch (err) {
    if (!(err instanceof SigningRefusal)) throw err;
    const known = UPLOAD_REFUSALS[err.code];
    const t = known ? text(known.key) : err.code === 'timeout' ? text('signing.too-slow', { seconds: Math.round(deps.budget.timeoutMs / 1000) }) : text('signing.unreadable');
    throw new InvalidInput(t, [{ path: known?.path ?? 'file', message: String(t), text: t }]);
  }
  const cert = new X509Certificate(der);
  const now = deps.now();
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (now < notBefore || now > notAfter) {
    const t = text('signing.expired', { from: notBefore.toISOString().slice(0, 10), to: notAfter.toISOString().slice(0, 10) });
    throw new InvalidInput(t, [{ path: 'file', message: String(t), text: t }]);
  }
  const sealed = deps.box.seal(Buffer.from(JSON.stringify({ p12: p12.toString('base64'), passphrase })), `${tenant}/${name}`);
  const row = {
    tenant_id: tenant, name, sealed: sealed.box, key_id: sealed.keyId, subject: dn(cert.subject), issuer: dn(cert.issuer),
    serial_number: cert.serialNumber, not_before: notBefore, not_after: notAfter, fingerprint_sha256: cert.fingerprint256,
    uploaded_by: actor.username, uploaded_at: now,
  };
  const { sealed: _s, key_id: _k, ...info } = row;
  await knex.transaction(async (trx) => {
    const before = await putSigningCertificate(trx, row);
    // The audit names the certificate, never the file or its passphrase.
    await insertAudit(trx, [auditRow(tenant, actor, 'signing-certificate', name, before ? 'replaced' : 'uploaded', before ? certificateView(before) : null, certificateView(info))]);
  });
  return certificateView(info);
}

export async function listCertificates(knex: Knex, actor: Actor) {
  const items = (await signingCertificates(knex, admin(actor))).map(certificateView);
  return { items, total: items.length };
}

export async function getCertificate(knex: Knex, actor: Actor, name: string) {
  const found = await signingCertificateInfo(knex, admin(actor), name);
  if (!found) throw new NotFound(text('signing.not-found', { name }));
  return certificateView(found);
}

export async function removeCertificate(knex: Knex, actor: Actor, name: string): Promise<void> {
  const tenant = admin(actor);
  await knex.transaction(async (trx) => {
    const before = await deleteSigningCertificate(trx, tenant, name);
    if (!before) throw new NotFound(text('signing.not-found', { name }));
    await insertAudit(trx, [auditRow(tenant, actor, 'signing-certificate', name, 'removed', certificateView(before), null)]);
  });
}

export type OpenedCertificate = { p12: Buffer; passphrase: string; info: SigningCertificateInfo };

/** The certificate `name` of `tenant`, unsealed for signing: 'missing', 'other-key' (sealed under another secret), or the contents. */
export async function openCertificate(knex: Knex, box: SecretBox, tenant: string, name: string): Promise<OpenedCertificate | 'missing' | 'other-key'> {
  const row = await sealedSigningCertificate(knex, tenant, name);
  if (!row) return 'missing';
  const plain = box.open({ keyId: row.key_id, box: Buffer.from(row.sealed) }, `${tenant}/${name}`);
  if (!plain) return 'other-key';
  const { p12, passphrase } = JSON.parse(plain.toString('utf8')) as { p12: string; passphrase: string };
  const { sealed: _s, key_id: _k, ...info } = row;
  return { p12: Buffer.from(p12, 'base64'), passphrase, info };
}
