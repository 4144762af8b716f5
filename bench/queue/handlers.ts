/** Handler module of bench/queue (loaded by each worker through ALUR_HANDLERS): a no-op service task. */
import type { JobHandlerRegistry } from '../../engine/runner/registry.js';

export function register(registry: JobHandlerRegistry): void {
  registry.register('bench-noop', async () => ({}));
}
