// Entry of a thread started by start.ts. Plain JavaScript, because a worker's entry does not pass
// through the parent's loaders: running from source (tsx), start.ts names tsx's registration
// module and this thread registers it before loading the thread's .ts module; in production it
// loads the compiled .js.
import { workerData } from 'node:worker_threads';

if (workerData.typescriptLoader) {
  const { register } = await import(workerData.typescriptLoader);
  register();
}
await import(workerData.module);
