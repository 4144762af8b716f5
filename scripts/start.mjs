// `npm start`'s server without tsx at run time. Loading engine/ through tsx's loader hooks took ~10 s
// of a later start on this machine (each module's resolve and load crossing to tsx's hook thread);
// here engine/ and migrations/ are transpiled by esbuild file by file — the same tree, so every
// relative path and import stays as written — into node_modules/.cache/alur-run, only when a
// source changed (their paths, sizes and times, and this script, are the stamp), and the server
// is imported from there with plain node. The .mjs modules the engine loads itself (the FEEL
// sandbox and signing workers) and its JSON are copied beside. Handler modules written in
// TypeScript (ALUR_HANDLERS=*.ts) still load: tsx's hooks are registered for them only then.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The browser apps first, when their sources changed (was npm's prestart: a node start of its own).
const { buildUis } = await import('./build-ui.mjs');
if (!buildUis()) process.exit(1);

const started = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules', '.cache', 'alur-run');
const stampFile = path.join(root, 'node_modules', '.cache', 'alur-run.stamp');

function sources() {
  const files = [];
  for (const dir of ['engine', 'migrations']) {
    for (const file of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (/\.d\.m?ts$/.test(file) || !/\.(ts|mjs|json)$/.test(file)) continue;
      files.push(path.join(dir, file));
    }
  }
  return files.sort();
}

function stampOf(files) {
  const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of files) {
    const s = statSync(path.join(root, file));
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

async function transpile(files) {
  const { build } = await import('esbuild');
  const staging = `${out}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: files.filter((f) => f.endsWith('.ts')),
    outdir: staging, outbase: '.', format: 'esm', platform: 'node', target: `node${process.versions.node}`,
    sourcemap: 'linked', logLevel: 'warning',
  });
  for (const file of files.filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(staging, file));
  }
  // The whole tree appears at once: a start interrupted mid-build never runs a half-written one.
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
}

const files = sources();
const stamp = stampOf(files);
const fresh = existsSync(path.join(out, 'engine', 'main.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (!fresh) {
  await transpile(files);
  // Through a rename: a node_modules copied with hard links (cp -al) must not share this file's contents.
  writeFileSync(`${stampFile}.tmp`, stamp);
  renameSync(`${stampFile}.tmp`, stampFile);
}
const ms = Math.round(performance.now() - started);
console.log(`engine: ${fresh ? `up to date (checked in ${ms} ms)` : `transpiled ${files.length} files into node_modules/.cache/alur-run in ${ms} ms`}`);

if ((process.env.ALUR_HANDLERS ?? '').split(',').some((name) => /\.[cm]?ts$/.test(name.trim()))) {
  const { register } = await import('tsx/esm/api');
  register();
}
process.chdir(root);
await import(pathToFileURL(path.join(out, 'engine', 'main.js')).href);
