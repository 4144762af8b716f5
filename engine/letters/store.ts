/** Letter templates and letters (migrations/20261207064500_letters.ts): the SQL only. */
import type { Db } from '../store/db.js';

export interface TemplateRow { id: string; tenant_id: string; deployment_id: string; name: string; version: number; content: Buffer; checksum: string; deployed_at: Date }

export interface LetterRow {
  tenant_id: string;
  instance_id: string;
  job_key: number;
  register: string | null;
  number: string | null;
  template_id: string;
  document_id: string;
  pdf_document_id: string | null;
  created_at: Date;
}

export async function latestTemplate(db: Db, tenant: string, name: string): Promise<TemplateRow | undefined> {
  const row = await db('document_template').where({ tenant_id: tenant, name }).orderBy('version', 'desc').first();
  return row ? { ...row, content: asBuffer(row.content) } : undefined;
}

export async function insertTemplate(db: Db, row: TemplateRow): Promise<void> {
  await db('document_template').insert(row);
}

export async function findLetter(db: Db, instanceId: string, jobKey: number): Promise<LetterRow | undefined> {
  return db('letter').where({ instance_id: instanceId, job_key: jobKey }).first();
}

export async function insertLetter(db: Db, row: LetterRow): Promise<void> {
  await db('letter').insert(row);
}

export async function setLetterPdf(db: Db, instanceId: string, jobKey: number, pdfDocumentId: string): Promise<void> {
  await db('letter').where({ instance_id: instanceId, job_key: jobKey }).update({ pdf_document_id: pdfDocumentId });
}

function asBuffer(data: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
