// Builds the browser apps (designer/, inbox/), each with its own build.mjs, when something it is
// built from changed (scripts/ui-build-stamp.mjs). Runs on `npm install` (prepare) and before
// `npm start`, so a newcomer needs no extra step and a later start does not wait for two bundles
// that would come out the same. ALUR_UI_BUILD=always builds regardless.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfChanged } from './ui-build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
try {
  for (const app of ['designer', 'inbox']) buildIfChanged(root, app);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
