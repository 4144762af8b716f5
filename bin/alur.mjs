#!/usr/bin/env node
// The `alur` command: engine/cli/main.ts through tsx in a development checkout; in a production
// install (`npm ci --omit=dev`, no tsx) the compiled dist/engine/cli/main.js of `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/engine/cli/main.js', import.meta.url));
let tsx;
try {
  tsx = import.meta.resolve('tsx');
} catch {
  tsx = undefined;
}
const args = tsx || !existsSync(compiled)
  ? ['--import', tsx ?? 'tsx', fileURLToPath(new URL('../engine/cli/main.ts', import.meta.url))]
  : [compiled];
const child = spawn(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
