// Builds the browser apps (designer/, inbox/), each with its own build.mjs, when something it is
// built from changed (scripts/ui-build-stamp.mjs). Runs on `npm install` (prepare) and at the start
// of `npm start` (scripts/start.mjs calls buildUis in its own process: one node start fewer than a
// prestart script), so a newcomer needs no extra step and a later start does not wait for two
// bundles that would come out the same. ALUR_UI_BUILD=always builds regardless.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfChanged } from './ui-build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds what changed; false (after saying why) when a build failed. */
export function buildUis() {
  // A production install (`npm ci --omit=dev`) has no esbuild: it serves the dist/ folders built
  // beforehand (`npm run build`), so the build is skipped there rather than failing the install.
  try {
    createRequire(import.meta.url).resolve('esbuild');
  } catch {
    const missing = ['designer', 'inbox'].filter((app) => !existsSync(path.join(root, app, 'dist', 'index.html')));
    console.log(`build-ui: esbuild is not installed (a production install); serving the apps as built${missing.length ? ` — ${missing.join(' and ')} not built yet: run npm run build where dev dependencies are installed` : ''}`);
    return true;
  }
  try {
    for (const app of ['designer', 'inbox']) buildIfChanged(root, app);
    return true;
  } catch (error) {
    console.error(error.message);
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && !buildUis()) process.exit(1);
