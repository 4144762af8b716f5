// Given the pack routes mounted on an app whose caller is a tenant admin, when a pack is imported
// over HTTP (dry run, then for real) and exported, then the answers follow API.md.
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { buildPack } from '../../engine/packs/build.js';
import { packRoutes } from '../../engine/packs/routes.js';
import { MemoryPackStore } from '../../engine/packs/store.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { problemHandler } from '../../engine/api/problems.js';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('pack routes', function () {
  this.timeout(180_000);
  let h: ScenarioHarness;
  let app: express.Express;
  let zip: Buffer;
  let tenant: string;
  const roles = async () => readFile('processes/regencies/rembang.roles.json', 'utf8');

  before(async () => {
    h = await ScenarioHarness.open();
    tenant = await h.createTenant('rembang');
    const copy = await mkdtemp(join(tmpdir(), 'alur-routes-'));
    await cp('processes/semarang', copy, { recursive: true });
    zip = (await buildPack(copy)).zip;
    app = express();
    // The real app authenticates first; here the caller is fixed to the tenant's admin.
    app.use((_req, res, next) => { res.locals.actor = h.admin(tenant); next(); });
    app.use(packRoutes({ engine: h.engine, store: new MemoryPackStore(), connectorTypes: () => ['http', 'email', 'notifikasi'] }));
    app.use(problemHandler(() => {}));
  });
  after(async () => h?.close());

  it('lists the roles to map in a dry run, and refuses an import with unmapped roles, deploying nothing', async () => {
    const dry = await request(app).post('/api/packs/import?dryRun=true').attach('pack', zip, 'semarang.zip').field('roles', '{}');
    expect(dry.status).to.equal(200);
    expect(dry.body.unmappedRoles).to.have.length(17).and.include('kepala-opd');
    expect(dry.body.roles[0]).to.have.keys('key', 'description');
    const res = await request(app).post('/api/packs/import').attach('pack', zip, 'semarang.zip').field('roles', JSON.stringify({ 'kepala-opd': 'kepala-opd-rembang' }));
    expect(res.status).to.equal(400);
    expect(res.headers['content-type']).to.contain('application/problem+json');
    const body = JSON.parse(res.text);
    expect(body.errors.map((e: { element: string }) => e.element)).to.include('roles#bkpsdm');
    expect(body.unmappedRoles).to.have.length(16).and.not.include('kepala-opd');
    expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(0);
  });

  it('given dryRun=yes (neither true nor false), then 400 names dryRun as the other routes name their query parameters, and nothing is deployed', async () => {
    const res = await request(app).post('/api/packs/import?dryRun=yes').set('Accept-Language', 'en').attach('pack', zip, 'semarang.zip').field('roles', await roles());
    expect(res.status).to.equal(400);
    const body = JSON.parse(res.text);
    expect(body.detail).to.equal('Invalid query parameter dryRun.');
    expect(body.errors).to.deep.equal([{ path: 'dryRun', message: 'dryRun must be true or false' }]);
    expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(0);
  });

  it('refuses a tampered pack with a problem naming the file', async () => {
    const bad = Buffer.from(zip);
    bad[bad.length - 30] ^= 0xff;
    const res = await request(app).post('/api/packs/import?dryRun=true').attach('pack', bad, 'semarang.zip').field('roles', await roles());
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.text).errors[0].message).to.match(/semarang\.zip/);
  });

  it('reports a dry run, imports, and re-imports without change', async () => {
    const dry = await request(app).post('/api/packs/import?dryRun=true').attach('pack', zip, 'semarang.zip').field('roles', await roles());
    expect(dry.status).to.equal(200);
    expect(dry.body).to.include({ pack: 'semarang-layanan', version: '1.0.0', deployed: false });
    // This app registers only http, email and notifikasi; the pack declares the two document connectors.
    expect(dry.body.missingConnectors).to.deep.equal(['document-render', 'tte-sign']);
    expect(dry.body.processes.every((p: { change: string }) => p.change === 'added')).to.equal(true);
    const real = await request(app).post('/api/packs/import').attach('pack', zip, 'semarang.zip').field('roles', await roles());
    expect(real.status).to.equal(200);
    expect(real.body.deployed).to.equal(true);
    // The audit of administration names who imported which version with which role map (not the dry runs).
    const audit = await h.engine.deps.knex('audit_entry').where({ tenant_id: tenant, object_type: 'pack' });
    expect(audit.map((e: { object_id: string; action: string; after: { version: string; roles: object } }) => [e.object_id, e.action, e.after.version, e.after.roles])).to.deep.equal([
      ['semarang-layanan', 'imported', '1.0.0', JSON.parse(await roles())],
    ]);
    const again = await request(app).post('/api/packs/import?dryRun=true').attach('pack', zip, 'semarang.zip').field('roles', await roles());
    expect(again.body.processes.every((p: { change: string }) => p.change === 'unchanged')).to.equal(true);
    expect(again.body.installedVersion).to.equal('1.0.0');
  });

  it('exports the pack as it was imported', async () => {
    const res = await request(app).get('/api/packs/semarang-layanan/export').buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.contain('application/zip');
    expect(Buffer.compare(res.body as Buffer, zip)).to.equal(0);
    expect((await request(app).get('/api/packs/tidak-ada/export')).status).to.equal(404);
  });

  it('lists the imported packs with their versions and processes, for the export to choose from', async () => {
    const res = await request(app).get('/api/packs');
    expect(res.status).to.equal(200);
    expect(res.body.items).to.have.length(1);
    const [pack] = res.body.items;
    expect(pack).to.include({ name: 'semarang-layanan', version: '1.0.0' });
    expect(pack.publisher.tenant).to.equal('semarang');
    expect(pack.description).to.have.keys('id', 'en');
    expect(pack.processes.map((p: { id: string }) => p.id)).to.include('disposisi-surat-masuk');
    expect(Number.isNaN(Date.parse(pack.importedAt))).to.equal(false);
  });
});
