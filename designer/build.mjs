// Builds the designer into designer/dist/ with esbuild: one JS bundle (bpmn-js, the properties
// panel, form-js, token simulation, bpmnlint with the packed rules), one CSS bundle with the
// libraries' stylesheets and fonts, and index.html naming them (their names carry a content hash). No CDN: everything the page loads is here.
// Run by scripts/build-ui.mjs on `npm install` and `npm start`; `node designer/build.mjs --watch`
// rebuilds on change while working on the designer.
import { build, context } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { lintPlugin } from './lint/esbuild-plugin.mjs';
import { hashedIndex } from '../scripts/hashed-index.mjs';

process.env.IBM_TELEMETRY_DISABLED = 'true';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

const options = {
  entryPoints: { designer: path.join(here, 'src', 'main.ts'), 'designer-styles': path.join(here, 'src', 'styles', 'index.css') },
  outdir: dist,
  // Hashed names, cached a year by the server; index.html (written by hashedIndex) names them.
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file' },
  plugins: [lintPlugin, hashedIndex({ html: path.join(here, 'src', 'index.html'), dist, compress: !process.argv.includes('--watch') })],
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('designer: watching for changes');
} else {
  const started = Date.now();
  const metafileAt = process.argv.indexOf('--metafile');
  const result = await build(options);
  // scripts/build-ui.mjs reads what the bundle was made from, to skip the next build when nothing changed.
  // Through a rename: in a worktree whose node_modules was copied with hard links (cp -al), writing
  // in place would change every other checkout's metafile too.
  if (metafileAt > 0) {
    const file = process.argv[metafileAt + 1];
    writeFileSync(`${file}.tmp`, JSON.stringify(result.metafile));
    renameSync(`${file}.tmp`, file);
  }
  console.log(`designer: built into designer/dist in ${Date.now() - started} ms`);
}
