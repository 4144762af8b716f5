/**
 * The `tte-sign` connector (README "Signing documents (TTE)"): signs a PDF of the case as PAdES
 * (@signpdf, in the signing worker) with a certificate the tenant configured, and attaches the
 * signed copy as a new version of the document; the unsigned version stays. The job carries ids
 * only: the document comes from a variable, the signer's name from the user directory.
 *
 * Headers (each may be FEEL):
 *  - `document`: the document — an id, `{ documentId }` or a one-item list of them; default the
 *    variable `dokumenId`, else `documentId`.
 *  - `signerTask`: element id of a user task of this instance; whoever completed it last signs.
 *    Or `signer`: a username. Neither: the certificate's holder (an institutional seal).
 *  - `reason`, `location` (default: the tenant's name), `certificate` (default `default`),
 *    `resultVariable` (default `tte`): `{ documentId, version, versionOf, signedAt, signedBy, sha256 }`.
 * What retrying cannot mend — not a PDF, too large, no certificate, an expired one, a document of
 * another case — becomes an incident at once, naming the cause in Indonesian and English.
 */
import type { Knex } from 'knex';
import type { Job, JobHandler } from '../runner/registry.js';
import { JobIncident } from '../runner/registry.js';
import { resolveHeaders, optionalText, type HeaderContext } from '../runner/connectors/headers.js';
import { findDocument, type SignatureRecord } from '../store/documents.js';
import { findUserByUsername } from '../store/users.js';
import { findTenant } from '../store/tenants.js';
import { openCertificate } from './certificates.js';
import { signPdf, SigningRefusal } from './run.js';
import { documentBytes } from '../documents/read-bytes.js';
import { signedName, storeVersion } from './versions.js';
import type { SigningSetup } from './config.js';

export interface TteSignOptions extends HeaderContext { knex: Knex; signing: SigningSetup }

/** Fails the job into an incident with the cause in both languages. */
const incident = (id: string, en: string) => new JobIncident(`tte-sign: ${id} / ${en}`);

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function tteSignConnector(options: TteSignOptions): JobHandler {
  const { knex, signing } = options;
  return async (job) => {
    const now = (options.now ?? (() => new Date()))();
    const h = resolveHeaders(job.headers, job.variables, options);
    const documentId = documentOf(h.document !== undefined ? h.document : job.variables.dokumenId ?? job.variables.documentId);
    const doc = await findDocument(knex, job.tenant, documentId);
    if (!doc) throw incident(`dokumen ${documentId} tidak ditemukan`, `document ${documentId} was not found`);
    if (!doc.instance_id || !(await inCase(knex, job, doc.instance_id))) throw incident(`dokumen ${documentId} bukan berkas dari permohonan ini`, `document ${documentId} is not a document of this case`);
    if (doc.media_type !== 'application/pdf') throw incident(`dokumen ${documentId} bukan PDF (${doc.media_type}); hanya PDF yang dapat ditandatangani`, `document ${documentId} is not a PDF (${doc.media_type}); only PDFs can be signed`);
    const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
    if (Number(doc.size) > signing.maxPdfBytes) throw incident(`dokumen ${documentId} berukuran ${mb(Number(doc.size))} MB, melebihi batas ${mb(signing.maxPdfBytes)} MB (ALUR_SIGN_MAX_PDF_MB)`, `document ${documentId} is ${mb(Number(doc.size))} MB, above the ${mb(signing.maxPdfBytes)} MB limit (ALUR_SIGN_MAX_PDF_MB)`);

    const certName = optionalText(h, 'certificate') ?? 'default';
    const cert = await openCertificate(knex, signing.box, job.tenant, certName);
    if (cert === 'missing') throw incident(`sertifikat tanda tangan "${certName}" belum diunggah oleh admin (PUT /api/signing-certificates/${certName})`, `no signing certificate "${certName}" has been uploaded by an admin (PUT /api/signing-certificates/${certName})`);
    if (cert === 'other-key') throw incident(`sertifikat "${certName}" disegel dengan ALUR_SECRET_KEY lain; unggah ulang sertifikatnya`, `certificate "${certName}" was sealed under another ALUR_SECRET_KEY; upload it again`);
    if (now < new Date(cert.info.not_before) || now > new Date(cert.info.not_after)) {
      const day = (d: Date) => new Date(d).toISOString().slice(0, 10);
      throw incident(`sertifikat "${certName}" tidak berlaku saat ini (${day(cert.info.not_before)} s.d. ${day(cert.info.not_after)})`, `certificate "${certName}" is not valid now (${day(cert.info.not_before)} to ${day(cert.info.not_after)})`);
    }

    const signer = await signerOf(knex, job, h);
    const tenant = await findTenant(knex, job.tenant);
    const commonName = /(?:^|, )CN=([^,]+)/.exec(cert.info.subject)?.[1] ?? cert.info.subject;
    const fields = {
      reason: optionalText(h, 'reason') ?? 'Dokumen ini ditandatangani secara elektronik',
      location: optionalText(h, 'location') ?? tenant?.name ?? job.tenant,
      name: signer?.name ?? commonName,
      contactInfo: signer?.jabatan ?? '',
      signingTime: now,
    };
    const jobRef = `${job.instanceId}/${job.key}`;
    let signed: Buffer;
    try {
      signed = await signPdf(cert.p12, cert.passphrase, await documentBytes(knex, doc), fields, signing.budget);
    } catch (err) {
      throw refusalIncident(err, documentId, certName, signing.budget.timeoutMs);
    }
    const signature: SignatureRecord = {
      signedBy: signer?.username ?? null, signerName: fields.name, signedAt: now.toISOString(), reason: fields.reason, location: fields.location,
      certificate: { name: certName, subject: cert.info.subject, issuer: cert.info.issuer, serialNumber: cert.info.serial_number, fingerprintSha256: cert.info.fingerprint_sha256 },
      job: jobRef,
    };
    const version = await storeVersion(knex, { base: doc, bytes: signed, name: signedName(doc.name), mediaType: 'application/pdf', by: signer?.username ?? 'tte-sign', at: now, signature });
    const result = { documentId: version.id, version: version.version, versionOf: version.version_of, signedAt: now.toISOString(), signedBy: signer?.username ?? null, sha256: version.sha256 };
    return {
      variables: { [optionalText(h, 'resultVariable') ?? 'tte']: result },
      history: [{ type: 'document.signed', user: signer?.username, data: { documentId: version.id, signedDocumentId: documentId, version: version.version, versionOf: version.version_of, certificate: certName, fingerprintSha256: cert.info.fingerprint_sha256, reason: fields.reason } }],
    };
  };
}

