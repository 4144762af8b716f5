// Builds the browser apps (designer/, inbox/), each with its own build.mjs, when something it is
// built from changed (scripts/ui-build-stamp.mjs). Runs on `npm install` (prepare) and before
// `npm start`, so a newcomer needs no extra step and a later start does not wait for two bundles
// that would come out the same. ALUR_UI_BUILD=always builds regardless.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfChanged } from './ui-build-stamp.mjs';

// A production install (`npm ci --omit=dev`) has no esbuild: it serves the dist/ folders built
// beforehand (`npm run build`), so the build is skipped there rather than failing the install.
try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  const missing = ['designer', 'inbox'].filter((app) => !existsSync(`${app}/dist/index.html`));
  console.log(`build-ui: esbuild is not installed (a production install); serving the apps as built${missing.length ? ` — ${missing.join(' and ')} not built yet: run npm run build where dev dependencies are installed` : ''}`);
  process.exit(0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  for (const app of ['designer', 'inbox']) buildIfChanged(root, app);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
