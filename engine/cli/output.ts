/** What the CLI prints: problems naming file and element, and progress lines on stderr. */
import { formatProblem, PackError } from '../packs/problems.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Prints an error; returns the exit code it deserves (1 for a bad pack or a failed operation). */
export function printError(err: unknown): number {
  if (err instanceof PackError) {
    process.stderr.write(`✗ ${err.problems.length} problem(s):\n`);
    for (const p of err.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return EXIT.failed;
  }
  const e = err as Error & { errors?: { element?: string; path?: string; message: string }[] };
  process.stderr.write(`✗ ${e.message ?? String(err)}\n`);
  for (const item of e.errors ?? []) process.stderr.write(`  ${item.element ?? item.path ?? ''}: ${item.message}\n`);
  return EXIT.failed;
}
