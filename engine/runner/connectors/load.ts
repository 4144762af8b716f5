/**
 * Integrators' handler modules (ALUR_HANDLERS, a comma-separated list of module paths): each
 * exports `register(registry)` (or a default function of the same shape) and registers its task
 * types. Loaded by `npm start` and `npm run worker` alike, so every process runs the same types.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { JobHandlerRegistry } from '../registry.js';

type Register = (registry: JobHandlerRegistry) => void | Promise<void>;

export async function loadHandlerModules(registry: JobHandlerRegistry, list: string | undefined, cwd = process.cwd()): Promise<string[]> {
  const paths = (list ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const path of paths) {
    const mod = (await import(pathToFileURL(resolve(cwd, path)).href)) as { register?: Register; default?: Register };
    const register = mod.register ?? mod.default;
    if (typeof register !== 'function') throw new Error(`handler module ${path} exports neither register(registry) nor a default function`);
    await register(registry);
  }
  return paths;
}
