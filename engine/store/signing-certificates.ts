/** A tenant's signing certificates (migrations/20261207064500_document_versions_signing.ts): the SQL only. */
import type { Db } from './db.js';

export interface SigningCertificateRow {
  tenant_id: string;
  name: string;
  sealed: Buffer;
  key_id: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: Date;
  not_after: Date;
  fingerprint_sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export type SigningCertificateInfo = Omit<SigningCertificateRow, 'sealed' | 'key_id'>;

const INFO = ['tenant_id', 'name', 'subject', 'issuer', 'serial_number', 'not_before', 'not_after', 'fingerprint_sha256', 'uploaded_by', 'uploaded_at'];

/** Inserts or replaces the tenant's certificate `row.name`; answers the one it replaced. */
export async function putSigningCertificate(db: Db, row: SigningCertificateRow): Promise<SigningCertificateInfo | undefined> {
  const before = await db('signing_certificate').where({ tenant_id: row.tenant_id, name: row.name }).forUpdate().first(INFO);
  await db('signing_certificate').insert(row).onConflict(['tenant_id', 'name']).merge();
  return before;
}

export async function signingCertificateInfo(db: Db, tenant: string, name: string): Promise<SigningCertificateInfo | undefined> {
  return db('signing_certificate').where({ tenant_id: tenant, name }).first(INFO);
}

export async function signingCertificates(db: Db, tenant: string): Promise<SigningCertificateInfo[]> {
  return db('signing_certificate').where({ tenant_id: tenant }).orderBy('name').select(INFO);
}

/** The sealed certificate, for the signer only (never for an API answer). */
export async function sealedSigningCertificate(db: Db, tenant: string, name: string): Promise<SigningCertificateRow | undefined> {
  return db('signing_certificate').where({ tenant_id: tenant, name }).first();
}

export async function deleteSigningCertificate(db: Db, tenant: string, name: string): Promise<SigningCertificateInfo | undefined> {
  const before = await db('signing_certificate').where({ tenant_id: tenant, name }).forUpdate().first(INFO);
  if (before) await db('signing_certificate').where({ tenant_id: tenant, name }).del();
  return before;
}
