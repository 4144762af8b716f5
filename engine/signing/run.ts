/**
 * Runs one signing operation in its own worker thread (sign-worker.mjs) under a heap limit and a
 * deadline, and turns a refusal into a SigningRefusal with a code the callers word for people
 * (the certificate API as a 4xx, the tte-sign connector as an incident). A fresh worker per
 * operation: signing is rare, and nothing of one tenant's key or document outlives its job.
 */
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('./sign-worker.mjs', import.meta.url);

export type RefusalCode =
  | 'not-p12' | 'wrong-passphrase' | 'no-key' | 'no-certificate' | 'key-mismatch' | 'unsupported-key'
  | 'not-pdf' | 'pdf-encrypted' | 'already-signed' | 'timeout' | 'out-of-memory' | 'failed';

export class SigningRefusal extends Error {
  constructor(readonly code: RefusalCode, readonly detail?: string) {
    super(`signing refused: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'SigningRefusal';
  }
}

export interface SigningBudget {
  /** Wall-clock time one operation may take (ALUR_SIGN_TIMEOUT_MS). */
  timeoutMs: number;
  /** Heap of the worker (ALUR_SIGN_MEMORY_MB). */
  memoryMb: number;
}

export const DEFAULT_SIGNING_BUDGET: SigningBudget = { timeoutMs: 30_000, memoryMb: 256 };

export interface SignFields { reason: string; location: string; name: string; contactInfo?: string; signingTime: Date }

export async function inspectP12(p12: Uint8Array, passphrase: string, budget: SigningBudget = DEFAULT_SIGNING_BUDGET): Promise<{ der: Uint8Array; chain: Uint8Array[] }> {
  const out = await runWorker({ op: 'inspect', p12, passphrase }, budget);
  return out.certificate as { der: Uint8Array; chain: Uint8Array[] };
}

export async function signPdf(p12: Uint8Array, passphrase: string, pdf: Uint8Array, fields: SignFields, budget: SigningBudget = DEFAULT_SIGNING_BUDGET): Promise<Buffer> {
  const out = await runWorker({ op: 'sign', p12, passphrase, pdf, ...fields, signingTime: fields.signingTime.toISOString() }, budget);
  const bytes = out.pdf as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function runWorker(data: Record<string, unknown>, budget: SigningBudget): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      // Plain JavaScript: it must not inherit tsx or other loaders of the parent.
      execArgv: [],
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate().catch(() => undefined);
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new SigningRefusal('timeout', `${budget.timeoutMs} ms`))), budget.timeoutMs);
    worker.once('message', (msg: { ok: boolean; code?: RefusalCode; detail?: string } & Record<string, unknown>) => finish(() => {
      if (msg.ok) resolve(msg);
      else reject(new SigningRefusal(msg.code ?? 'failed', msg.detail));
    }));
    worker.once('error', (err: Error & { code?: string }) => finish(() => reject(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new SigningRefusal('out-of-memory', `${budget.memoryMb} MB`) : new SigningRefusal('failed', err.message))));
    worker.once('exit', (code) => finish(() => reject(new SigningRefusal('failed', `worker exited with ${code}`))));
  });
}
