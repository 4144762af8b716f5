/**
 * Document versions: storing a new version of a document — the
 * signed copy — as a blob of chunk rows and a document row attached to the same case, numbered
 * one after the family's latest. The earlier versions stay as they are.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { finishBlob, insertChunk, insertDocument, signedByJob, storedBlobFor, type DocumentRow, type SignatureRecord } from '../store/documents.js';
import { CHUNK_BYTES } from '../documents/intake.js';

export interface NewVersion { base: DocumentRow; bytes: Buffer; name: string; mediaType: string; by: string; at: Date; signature: SignatureRecord }

/**
 * Stores `v.bytes` as the next version of `v.base`'s family in one transaction. A second run of
 * the same signing job (at-least-once delivery) finds the version the first one stored.
 */
export async function storeVersion(knex: Knex, v: NewVersion): Promise<DocumentRow> {
  const sha256 = createHash('sha256').update(v.bytes).digest('hex');
  const root = v.base.version_of ?? v.base.id;
  for (let attempt = 0; ; attempt++) {
    try {
      return await knex.transaction(async (trx) => {
        const earlier = await signedByJob(trx, v.base.tenant_id, v.base.instance_id!, v.signature.job);
        if (earlier) return earlier;
        let blob = (await storedBlobFor(trx, v.base.tenant_id, sha256))?.id;
        if (!blob) {
          blob = randomUUID();
          await trx('document_blob').insert({ id: blob, tenant_id: v.base.tenant_id, sha256: null, size: 0, chunks: 0, created_at: new Date() });
          let seq = 0;
          for (let at = 0; at < v.bytes.length; at += CHUNK_BYTES) await insertChunk(trx, blob, seq++, v.bytes.subarray(at, at + CHUNK_BYTES));
          await finishBlob(trx, blob, sha256, v.bytes.length, seq);
        }
        const latest = await trx('document').where({ tenant_id: v.base.tenant_id }).where((q) => q.where({ id: root }).orWhere({ version_of: root })).max('version as v').first();
        const row: DocumentRow = {
          id: randomUUID(), tenant_id: v.base.tenant_id, blob_id: blob, name: v.name, media_type: v.mediaType, size: v.bytes.length, sha256,
          uploaded_by: v.by, uploaded_at: v.at, instance_id: v.base.instance_id, field: v.base.field, task_id: null, attached_by: v.by, attached_at: v.at,
          version_of: root, version: Number(latest?.v ?? 1) + 1, signature: v.signature,
        };
        await insertDocument(trx, row);
        return row;
      });
    } catch (err) {
      // A concurrent run of the job, or another new version of the family, took the slot: look again.
      if ((err as { code?: string }).code !== '23505' || attempt > 2) throw err;
    }
  }
}

/** The name of the signed copy: `surat.pdf` → `surat-ttd.pdf`. */
export function signedName(name: string): string {
  const base = name.replace(/\.pdf$/i, '');
  return `${base.endsWith('-ttd') ? base : `${base}-ttd`}.pdf`;
}
