/**
 * Receiving one upload (POST /api/documents) without ever holding it whole: the multipart part
 * is read as it arrives, hashed, counted, and written as chunks of CHUNK_BYTES into a blob that no
 * one can find yet; the first chunk decides the kind (file-type). Too large (413), a kind not
 * accepted or a name that contradicts the content (415), a malware finding: the blob goes, nothing
 * is kept, and the rest of the request is discarded unread into the database. At the end, in one
 * transaction, the blob takes its sha256 — or, when the tenant already holds that content, the
 * document names the existing blob and the new one goes — and the document row is written.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Knex } from 'knex';
import type { FileTypeResult } from 'file-type';
import { beginBlob, dropBlob, finishBlob, insertChunk, insertDocument, storedBlobFor, type DocumentRow } from '../store/documents.js';
import { InvalidInput, TooLarge, UnsupportedMediaType } from '../service/errors.js';
import { text } from '../messages/index.js';
import { acceptedList, contradiction, detectKind, isAccepted, safeName, type KindRules } from './kinds.js';
import type { Scanner, ScanSession } from './scanner.js';

/** Bytes per chunk row: large enough for few round trips, small enough to keep memory flat. */
export const CHUNK_BYTES = 256 * 1024;

export interface DocumentOptions {
  /** ALUR_MAX_DOCUMENT_MB in bytes. */
  maxBytes: number;
  kinds: KindRules;
  /** With ALUR_CLAMAV: every upload is scanned before it is accepted. */
  scanner?: Scanner;
}

export interface Uploader { tenant: string; username: string; now: Date }

/** Reads the multipart request `req` and stores its `file` part; the stored row, or a refusal. */
export function receiveDocument(req: IncomingMessage, knex: Knex, options: DocumentOptions, who: Uploader): Promise<DocumentRow> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 } });
    } catch {
      reject(new InvalidInput(text('document.no-file'), [{ path: 'file', message: 'no multipart body', text: text('document.no-file') }]));
      return;
    }
    let stored: Promise<DocumentRow> | undefined;
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      // Stop parsing; what the client still sends is read and thrown away, so it gets its answer.
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      req.resume();
      reject(err);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        stream.resume();
        return;
      }
      stored = storeStream(stream, info.filename, knex, options, who);
      stored.catch((err) => { stream.resume(); fail(err); });
    });
    parser.on('close', () => {
      if (!stored) return fail(new InvalidInput(text('document.no-file'), [{ path: 'file', message: 'no part named file', text: text('document.no-file') }]));
      stored.then((row) => { settled = true; resolve(row); }, fail);
    });
    parser.on('error', (err) => fail(new InvalidInput(text('api.invalid-upload'), [{ path: 'file', message: (err as Error).message }])));
    req.on('aborted', () => fail(new InvalidInput(text('api.invalid-upload'))));
    req.pipe(parser);
  });
}

async function storeStream(stream: Readable, filename: string | undefined, knex: Knex, options: DocumentOptions, who: Uploader): Promise<DocumentRow> {
  const blobId = randomUUID();
  await beginBlob(knex, { id: blobId, tenant_id: who.tenant, created_at: new Date() });
  let scan: ScanSession | undefined;
  try {
    scan = await options.scanner?.open();
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let kind: FileTypeResult | undefined;
    let name = '';
    const pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (bytes: number) => {
      const chunk = takeBytes(pending, bytes);
      pendingBytes -= chunk.length;
      if (seq === 0) ({ kind, name } = await judge(chunk, filename, options.kinds));
      await insertChunk(knex, blobId, seq++, chunk);
      await scan?.write(chunk);
    };
    for await (const piece of stream as AsyncIterable<Buffer>) {
      size += piece.length;
      if (size > options.maxBytes) throw new TooLarge(text('document.too-large', { limit: Math.round((options.maxBytes / 1048576) * 100) / 100 }));
      hash.update(piece);
      pending.push(piece);
      pendingBytes += piece.length;
      while (pendingBytes >= CHUNK_BYTES) await flush(CHUNK_BYTES);
    }
    if (size === 0) throw new InvalidInput(text('document.empty'), [{ path: 'file', message: 'empty', text: text('document.empty') }]);
    if (pendingBytes > 0) await flush(pendingBytes);
    if (scan) await scan.finish();
    const sha256 = hash.digest('hex');
    const row: DocumentRow = {
      id: randomUUID(), tenant_id: who.tenant, blob_id: blobId, name, media_type: kind!.mime, size, sha256,
      uploaded_by: who.username, uploaded_at: who.now, instance_id: null, field: null, task_id: null, attached_by: null, attached_at: null,
    };
    row.blob_id = await finish(knex, row, blobId, seq);
    if (row.blob_id !== blobId) await dropBlob(knex, blobId);
    return row;
  } catch (err) {
    scan?.abort();
    await dropBlob(knex, blobId).catch(() => {});
    throw err;
  }
}

/** The kind of the first chunk, refused when not accepted or contradicted by the name; and the name to keep. */
async function judge(head: Buffer, filename: string | undefined, rules: KindRules): Promise<{ kind: FileTypeResult; name: string }> {
  const kind = await detectKind(head);
  if (!kind) throw new UnsupportedMediaType(text('document.type-unknown', { accepted: acceptedList(rules) }));
  if (!isAccepted(rules, kind)) throw new UnsupportedMediaType(text('document.type-not-accepted', { found: kind.mime, accepted: acceptedList(rules) }));
  const name = safeName(filename, kind.ext);
  const named = await contradiction(name, kind);
  if (named) throw new UnsupportedMediaType(text('document.name-contradicts', { named, found: kind.mime }));
  return { kind, name };
}

/**
 * Names the blob under its hash and writes the document, in one transaction; answers the blob the
 * document names (an existing one with the same content, or `blobId`).
 */
async function finish(knex: Knex, row: DocumentRow, blobId: string, chunks: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await knex.transaction(async (trx) => {
        const existing = await storedBlobFor(trx, row.tenant_id, row.sha256);
        const blob = existing?.id ?? blobId;
        if (!existing) await finishBlob(trx, blobId, row.sha256, row.size, chunks);
        await insertDocument(trx, { ...row, blob_id: blob });
        return blob;
      });
    } catch (err) {
      // The same content finished by a concurrent upload in between: name that one.
      if ((err as { code?: string }).code !== '23505' || attempt > 0) throw err;
    }
  }
}

/** Removes the first `bytes` bytes from `pieces` as one buffer (the rest stays). */
function takeBytes(pieces: Buffer[], bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  let at = 0;
  while (at < bytes) {
    const first = pieces[0];
    const n = Math.min(first.length, bytes - at);
    first.copy(out, at, 0, n);
    at += n;
    if (n === first.length) pieces.shift();
    else pieces[0] = first.subarray(n);
  }
  return out;
}
