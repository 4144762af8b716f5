// Builds the browser apps (designer/, inbox/) by running each one's own build.mjs.
// Runs on `npm install` (prepare) and before `npm start`, so a newcomer needs no extra step.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

for (const app of ['designer', 'inbox']) {
  const script = `${app}/build.mjs`;
  if (!existsSync(script)) continue;
  const run = spawnSync(process.execPath, [script], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
