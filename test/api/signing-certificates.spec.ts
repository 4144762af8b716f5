/**
 * A tenant's signing certificate (README "Signing documents (TTE)"): an admin uploads a .p12 and
 * its passphrase; what is stored is sealed and only its description ever comes back; every
 * file that cannot sign — a wrong passphrase, not a PKCS#12, no key, a key without its
 * certificate, expired, too large — is a 4xx in Indonesian and English and changes nothing; the
 * audit names each change; other tenants and non-admins see nothing.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { forgeP12, letterPdf, opensslP12 } from './signing-fixtures.js';
import { listAudit } from '../../engine/store/audit.js';
import { ephemeralSigning } from '../../engine/signing/config.js';

// Certificates made by openssl are valid from the moment they are made: the engine's clock stands just after.
let T0: Date;

forEachBackend('api: signing certificates', (backend) => {
  let api: Api;
  let p12: Buffer;
  let second: Buffer;
  before(async function (this: Mocha.Context) {
    this.timeout(60_000);
    api = await openApi(backend, { app: { signing: ephemeralSigning(() => api.clock.now()) } });
    p12 = opensslP12('Kepala DPMPTSP Kota Semarang', 'rahasia-ttd');
    second = opensslP12('Sekretaris Daerah', 'baru');
    T0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    api.clock.pin(T0);
  });
  after(async () => { await api.close(); });

  const put = (token: string, name: string, file: Buffer | undefined, passphrase?: string, lang = 'id') => {
    let req = api.http.put(`/api/signing-certificates/${name}`).set(bearer(token)).set('Accept-Language', lang);
    if (file) req = req.attach('file', file, 'ttd.p12');
    if (passphrase !== undefined) req = req.field('passphrase', passphrase);
    return req;
  };
  const stored = async (tenant: string) => api.db.knex('signing_certificate').where({ tenant_id: tenant });

  it('given an admin\'s .p12 and its passphrase, when uploaded, then its description is answered and listed, sealed in the store, audited, and neither file nor passphrase ever comes back', async () => {
    const tenant = await makeTenant(api);
    const adminName = uname('admin');
    const admin = await makeUser(api, tenant, adminName, ['admin']);
    const res = await put(admin, 'default', p12, 'rahasia-ttd');
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.include({ name: 'default', subject: 'C=ID, O=Pemerintah Kota Semarang, CN=Kepala DPMPTSP Kota Semarang', uploadedBy: adminName, uploadedAt: T0.toISOString() });
    expect(res.body.fingerprintSha256).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(new Date(res.body.notAfter).getTime()).to.be.above(T0.getTime());

    const list = await api.http.get('/api/signing-certificates').set(bearer(admin));
    expect(list.body).to.deep.equal({ items: [res.body], total: 1 });
    const everything = JSON.stringify([res.body, list.body, (await api.http.get('/api/signing-certificates/default').set(bearer(admin))).body]);
    expect(everything).not.to.contain('rahasia-ttd');
    expect(everything).not.to.contain(p12.toString('base64').slice(0, 40));

    const [row] = await stored(tenant);
    const sealed = Buffer.from(row.sealed);
    expect(sealed.includes(Buffer.from('rahasia-ttd'))).to.equal(false);
    expect(sealed.includes(p12.subarray(0, 64))).to.equal(false);
    expect(sealed.includes(Buffer.from(p12.toString('base64').slice(0, 40)))).to.equal(false);

    const audit = await listAudit(api.db.knex, { tenant, objectType: 'signing-certificate' }, { limit: 10, offset: 0 });
    expect(audit.items.map((a) => [a.action, a.object_id, a.actor])).to.deep.equal([['uploaded', 'default', adminName]]);
    const doc = (await api.http.get('/api/openapi.json')).body;
    expect(doc.paths['/api/signing-certificates/{name}'].put.requestBody.content['multipart/form-data'].schema.required).to.deep.equal(['file', 'passphrase']);
    expect(JSON.stringify(audit.items)).not.to.contain('rahasia-ttd');
  });

  it('given files that cannot sign, when uploaded, then each is refused with a 4xx naming the part, in Indonesian and English, and nothing is stored', async () => {
    const tenant = await makeTenant(api);
    const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
    const wrong = await put(admin, 'default', p12, 'salah');
    expect(wrong.status).to.equal(400);
    expect(wrong.body.detail).to.equal('Kata sandi tidak dapat membuka sertifikat ini.');
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['passphrase']);
    expect((await put(admin, 'default', p12, 'salah', 'en')).body.detail).to.equal('The passphrase does not open this certificate.');

    const pdfAsP12 = await put(admin, 'default', await letterPdf(), 'x');
    expect(pdfAsP12.status).to.equal(400);
    expect(pdfAsP12.body.detail).to.equal('Berkas bukan sertifikat PKCS#12 (.p12/.pfx).');
    expect(pdfAsP12.body.errors[0].path).to.equal('file');

    const day = 86_400_000;
    const expired = forgeP12({ cn: 'Lama', passphrase: 'p', notBefore: new Date(T0.getTime() - 800 * day), notAfter: new Date(T0.getTime() - day) });
    const old = await put(admin, 'default', expired, 'p', 'en');
    expect(old.status).to.equal(400);
    expect(old.body.detail).to.equal(`The certificate is not valid now (valid ${new Date(T0.getTime() - 800 * day).toISOString().slice(0, 10)} to ${new Date(T0.getTime() - day).toISOString().slice(0, 10)}).`);

    const mismatch = await put(admin, 'default', forgeP12({ cn: 'Campur', passphrase: 'p', notBefore: T0, notAfter: new Date(T0.getTime() + 365 * day), foreignKey: true }), 'p');
    expect(mismatch.status).to.equal(400);
    expect(mismatch.body.detail).to.equal('Tidak ada sertifikat dalam berkas yang cocok dengan kunci privatnya.');
    const keyless = await put(admin, 'default', forgeP12({ cn: 'Tanpa kunci', passphrase: 'p', notBefore: T0, notAfter: new Date(T0.getTime() + 365 * day), noKey: true }), 'p');
    expect(keyless.status).to.equal(400);
    expect(keyless.body.detail).to.equal('Berkas sertifikat tidak memuat kunci privat.');

    const huge = await put(admin, 'default', Buffer.concat([p12, Buffer.alloc(70 * 1024)]), 'rahasia-ttd');
    expect(huge.status).to.equal(413);
    expect(huge.body.detail).to.equal('Berkas sertifikat paling besar 64 KB.');
    const noFile = await put(admin, 'default', undefined, 'rahasia-ttd');
    expect(noFile.status).to.equal(400);
    expect(noFile.body.errors[0].path).to.equal('file');
    const noPass = await put(admin, 'default', p12);
    expect(noPass.status).to.equal(400);
    expect(noPass.body.errors[0].path).to.equal('passphrase');
    const badName = await put(admin, '..%2Fetc', p12, 'rahasia-ttd');
    expect(badName.status).to.equal(400);

    expect(await stored(tenant)).to.have.length(0);
    expect((await listAudit(api.db.knex, { tenant, objectType: 'signing-certificate' }, { limit: 10, offset: 0 })).total).to.equal(0);
  });

  it('given certificates of one tenant, then another tenant and the tenant\'s non-admins see none; replacing and removing are audited', async () => {
    const tenant = await makeTenant(api);
    const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst', 'staff']);
    expect((await put(admin, 'kepala-dinas', p12, 'rahasia-ttd')).status).to.equal(200);
    const other = await makeUser(api, await makeTenant(api), uname('admin'), ['admin']);
    expect((await api.http.get('/api/signing-certificates').set(bearer(other))).body).to.deep.equal({ items: [], total: 0 });
    expect((await api.http.get('/api/signing-certificates/kepala-dinas').set(bearer(other))).status).to.equal(404);
    expect((await api.http.delete('/api/signing-certificates/kepala-dinas').set(bearer(other))).status).to.equal(404);
    expect((await api.http.get('/api/signing-certificates').set(bearer(analyst))).status).to.equal(403);
    const refused = await put(analyst, 'kepala-dinas', p12, 'rahasia-ttd');
    expect(refused.status).to.equal(403);

    const replaced = await put(admin, 'kepala-dinas', second, 'baru');
    expect(replaced.status).to.equal(200);
    expect(replaced.body.subject).to.contain('CN=Sekretaris Daerah');
    expect((await api.http.delete('/api/signing-certificates/kepala-dinas').set(bearer(admin))).status).to.equal(204);
    expect((await api.http.get('/api/signing-certificates/kepala-dinas').set(bearer(admin))).status).to.equal(404);
    const audit = await listAudit(api.db.knex, { tenant, objectType: 'signing-certificate' }, { limit: 10, offset: 0 });
    expect(audit.items.map((a) => a.action)).to.deep.equal(['removed', 'replaced', 'uploaded']);
    expect(await stored(tenant)).to.have.length(0);
  });
});
