/**
 * A small argument parser for the CLI: positionals and `--name value` / `--flag` options, with
 * the allowed options declared per command so a typo is a usage error (exit code 2), not ignored.
 */
export class UsageError extends Error {}

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
    if (!kind) throw new UsageError(`unknown option ${arg}`);
    if (kind === 'flag') {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    options[name] = value;
  }
  return { positionals, options };
}
