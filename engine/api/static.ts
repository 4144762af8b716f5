/**
 * Serves the browser apps other parts of the repo build: designer/dist at /designer/ and
 * inbox/dist at /inbox/ (whatever exists), with an index.html fallback for client-side routes.
 * `/` goes to the inbox.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type Express } from 'express';

export function serveApps(app: Express, root: string): void {
  app.get('/', (_req, res) => res.redirect(302, '/inbox/'));
  for (const name of ['designer', 'inbox']) {
    const dir = resolve(root, name, 'dist');
    // Express 5 matches `/name` for `/name/` too; redirect only the slash-less form, or it loops.
    app.get(`/${name}`, (req, res, next) => (req.originalUrl.split('?')[0].endsWith('/') ? next() : res.redirect(301, `/${name}/`)));
    app.use(`/${name}`, express.static(dir, { index: 'index.html', fallthrough: true, maxAge: '5m' }));
    app.get(`/${name}/{*rest}`, (req, res, next) => {
      const index = join(dir, 'index.html');
      // Only page routes fall back to the app; a missing asset stays a 404.
      if (!existsSync(index) || /\.[a-z0-9]+$/i.test(req.path)) return next();
      res.sendFile(index);
    });
  }
}
