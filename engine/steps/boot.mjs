// Entry of a step thread (pool.ts). Plain JavaScript, because a worker's entry does not pass through
// the parent's loaders: running from source (tsx), the pool names tsx's registration module and
// this thread registers it before loading thread.ts; in production it loads the compiled thread.js.
import { workerData } from 'node:worker_threads';

if (workerData.typescriptLoader) {
  const { register } = await import(workerData.typescriptLoader);
  register();
}
await import(workerData.module);
