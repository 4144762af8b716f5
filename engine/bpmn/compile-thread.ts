/**
 * The deployment compiler's thread (compile-off-thread.ts): parsing a model costs its size — a
 * 10,000-branch gateway took half a second of parsing before the limits could refuse it — so a
 * server compiles here, never on the thread that answers every tenant's requests.
 */
import { parentPort } from 'node:worker_threads';
import { compileBpmn, type CompileOptions } from './compile.js';

parentPort!.on('message', async (job: { id: number; xml: string | Uint8Array; opts: Omit<CompileOptions, 'translateExpression'> }) => {
  try {
    parentPort!.postMessage({ id: job.id, result: await compileBpmn(job.xml, job.opts) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: (err as Error).message });
  }
});
