/**
 * Serves the browser apps other parts of the repo build: designer/dist at /designer/ and
 * inbox/dist at /inbox/ (whatever exists), with an index.html fallback for client-side routes.
 * `/` goes to the inbox.
 *
 * Caching: the bundles' names carry a content hash (scripts/hashed-index.mjs), so a browser may
 * keep them a year without asking again; index.html, which names them, is revalidated on every
 * load (no-cache), so a new build reaches users on their next page load. Source maps (.map) are
 * not served when `sourceMaps` is false (production: README, "Production").
 *
 * Compression: the build writes a .br and a .gz beside each bundle (scripts/hashed-index.mjs);
 * a browser that accepts one gets it (Content-Encoding, Vary: Accept-Encoding), nothing is
 * compressed per request. express-static-gzip lists the compressed files when the server starts,
 * so a bundle rebuilt while it runs is sent uncompressed until the next start.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** esbuild's [hash]: 8 characters of [A-Z2-7] before the extension (designer-3FQ2K7LM.js.map). */
const HASHED = /-[A-Z2-7]{8}\./;

function cacheHeaders(res: ServerResponse, file: string): void {
  res.setHeader('Cache-Control', HASHED.test(basename(file)) ? IMMUTABLE : 'no-cache');
}

export function serveApps(app: Express, root: string, opts: { sourceMaps?: boolean } = {}): void {
  app.get('/', (_req, res) => res.redirect(302, '/inbox/'));
  for (const name of ['designer', 'inbox']) {
    const dir = resolve(root, name, 'dist');
    // Express 5 matches `/name` for `/name/` too; redirect only the slash-less form, or it loops.
    app.get(`/${name}`, (req, res, next) => (req.originalUrl.split('?')[0].endsWith('/') ? next() : res.redirect(301, `/${name}/`)));
    if (opts.sourceMaps === false) app.use(`/${name}`, (req, res, next) => (req.path.endsWith('.map') ? res.status(404).type('text/plain').send('Not found\n') : next()));
    app.use(`/${name}`, expressStaticGzip(dir, {
      enableBrotli: true, orderPreference: ['br', 'gz'], index: 'index.html',
      serveStatic: { index: 'index.html', fallthrough: true, cacheControl: false, setHeaders: cacheHeaders },
    }));
    app.get(`/${name}/{*rest}`, (req, res, next) => {
      const index = join(dir, 'index.html');
      // Only page routes fall back to the app; a missing asset stays a 404.
      if (!existsSync(index) || /\.[a-z0-9]+$/i.test(req.path)) return next();
      res.sendFile(index, { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } });
    });
  }
}
