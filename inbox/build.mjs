// Builds the staff inbox: one esbuild bundle (JS + CSS, with form-js and bpmn-js styles and
// fonts) into inbox/dist/, served by the engine at /inbox/. Never loads anything from a CDN:
// government networks are often closed, so everything the page needs ships in dist/.
import { build, context } from 'esbuild';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.IBM_TELEMETRY_DISABLED = 'true';
const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const watch = process.argv.includes('--watch');

// No clean step: a server may be serving dist/ while this runs, and esbuild overwrites in place.
await mkdir(dist, { recursive: true });
await copyFile(join(here, 'src', 'index.html'), join(dist, 'index.html'));

const options = {
  entryPoints: { inbox: join(here, 'src', 'main.ts') },
  bundle: true,
  outdir: dist,
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
  const result = await build({ ...options, metafile: metafileAt > 0 });
  // scripts/build-ui.mjs reads what the bundle was made from, to skip the next build when nothing changed.
  // Through a rename: in a worktree whose node_modules was copied with hard links (cp -al), writing
  // in place would change every other checkout's metafile too.
  if (metafileAt > 0) {
    const file = process.argv[metafileAt + 1];
    await writeFile(`${file}.tmp`, JSON.stringify(result.metafile));
    await rename(`${file}.tmp`, file);
  }
}
