/**
 * Uploads that no case took within UNATTACHED_HOURS are deleted (API.md 1.1), with the content no
 * document names any more and the remains of uploads that broke off half way. main.ts runs the
 * sweep every few minutes on each API process; running it twice at once is harmless.
 */
import type { Knex } from 'knex';
import { sweepDocuments } from '../store/documents.js';

export const UNATTACHED_HOURS = 24;
/** An upload still writing after this long was abandoned (its process died). */
const UNFINISHED_MS = 3600_000;

/** One sweep as of `now` (the engine clock: a controlled clock moved past 24 hours expires uploads). */
export function sweepExpiredDocuments(knex: Knex, now: Date, wallNow = new Date()): Promise<{ documents: number; blobs: number }> {
  return sweepDocuments(knex, new Date(now.getTime() - UNATTACHED_HOURS * 3600_000), new Date(wallNow.getTime() - UNFINISHED_MS));
}

/** Sweeps every `everyMs` until the returned function is called; errors go to `onError`. */
export function startDocumentExpiry(knex: Knex, now: () => Date, onError: (err: unknown) => void, everyMs = 10 * 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpiredDocuments(knex, now()).catch(onError).finally(() => { running = false; });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
