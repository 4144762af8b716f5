// An esbuild plugin for the browser apps: their bundles are named with a content hash
// (entryNames/assetNames '[name]-[hash]'), so the server can let browsers keep them a year
// (engine/api/static.ts), and index.html — the one file fetched fresh each time — is written from
// src/index.html with the hashed names in place of the plain ones it names (designer.js →
// designer-3FQ2K7LM.js). Files an earlier build left in dist/ are removed after the new index.html
// is in place. Needs esbuild's `metafile: true`; runs after every build, in --watch mode too.
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `designer-3FQ2K7LM.js.map` → `designer.js.map`: esbuild's hashes are 8 characters of [A-Z2-7]. */
export const unhashed = (name) => name.replace(/-[A-Z2-7]{8}(?=\.)/, '');

export function hashedIndex({ html, dist }) {
  return {
    name: 'alur-hashed-index',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length || !result.metafile) return;
        const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
        const byPlainName = new Map(outputs.map((name) => [unhashed(name), name]));
        const page = readFileSync(html, 'utf8').replace(/\b(href|src)="([^"/:]+)"/g, (whole, attribute, name) => {
          if (!/\.(js|css)$/.test(name)) return whole;
          const hashed = byPlainName.get(name);
          if (!hashed) throw new Error(`${html} names ${name}, which the build did not produce`);
          return `${attribute}="${hashed}"`;
        });
        // Through a rename, so a server never reads half an index.html.
        writeFileSync(path.join(dist, 'index.html.tmp'), page);
        renameSync(path.join(dist, 'index.html.tmp'), path.join(dist, 'index.html'));
        const kept = new Set([...outputs, 'index.html']);
        for (const file of readdirSync(dist)) if (!kept.has(file)) rmSync(path.join(dist, file), { force: true });
      });
    },
  };
}
