/**
 * A document's bytes whole, for what needs them whole (filling, converting or signing a letter). The caller
 * knows the size is bounded (ALUR_MAX_DOCUMENT_MB); downloads stream instead (send.ts).
 */
import type { Db } from '../store/db.js';
import { chunkData, type DocumentRow } from '../store/documents.js';

export async function documentBytes(db: Db, doc: DocumentRow & { chunks: number }): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let seq = 0; seq < doc.chunks; seq++) {
    const data = await chunkData(db, doc.blob_id, seq);
    if (!data) throw new Error(`document ${doc.id}: chunk ${seq} of ${doc.chunks} is missing`);
    parts.push(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }
  return Buffer.concat(parts);
}
