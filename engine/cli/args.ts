/**
 * A small argument parser for the CLI: positionals and `--name value` / `--flag` options, with
 * the allowed options declared per command so a typo is a usage error (exit code 2), not ignored.
 */
import { render, text, type Text } from '../messages/index.js';

/** Wrong usage: its words are catalog text, printed in the CLI's language (main.ts). */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(render(text, 'en'));
  }
}

/** "usage: alur pack …" for one command; the syntax is what the user types, so it stays as written. */
export function usageOf(usage: string): UsageError {
  return new UsageError(text('cli.usage-of', { usage }));
}

export interface Parsed { positionals: string[]; options: Record<string, string | true> }

export function parseArgs(argv: string[], allowed: Record<string, 'value' | 'flag'>, aliases: Record<string, string> = {}): Parsed {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s);
    const name = aliases[rawName] ?? rawName;
    const kind = allowed[name];
    if (!kind) throw new UsageError(text('cli.unknown-option', { option: arg }));
    if (kind === 'flag') {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(text('cli.option-needs-value', { option: name }));
    options[name] = value;
  }
  return { positionals, options };
}
