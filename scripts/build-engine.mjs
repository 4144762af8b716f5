// Compiles the engine and its migrations to dist/ (tsconfig.build.json) for `npm run start:prod`,
// which runs plain JavaScript without tsx, and copies the files tsc leaves out: the plain
// JavaScript modules the engine loads itself (the FEEL sandbox worker, the working-day calendar
// shared with it). tsc copies the JSON the engine imports.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

rmSync('dist', { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

let copied = 0;
for (const file of readdirSync('engine', { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.mjs')) continue;
  cpSync(join('engine', file), join('dist', 'engine', file), { force: true });
  copied++;
}
console.log(`engine: compiled into dist/ (${copied} plain JavaScript modules copied)`);
