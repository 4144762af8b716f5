/**
 * The browser apps as the server hands them out: index.html names the bundles by their hashed
 * names and is revalidated on every load (no-cache); the hashed bundles are cached a year
 * (immutable), so a new build reaches users on their next load and nothing else is fetched twice.
 * In production (sourceMaps: false) the .map files answer 404; elsewhere they are served. The
 * security headers (CSP) stay on all of them. A browser that accepts brotli or gzip gets the
 * bundle compressed at build time; one that accepts neither gets it as it is.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { get, type IncomingHttpHeaders } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { forEachBackend } from '../store/backends.js';
import { openApi, type Api } from './harness.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The same-folder files a page's <script src> and <link href> name. */
const referenced = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"/:]+\.(?:js|css))"/g)].map((m) => m[1]);

forEachBackend('api: the browser apps\' files and their caching', (backend) => {
  let prod: Api;
  let dev: Api;
  before(async function () {
    this.timeout(300_000);
    // Builds only when a source changed (scripts/ui-build-stamp.mjs).
    const built = spawnSync(process.execPath, ['scripts/build-ui.mjs'], { encoding: 'utf8' });
    expect(built.status, built.stdout + built.stderr).to.equal(0);
    prod = await openApi(backend, { app: { sourceMaps: false } });
    dev = await openApi(backend);
  });
  after(async () => { await prod?.close(); await dev?.close(); });

  for (const app of ['designer', 'inbox']) {
    it(`given /${app}/, then index.html is no-cache and names hashed bundles, each cached a year (immutable) with the CSP on`, async () => {
      for (const path of [`/${app}/`, `/${app}/index.html`, `/${app}/tasks/123`]) {
        const page = await prod.http.get(path);
        expect(page.status, path).to.equal(200);
        expect(page.headers['cache-control'], path).to.equal('no-cache');
        expect(page.headers['content-security-policy'], path).to.include("script-src 'self'");
      }
      const files = referenced((await prod.http.get(`/${app}/`)).text);
      expect(files.some((f) => f.endsWith('.js')) && files.some((f) => f.endsWith('.css')), files.join()).to.equal(true);
      for (const file of files) {
        expect(file).to.match(/-[A-Z2-7]{8}\.(js|css)$/);
        const res = await prod.http.get(`/${app}/${file}`);
        expect(res.status, file).to.equal(200);
        expect(res.headers['cache-control'], file).to.equal(IMMUTABLE);
        expect(res.headers['content-security-policy'], file).to.include("default-src 'self'");
      }
    });

    it(`given production, when /${app}/'s source map is asked, then 404; outside production it is served`, async () => {
      const script = referenced((await prod.http.get(`/${app}/`)).text).find((f) => f.endsWith('.js'))!;
      const inProduction = await prod.http.get(`/${app}/${script}.map`);
      expect(inProduction.status).to.equal(404);
      expect(inProduction.headers['content-security-policy']).to.include("default-src 'self'");
      const elsewhere = await dev.http.get(`/${app}/${script}.map`);
      expect(elsewhere.status).to.equal(200);
      expect(JSON.parse(elsewhere.text)).to.have.property('mappings');
    });
  }

  it('given a browser that accepts br, gzip or neither, when the inbox\'s script is asked, then it gets the same bytes as br, gz or plain, cached a year', async () => {
    const script = referenced((await prod.http.get('/inbox/')).text).find((f) => f.endsWith('.js'))!;
    // node:http, not supertest or fetch: they would decompress the body before the spec sees it.
    const server = prod.app.listen(0);
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const fetchAs = (encoding: string) => new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        get({ port, path: `/inbox/${script}`, headers: { 'accept-encoding': encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
      const plain = await fetchAs('identity');
      expect(plain.headers).not.to.have.property('content-encoding');
      const body = plain.body;
      expect(body.length).to.be.greaterThan(100_000);
      const br = await fetchAs('gzip, deflate, br');
      const gz = await fetchAs('gzip');
      expect([br.headers['content-encoding'], gz.headers['content-encoding']]).to.deep.equal(['br', 'gzip']);
      for (const res of [plain, br, gz]) {
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.match(/javascript/);
        expect(res.headers['cache-control']).to.equal(IMMUTABLE);
      }
      expect(br.body.length).to.be.lessThan(body.length / 3);
      expect(brotliDecompressSync(br.body).equals(body)).to.equal(true);
      expect(gunzipSync(gz.body).equals(body)).to.equal(true);
      expect(br.headers.vary).to.match(/Accept-Encoding/i);
    } finally {
      server.close();
    }
  });

  it('given a bundle name the build never made, then 404 (not the app page)', async () => {
    const res = await prod.http.get('/inbox/inbox-AAAAAAAA.js');
    expect(res.status).to.equal(404);
  });
});