function documentOf(value: unknown): string {
  const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const id = typeof one === 'string' ? one : (one as { documentId?: unknown } | null)?.documentId;
  if (typeof id !== 'string' || !ID.test(id)) throw incident('tidak ada dokumen yang ditunjuk: isi variabel dokumenId atau header document dengan id dokumen', 'no document named: set the variable dokumenId or the header document to a document id');
  return id;
}

/** The document belongs to the job's instance or to one that called it (a signing subprocess signs its caller's letter). */
async function inCase(knex: Knex, job: Job, instanceId: string): Promise<boolean> {
  let at: string | null = job.instanceId;
  for (let depth = 0; at && depth < 20; depth++) {
    if (at === instanceId) return true;
    const row: { parent_instance_id: string | null } | undefined = await knex('process_instance').where({ tenant_id: job.tenant, id: at }).first('parent_instance_id');
    at = row?.parent_instance_id ?? null;
  }
  return false;
}

/** Who signs: the last completer of `signerTask`, or the user `signer`; their name and post from the directory. */
async function signerOf(knex: Knex, job: Job, h: Record<string, unknown>): Promise<{ username: string; name: string; jabatan?: string } | undefined> {
  const task = optionalText(h, 'signerTask');
  let username = optionalText(h, 'signer');
  if (task) {
    const row = await knex('history').where({ instance_id: job.instanceId, type: 'task.completed', element_id: task }).orderBy('id', 'desc').first('username');
    if (!row?.username) throw incident(`tugas ${task} belum diselesaikan siapa pun, jadi penandatangan belum diketahui`, `task ${task} has not been completed by anyone, so there is no signer`);
    username = row.username as string;
  }
  if (!username) return undefined;
  const user = await findUserByUsername(knex, username);
  if (!user || user.tenant_id !== job.tenant) throw incident(`penandatangan ${username} bukan pengguna instansi ini`, `signer ${username} is not a user of this tenant`);
  if (user.disabled) throw incident(`penandatangan ${username} sudah dinonaktifkan`, `signer ${username} has been deactivated`);
  return { username: user.username, name: user.display_name || user.username, jabatan: user.jabatan ?? undefined };
}

function refusalIncident(err: unknown, documentId: string, certName: string, timeoutMs: number): Error {
  if (!(err instanceof SigningRefusal)) return err as Error;
  switch (err.code) {
    case 'not-pdf': return incident(`dokumen ${documentId} bukan PDF yang dapat dibaca`, `document ${documentId} is not a readable PDF`);
    case 'pdf-encrypted': return incident(`dokumen ${documentId} terenkripsi (berkata sandi) sehingga tidak dapat ditandatangani`, `document ${documentId} is encrypted (password-protected) and cannot be signed`);
    case 'already-signed': return incident(`dokumen ${documentId} sudah memuat tanda tangan; tanda tangan kedua akan membatalkannya (belum didukung)`, `document ${documentId} already holds a signature that a second one would break (not supported yet)`);
    case 'timeout': return incident(`penandatanganan dokumen ${documentId} melebihi ${Math.round(timeoutMs / 1000)} detik (ALUR_SIGN_TIMEOUT_MS)`, `signing document ${documentId} took longer than ${Math.round(timeoutMs / 1000)} s (ALUR_SIGN_TIMEOUT_MS)`);
    case 'out-of-memory': return incident(`penandatanganan dokumen ${documentId} melebihi batas memori (ALUR_SIGN_MEMORY_MB)`, `signing document ${documentId} went over its memory limit (ALUR_SIGN_MEMORY_MB)`);
    case 'wrong-passphrase': case 'not-p12': case 'no-key': case 'no-certificate': case 'key-mismatch': case 'unsupported-key':
      return incident(`sertifikat "${certName}" tidak dapat dipakai (${err.code}); unggah ulang`, `certificate "${certName}" cannot be used (${err.code}); upload it again`);
    default: return new Error(`tte-sign: penandatanganan gagal / signing failed (${err.detail ?? err.code})`);
  }
}
