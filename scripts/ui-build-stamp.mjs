// Builds a browser app only when something it is built from changed (used by scripts/build-ui.mjs).
//
// "Built from" is what esbuild read for the app's last build (its metafile: sources, the engine
// rules the designer bundles, every library file) plus the build script, index.html, the lockfile
// and, for the designer, its lint folder (the packed .bpmnlintrc reaches esbuild as a virtual
// module). Their contents are hashed; the app is rebuilt when the hash differs from the one stored
// after its last build (node_modules/.cache/alur-ui/<app>.json), when dist/ is missing, or with
// ALUR_UI_BUILD=always.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function fixedInputs(root, app) {
  const files = [`${app}/build.mjs`, `${app}/src/index.html`, 'package-lock.json'];
  const lint = path.join(root, app, 'lint');
  if (existsSync(lint)) {
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.relative(root, path.join(dir, entry.name))]);
    files.push(...walk(lint));
  }
  return files;
}

/** A hash of the contents of `files` (root-relative), or null when one of them is gone. */
function hashOf(root, files) {
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    const full = path.join(root, file);
    if (!existsSync(full) || !statSync(full).isFile()) return null;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
}

function upToDate(root, app, stampFile) {
  if (process.env.ALUR_UI_BUILD === 'always' || !existsSync(stampFile) || !existsSync(path.join(root, app, 'dist', 'index.html'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    // A hash that could not be taken (a file gone) never counts as up to date.
    return typeof stamp.hash === 'string' && stamp.hash === hashOf(root, [...stamp.inputs, ...fixedInputs(root, app)]);
  } catch {
    return false;
  }
}

/** Written beside and renamed over: node_modules may be hard links shared with another checkout. */
function writeFresh(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Builds `app` (its build.mjs, run in `root`) unless up to date; says which, and how long it took. */
export function buildIfChanged(root, app, log = console.log) {
  const script = path.join(root, app, 'build.mjs');
  if (!existsSync(script)) return 'absent';
  const cacheDir = path.join(root, 'node_modules', '.cache', 'alur-ui');
  const stampFile = path.join(cacheDir, `${app}.json`);
  const started = Date.now();
  if (upToDate(root, app, stampFile)) {
    log(`${app}: up to date (checked in ${Date.now() - started} ms; ALUR_UI_BUILD=always rebuilds)`);
    return 'up to date';
  }
  mkdirSync(cacheDir, { recursive: true });
  const metafile = path.join(cacheDir, `${app}.meta.json`);
  const run = spawnSync(process.execPath, [script, '--metafile', metafile], { cwd: root, stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
  if (run.status !== 0) throw new Error(`${app}: build failed (exit ${run.status})`);
  // esbuild names its inputs relative to the working directory (root); virtual ones have a
  // namespace, and a stylesheet's url(font.eot?#iefix) keeps its query and fragment.
  const inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs)
    .filter((input) => !/^[\w-]+:/.test(input)).map((input) => input.replace(/[?#].*$/, ''));
  writeFresh(stampFile, JSON.stringify({ hash: hashOf(root, [...inputs, ...fixedInputs(root, app)]), inputs }));
  log(`${app}: built in ${Date.now() - started} ms`);
  return 'built';
}
