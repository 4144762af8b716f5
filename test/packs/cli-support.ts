/** Runs the `alur` command as a person would (bin/alur.mjs), collecting its exit code and output. */
import { spawn } from 'node:child_process';

export function alur(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    // The CLI runs on its own PGlite folder: a shared DATABASE_URL would carry imports over between runs.
    // Its language is the locale's (engine/cli/lang.ts): the machine's is left out, a spec sets its own.
    const { DATABASE_URL: _db, REDIS_URL: _redis, LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...inherited } = process.env;
    const child = spawn(process.execPath, ['bin/alur.mjs', ...args], { env: { ...inherited, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => resolve({ code: code ?? 1, out, err }));
  });
}
