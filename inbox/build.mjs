// Builds the staff inbox: one esbuild bundle (JS + CSS, with form-js and bpmn-js styles and
// fonts) into inbox/dist/, served by the engine at /inbox/. Never loads anything from a CDN:
// government networks are often closed, so everything the page needs ships in dist/.
import { build, context } from 'esbuild';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashedIndex } from '../scripts/hashed-index.mjs';

process.env.IBM_TELEMETRY_DISABLED = 'true';
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const watch = process.argv.includes('--watch');

// No clean step before the build: a server may be serving dist/ while this runs. The new files have
// new names; hashedIndex swaps index.html over to them and only then removes the old ones.
await mkdir(dist, { recursive: true });

const options = {
  entryPoints: { inbox: join(here, 'src', 'main.ts') },
  bundle: true,
  outdir: dist,
  // Hashed names, cached a year by the server; index.html (written by hashedIndex) names them.
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  plugins: [hashedIndex({ html: join(here, 'src', 'index.html'), dist, compress: !watch })],
  format: 'esm',
  target: 'es2022',
  minify: !watch,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  loader: { '.woff': 'file', '.woff2': 'file', '.eot': 'file', '.ttf': 'file', '.svg': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
};

if (watch) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('inbox: watching inbox/src');
} else {
  const metafileAt = process.argv.indexOf('--metafile');
  const result = await build(options);
  // scripts/build-ui.mjs reads what the bundle was made from, to skip the next build when nothing changed.
  // Through a rename: in a worktree whose node_modules was copied with hard links (cp -al), writing
  // in place would change every other checkout's metafile too.
  if (metafileAt > 0) {
    const file = process.argv[metafileAt + 1];
    await writeFile(`${file}.tmp`, JSON.stringify(result.metafile));
    await rename(`${file}.tmp`, file);
  }
}
