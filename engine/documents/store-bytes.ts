/**
 * A document the engine makes itself (a filled letter, its PDF) stored as a case document: the
 * bytes as chunk rows of a blob (or the tenant's blob of the same content), and a document row
 * attached to the case at once — inside the caller's transaction, so it exists exactly when what
 * it belongs to (a letter and its number) does. The bytes are already in memory here (a letter is
 * small and bounded by the document limit); uploads stream instead (intake.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { finishBlob, insertChunk, insertDocument, storedBlobFor, type DocumentRow } from '../store/documents.js';
import type { Db } from '../store/db.js';
import { CHUNK_BYTES } from './intake.js';

export interface MadeDocument {
  tenant: string;
  instanceId: string;
  name: string;
  mediaType: string;
  bytes: Buffer;
  /** Who made it, as the case's documents name it (e.g. `document-render`). */
  by: string;
  at: Date;
  /** What it came with: the connector's result variable. */
  field: string | null;
}

export async function storeCaseDocument(trx: Db, d: MadeDocument): Promise<DocumentRow> {
  const sha256 = createHash('sha256').update(d.bytes).digest('hex');
  let blob = (await storedBlobFor(trx, d.tenant, sha256))?.id;
  if (!blob) {
    blob = randomUUID();
    await trx('document_blob').insert({ id: blob, tenant_id: d.tenant, sha256: null, size: 0, chunks: 0, created_at: new Date() });
    let seq = 0;
    for (let at = 0; at < d.bytes.length; at += CHUNK_BYTES) await insertChunk(trx, blob, seq++, d.bytes.subarray(at, at + CHUNK_BYTES));
    await finishBlob(trx, blob, sha256, d.bytes.length, seq);
  }
  const row: DocumentRow = {
    id: randomUUID(), tenant_id: d.tenant, blob_id: blob, name: d.name, media_type: d.mediaType, size: d.bytes.length, sha256,
    uploaded_by: d.by, uploaded_at: d.at, instance_id: d.instanceId, field: d.field, task_id: null, attached_by: d.by, attached_at: d.at,
  };
  await insertDocument(trx, row);
  return row;
}
