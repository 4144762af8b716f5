/**
 * Starts a worker thread whose code is one of the engine's TypeScript modules (the step threads,
 * the deployment compiler), from source under tsx as from the compiled engine. The thread reads
 * what it was given as `workerData.data`.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const BOOT_URL = new URL('./boot.mjs', import.meta.url);
/** Running from source (tsx: development, specs), a thread registers tsx itself: a worker does not inherit loaders. */
const TYPESCRIPT_LOADER = import.meta.url.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined;

/** Starts module `name` (e.g. './thread', no extension) next to the module `from` (its import.meta.url). */
export function startThread(from: string, name: string, data: unknown, options: Omit<WorkerOptions, 'workerData'> = {}): Worker {
  const module = new URL(`${name}${from.endsWith('.ts') ? '.ts' : '.js'}`, from).href;
  return new Worker(BOOT_URL, { ...options, workerData: { typescriptLoader: TYPESCRIPT_LOADER, module, data } });
}
