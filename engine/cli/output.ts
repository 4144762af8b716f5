/** What the CLI prints: problems naming file and element, and progress lines on stderr, in the CLI's language (lang.ts). */
import { render, text } from '../messages/index.js';
import { formatProblem, PackError, type PackProblem } from '../packs/problems.js';
import { cliLang } from './lang.js';
import type { ErrorItem } from '../service/errors.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A pack's warning as one line, in the CLI's language. */
export function warningLine(p: PackProblem): string {
  return `  ⚠ ${formatProblem(p, cliLang())}`;
}

/** Prints an error; returns the exit code it deserves (1 for a bad pack or a failed operation). */
export function printError(err: unknown): number {
  const lang = cliLang();
  if (err instanceof PackError) {
    process.stderr.write(`✗ ${render(text('pack.refused', { count: err.problems.length }), lang)}\n`);
    for (const p of err.problems) process.stderr.write(`  ${formatProblem(p, lang)}\n`);
    return EXIT.failed;
  }
  const e = err as Error & { text?: Parameters<typeof render>[0]; errors?: ErrorItem[] };
  process.stderr.write(`✗ ${e.text ? render(e.text, lang) : e.message ?? String(err)}\n`);
  for (const item of e.errors ?? []) process.stderr.write(`  ${item.element ?? item.path ?? ''}: ${item.text ? render(item.text, lang) : item.message}\n`);
  return EXIT.failed;
}
