/** What the CLI prints: problems naming file and element, and progress lines on stderr, in the CLI's language (lang.ts). */
import { render, text, type Text } from '../messages/index.js';
import { formatProblem, PackError, type PackProblem } from '../packs/problems.js';
import { cliLang } from './lang.js';
import type { ErrorItem } from '../service/errors.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A failed operation whose words are catalog text: printed in the CLI's language, exit code 1. */
export class CliError extends Error {
  constructor(readonly text: Text) {
    super(render(text, 'en'));
  }
}

export function progress(message: string | Text): void {
  process.stderr.write(`${say(message)}\n`);
}

/** A line in the CLI's language. */
export function say(message: string | Text): string {
  return render(message, cliLang());
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
