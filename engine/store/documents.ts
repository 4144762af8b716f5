/**
 * Documents (migrations/20261207040000_documents.ts): blobs written chunk by chunk, the document
 * rows naming them, attaching, and sweeping what expired. Streaming in and out is
 * engine/documents/; this file only knows the SQL.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

export interface DocumentRow {
  id: string;
  tenant_id: string;
  blob_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Date;
  instance_id: string | null;
  field: string | null;
  task_id: string | null;
  attached_by: string | null;
  attached_at: Date | null;
  /** The first version of this document (null: this is it); version numbers count from 1. */
  version_of?: string | null;
  version?: number;
  /** Set on a version made by signing (engine/signing/sign-document.ts). */
  signature?: SignatureRecord | null;
}

export interface SignatureRecord {
  signedBy: string | null;
  signerName: string;
  signedAt: string;
  reason: string;
  location: string;
  certificate: { name: string; subject: string; issuer: string; serialNumber: string; fingerprintSha256: string };
  /** `<instance>/<job key>`: one signed version per signing job. */
  job: string;
}

export interface BlobRow { id: string; tenant_id: string; sha256: string | null; size: number; chunks: number; created_at: Date }

/** A blob being written: no hash yet, so no other upload can find it. */
export async function beginBlob(db: Db, row: { id: string; tenant_id: string; created_at: Date }): Promise<void> {
  await db('document_blob').insert({ ...row, sha256: null, size: 0, chunks: 0 });
}

export async function insertChunk(db: Db, blobId: string, seq: number, data: Uint8Array): Promise<void> {
  await db('document_chunk').insert({ blob_id: blobId, seq, data });
}

/** Drops a blob and its chunks (an upload refused or abandoned half way). */
export async function dropBlob(db: Db, blobId: string): Promise<void> {
  await db('document_blob').where({ id: blobId }).del();
}

/** The finished blob of this content in the tenant, locked against the sweep until the caller commits. */
export async function storedBlobFor(db: Db, tenant: string, sha256: string): Promise<BlobRow | undefined> {
  return db('document_blob').where({ tenant_id: tenant, sha256 }).forShare().first();
}

/** Marks a written blob finished under its hash; a concurrent upload of the same content makes this fail (unique). */
export async function finishBlob(db: Db, blobId: string, sha256: string, size: number, chunks: number): Promise<void> {
  await db('document_blob').where({ id: blobId }).update({ sha256, size, chunks });
}

export async function insertDocument(db: Db, row: DocumentRow): Promise<void> {
  await db('document').insert({ ...row, signature: row.signature ? JSON.stringify(row.signature) : null });
}

/** Every version of the document family `root` (the first version's id), oldest first. */
export async function versionsOf(db: Db, tenant: string, root: string): Promise<DocumentRow[]> {
  return db('document').where({ tenant_id: tenant }).where((q) => q.where({ id: root }).orWhere({ version_of: root })).orderBy('version');
}

/** The version a signing job made, if it ran before. */
export async function signedByJob(db: Db, tenant: string, instanceId: string, job: string): Promise<DocumentRow | undefined> {
  return db('document').where({ tenant_id: tenant, instance_id: instanceId }).whereNotNull('signature').whereRaw("signature->>'job' = ?", [job]).first();
}

export async function findDocument(db: Db, tenant: string, id: string): Promise<(DocumentRow & { chunks: number }) | undefined> {
  return db('document as d').join('document_blob as b', 'b.id', 'd.blob_id')
    .where({ 'd.tenant_id': tenant, 'd.id': id }).first('d.*', 'b.chunks');
}

export async function findDocuments(db: Db, tenant: string, ids: readonly string[]): Promise<DocumentRow[]> {
  if (!ids.length) return [];
  return db('document').where({ tenant_id: tenant }).whereIn('id', ids);
}

export async function documentsOfInstance(db: Db, tenant: string, instanceId: string): Promise<DocumentRow[]> {
  return db('document').where({ tenant_id: tenant, instance_id: instanceId }).orderBy([{ column: 'attached_at' }, { column: 'uploaded_at' }, { column: 'version' }, { column: 'id' }]);
}

/** One chunk's bytes. */
export async function chunkData(db: Db, blobId: string, seq: number): Promise<Uint8Array | undefined> {
  const row = await db('document_chunk').where({ blob_id: blobId, seq }).first('data');
  return row?.data as Uint8Array | undefined;
}

/**
 * Attaches an upload of `uploadedBy` that no case holds yet to `instanceId` (a row operation's
 * query: it must change exactly one row, else someone attached it meanwhile).
 */
export function attachDocument(db: Db, a: { documentId: string; tenantId: string; uploadedBy: string; instanceId: string; field: string; taskId: string | null; by: string; at: Date }): Knex.QueryBuilder {
  return db('document').where({ id: a.documentId, tenant_id: a.tenantId, uploaded_by: a.uploadedBy }).whereNull('instance_id')
    .update({ instance_id: a.instanceId, field: a.field, task_id: a.taskId, attached_by: a.by, attached_at: a.at });
}

/**
 * Deletes uploads that no case took before `unattachedBefore`, blobs no document names any more,
 * and blobs whose writing began before `unfinishedBefore` and never finished (a crashed upload).
 * Returns what went. A blob an upload picks up meanwhile stays: the document's foreign key
 * refuses its deletion.
 */
export async function sweepDocuments(db: Knex, unattachedBefore: Date, unfinishedBefore: Date): Promise<{ documents: number; blobs: number }> {
  const documents = affected(await db('document').whereNull('instance_id').where('uploaded_at', '<', unattachedBefore).del());
  const candidates: { id: string }[] = await db('document_blob as b')
    .where((q) => q.whereNotNull('b.sha256').orWhere('b.created_at', '<', unfinishedBefore))
    .whereNotExists((q) => q.select(db.raw('1')).from('document as d').whereRaw('d.blob_id = b.id'))
    .select('b.id');
  let blobs = 0;
  for (const { id } of candidates) {
    try {
      // A finished blob is named in the transaction that finishes it, so unnamed it is garbage.
      blobs += affected(await db('document_blob').where({ id })
        .where((q) => q.whereNotNull('sha256').orWhere('created_at', '<', unfinishedBefore))
        .whereNotExists((q) => q.select(db.raw('1')).from('document as d').where('d.blob_id', id)).del());
    } catch (err) {
      if ((err as { code?: string }).code !== '23503') throw err; // picked up meanwhile
    }
  }
  return { documents, blobs };
}

/** Rows a delete changed: pg answers a number, knex-pglite its raw result. */
function affected(result: unknown): number {
  if (typeof result === 'number') return result;
  const r = result as { affectedRows?: number; rowCount?: number };
  return Number(r.affectedRows ?? r.rowCount ?? 0);
}
