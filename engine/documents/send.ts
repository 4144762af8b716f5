/**
 * Sending a document's bytes (GET /api/documents/{id}/content) chunk by chunk, one row read at a
 * time and each written only when the client has taken the previous one, so a download holds one
 * chunk in memory however large the file and however slow the reader.
 */
import type { Response } from 'express';
import type { Knex } from 'knex';
import { chunkData, type DocumentRow } from '../store/documents.js';

export async function sendDocument(res: Response, knex: Knex, doc: DocumentRow & { chunks: number }, disposition: 'attachment' | 'inline'): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', doc.media_type);
  res.setHeader('Content-Length', String(doc.size));
  res.attachment(doc.name);
  if (disposition === 'inline') res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Shown in the inbox's preview: no scripts, no forms, nothing but the document itself.
  res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', `"${doc.sha256}"`);
  for (let seq = 0; seq < doc.chunks; seq++) {
    if (res.destroyed) return;
    const data = await chunkData(knex, doc.blob_id, seq);
    if (!data) throw new Error(`document ${doc.id}: chunk ${seq} of ${doc.chunks} is missing`);
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (!res.write(buf)) await drained(res);
  }
  res.end();
}

/** Resolves when `res` takes more, or is gone (listeners removed either way). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
