/**
 * Builds `engine/worker.ts` and a handler module into one ESM file each (esbuild, packages left
 * external) under node_modules/.cache/alur-worker, so the chaos run and bench/queue start worker
 * processes with plain node in about a second instead of compiling TypeScript through tsx at
 * every (re)start — a killed worker is back quickly, as a deployed build would be.
 */
import { build } from 'esbuild';
import { copyFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/alur-worker');

/** Builds the worker and `handlers` (paths relative to the repository); returns their file paths. */
export async function bundleWorker(handlers: string): Promise<{ worker: string; handlers: string }> {
  // One folder per handler module, so a chaos run and a bench run never overwrite each other's files.
  const outdir = join(BUNDLE_DIR, basename(handlers).replace(/\.[^.]+$/, ''));
  await build({
    entryPoints: { worker: join(ROOT, 'engine/worker.ts'), handlers: join(ROOT, handlers), thread: join(ROOT, 'engine/steps/thread.ts'), 'compile-thread': join(ROOT, 'engine/bpmn/compile-thread.ts') },
    bundle: true, platform: 'node', format: 'esm', target: 'node20',
    // Packages stay external (resolved from node_modules at run time), except JSON files, which
    // plain node would refuse to import without an import attribute: those are inlined.
    plugins: [{
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
      },
    }],
    outdir, outExtension: { '.js': '.mjs' }, logLevel: 'warning',
  });
  // The bounded FEEL evaluator loads its worker file next to itself; the engine's threads (the
  // step pool, the deployment compiler: engine/threads/start.ts) start from boot.mjs beside it,
  // which loads the compiled `<name>.js`. Without them every step thread failed at once and was
  // started again, over and over, eating the worker's CPU.
  copyFileSync(join(ROOT, 'engine/expressions/sandbox-worker.mjs'), join(outdir, 'sandbox-worker.mjs'));
  copyFileSync(join(ROOT, 'engine/threads/boot.mjs'), join(outdir, 'boot.mjs'));
  for (const thread of ['thread', 'compile-thread']) renameSync(join(outdir, `${thread}.mjs`), join(outdir, `${thread}.js`));
  return { worker: join(outdir, 'worker.mjs'), handlers: join(outdir, 'handlers.mjs') };
}
