/**
 * Single sign-on against a real OpenID provider (oidc-provider, in this process): the code flow
 * with PKCE, state and nonce through Alur's start and callback; a user provisioned from the claims
 * on the first sign-in (name, NIP, e-mail, roles and groups through the map); a changed group
 * claim moving the user at the next sign-in, audited; refusals worded in the reader's language
 * (deactivated, another tenant, unknown tenant, unknown user where the provider does not
 * provision, a replayed or forged callback); a local account linked once; and a tenant admin
 * turning passwords off, after which password login is refused with a clear message except for
 * the platform administrator, and every session of the tenant but the admin's own ends.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeUser, bearer, tokenFor, PASSWORD, T0, type Api } from './harness.js';
import { startProvider, signIn, type TestProvider } from '../support/oidc-provider.js';
import { ssoOptions } from '../../engine/auth/sso-options.js';
import { OidcClients } from '../../engine/auth/oidc-clients.js';
import { redirectUri } from '../../engine/service/sso.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { ensureGroups } from '../../engine/store/users.js';

forEachBackend('api: single sign-on', (backend) => {
  let api: Api;
  let idp: TestProvider;
  let server: Server;
  let alur: string;

  before(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    alur = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    idp = await startProvider(`${alur}/api/auth/sso/callback`);
    const options = ssoOptions({
      publicUrl: alur, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'SSO Jateng',
      groupsClaim: 'groups', rolesClaim: 'roles', groupMap: JSON.stringify({ '/DPMPTSP/Loket': 'loket' }),
      tenants: JSON.stringify({ batang: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'SSO Batang', provision: false } }),
    })!;
    api = await openApi(backend, { app: { sso: { options, clients: new OidcClients(redirectUri(options)) }, logError: () => undefined } });
    server.on('request', api.app);
    for (const id of ['semarang', 'batang']) await insertTenant(api.db.knex, { id, name: `Pemerintah ${id}`, created_at: T0 });
    await ensureGroups(api.db.knex, 'semarang', ['loket', 'verifikator', 'kepala-seksi'], T0);
    idp.accounts.set('siti', {
      preferred_username: 'siti', name: 'Siti Rahmawati, S.T.', nip: '1985 0312 2010 0120 01', email: 'siti@semarangkota.go.id', tenant: 'semarang',
      groups: ['/DPMPTSP/Loket', 'verifikator', 'grup-tak-dikenal'], roles: ['staff', 'platform-admin'],
    });
  });
  after(async () => {
    await api?.close();
    await idp?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const exchange = (code: string, lang = 'en') => api.http.post('/api/auth/sso/exchange').set('Accept-Language', lang).send({ code });

  it('given the login screens, then they list one button per provider with its label and tenant', async () => {
    const res = await api.http.get('/api/auth/sso').expect(200);
    expect(res.body.items).to.deep.equal([
      { id: 'default', label: 'SSO Jateng', tenant: null, tenantName: null },
      { id: 'batang', label: 'SSO Batang', tenant: 'batang', tenantName: 'Pemerintah batang' },
    ]);
  });

  it('given a first sign-in at the provider, then the user is created from the claims and the one-time code gives a working token, once', async () => {
    const { location, code } = await signIn(alur, 'siti');
    expect(location).to.equal(`${alur}/inbox/#/sso/${code}`);
    const res = await exchange(code).expect(200);
    // platform-admin is never taken from a provider; a group the tenant lacks is left out.
    expect(res.body.user).to.deep.equal({
      username: 'siti', tenant: 'semarang', tenantName: 'Pemerintah semarang', roles: ['staff'], groups: ['loket', 'verifikator'],
      displayName: 'Siti Rahmawati, S.T.', nip: '198503122010012001', jabatan: null, email: 'siti@semarangkota.go.id', active: true,
    });
    const me = await api.http.get('/api/auth/me').set(bearer(res.body.token)).expect(200);
    expect(me.body).to.include({ username: 'siti', tenant: 'semarang' });
    expect((await exchange(code)).status).to.equal(401);
    const audit = await api.http.get('/api/audit?objectType=user&objectId=siti').set(bearer(api.admin)).expect(200);
    expect(audit.body.items.map((e: { action: string; actor: string }) => [e.action, e.actor])).to.deep.equal([['created', `sso:${idp.issuer}`]]);
  });

  it('given the group claim changed at the provider, when the user signs in again, then they move to the new group, audited', async () => {
    idp.accounts.set('siti', { ...idp.accounts.get('siti'), groups: ['kepala-seksi'], roles: ['staff', 'analyst'], jabatan: 'Kepala Seksi Perizinan' });
    const res = await exchange((await signIn(alur, 'siti')).code).expect(200);
    expect(res.body.user).to.include({ username: 'siti', jabatan: 'Kepala Seksi Perizinan' });
    expect(res.body.user.groups).to.deep.equal(['kepala-seksi']);
    expect(res.body.user.roles).to.deep.equal(['analyst', 'staff']);
    const [{ n }] = await api.db.knex('app_user').whereRaw("lower(username) = 'siti'").count('* as n');
    expect(Number(n), 'still one account').to.equal(1);
    const audit = await api.http.get('/api/audit?objectType=user&objectId=siti').set(bearer(api.admin)).expect(200);
    expect(audit.body.items[0]).to.deep.include({
      action: 'changed', actor: `sso:${idp.issuer}`,
      before: { groups: ['loket', 'verifikator'], roles: ['staff'], jabatan: null },
      after: { groups: ['kepala-seksi'], roles: ['analyst', 'staff'], jabatan: 'Kepala Seksi Perizinan' },
    });
    const members = await api.http.get('/api/groups').set(bearer(api.admin)).set('X-Alur-Tenant', 'semarang').expect(200);
    expect(members.body.items.filter((g: { members: number }) => g.members).map((g: { id: string }) => g.id)).to.deep.equal(['kepala-seksi']);
  });

  it('given a deactivated account, when it signs in at the provider, then the app is told so in Indonesian or English', async () => {
    idp.accounts.set('dewi', { preferred_username: 'dewi', tenant: 'semarang', groups: [] });
    await exchange((await signIn(alur, 'dewi')).code).expect(200);
    await api.http.patch('/api/users/dewi').set(bearer(api.admin)).send({ active: false }).expect(200);
    const id = await exchange((await signIn(alur, 'dewi')).code, 'id');
    expect(id.status).to.equal(403);
    expect(id.body.detail).to.equal('Akun dewi telah dinonaktifkan di Alur; hubungi admin Anda.');
    const en = await exchange((await signIn(alur, 'dewi')).code, 'en');
    expect(en.body.detail).to.equal('Account dewi has been deactivated in Alur; ask your admin.');
  });

  it('given claims of another tenant or of none, then the sign-in is refused and nothing changes', async () => {
    idp.accounts.set('siti-batang', { ...idp.accounts.get('siti'), preferred_username: 'siti', tenant: 'batang' });
    const moved = await exchange((await signIn(alur, 'siti-batang')).code);
    expect(moved.status).to.equal(403);
    expect(moved.body.detail).to.equal('Account siti belongs to another tenant than this sign-in; sign in through your own tenant.');
    idp.accounts.set('tamu', { preferred_username: 'tamu', tenant: 'kendal' });
    expect((await exchange((await signIn(alur, 'tamu')).code)).body.detail).to.equal('Tenant kendal, named by the identity provider, does not exist in Alur; ask your admin.');
    idp.accounts.set('tanpa', { preferred_username: 'tanpa' });
    expect((await exchange((await signIn(alur, 'tanpa')).code)).body.detail).to.equal('The identity provider did not say which tenant you belong to (claim tenant); ask your admin.');
    // Batang's own provider: the tenant is Batang whatever the claim; a claim naming another is refused.
    expect((await exchange((await signIn(alur, 'siti', { provider: 'batang' })).code)).body.detail).to.match(/another tenant/);
    const users = await api.http.get('/api/users').set(bearer(api.admin)).expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).to.deep.equal(['admin', 'dewi', 'siti']);
  });

  it('given a provider that does not provision, then an unknown user is refused and a local account of its tenant is linked once', async () => {
    idp.accounts.set('rudi', { preferred_username: 'rudi' });
    const unknown = await exchange((await signIn(alur, 'rudi', { provider: 'batang', app: 'designer' })).code, 'id');
    expect(unknown.body.detail).to.equal('Akun rudi belum terdaftar di Alur; mintalah admin Anda untuk menambahkannya.');
    await makeUser(api, 'batang', 'Rudi', ['staff']);
    const { location, code } = await signIn(alur, 'rudi', { provider: 'batang', app: 'designer' });
    expect(location).to.equal(`${alur}/designer/#/sso/${code}`);
    expect((await exchange(code).expect(200)).body.user).to.include({ username: 'Rudi', tenant: 'batang' });
    const audit = await api.http.get('/api/audit?objectType=user&objectId=Rudi').set(bearer(api.admin)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).to.deep.equal(['linked']);
  });

  it('given a forged, replayed or failed callback, then the app learns that the sign-in failed and no token is issued', async () => {
    const forged = await fetch(`${alur}/api/auth/sso/callback?state=palsu&code=palsu`, { redirect: 'manual' });
    expect(forged.status).to.equal(302);
    const forgedCode = forged.headers.get('location')!.split('#/sso/')[1];
    expect((await exchange(forgedCode)).body.detail).to.equal('This single sign-on has expired or was already used; sign in again.');
    const start = await fetch(`${alur}/api/auth/sso/start`, { redirect: 'manual' });
    expect(start.status).to.equal(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).to.equal(idp.issuer);
    expect(Object.fromEntries(authorize.searchParams)).to.include({ client_id: idp.clientId, code_challenge_method: 'S256', response_type: 'code', redirect_uri: `${alur}/api/auth/sso/callback` });
    const state = authorize.searchParams.get('state')!;
    const wrongCode = await fetch(`${alur}/api/auth/sso/callback?code=bukan-kode&state=${state}`, { redirect: 'manual' });
    expect((await exchange(wrongCode.headers.get('location')!.split('#/sso/')[1])).body.detail).to.match(/could not be completed/);
    const replay = await fetch(`${alur}/api/auth/sso/callback?code=bukan-kode&state=${state}`, { redirect: 'manual' });
    expect((await exchange(replay.headers.get('location')!.split('#/sso/')[1])).body.detail).to.match(/expired or was already used/);
    const next = new URL((await fetch(`${alur}/api/auth/sso/start`, { redirect: 'manual' })).headers.get('location')!);
    const denied = await fetch(`${alur}/api/auth/sso/callback?error=access_denied&state=${next.searchParams.get('state')}`, { redirect: 'manual' });
    expect((await exchange(denied.headers.get('location')!.split('#/sso/')[1], 'id')).body.detail).to.equal('Penyedia identitas tidak mengizinkan Anda masuk (access_denied).');
    expect((await api.http.get('/api/auth/sso/start?provider=kendal')).status).to.equal(404);
    expect((await api.http.get('/api/auth/sso/start?app=lain')).status).to.equal(400);
    expect((await exchange('x'.repeat(101))).status).to.equal(400);
  });

  it('given a tenant admin turning passwords off, then password login is refused with a clear message, except for the platform administrator', async () => {
    const adminToken = await makeUser(api, 'semarang', 'admin-smg', ['admin']);
    const staffToken = await makeUser(api, 'semarang', 'staf-smg', ['staff']);
    const batangAdmin = await makeUser(api, 'batang', 'admin-btg', ['admin']);
    expect((await api.http.patch('/api/tenants/semarang').set(bearer(staffToken)).send({ localPasswords: false })).status).to.equal(403);
    expect((await api.http.patch('/api/tenants/semarang').set(bearer(batangAdmin)).send({ localPasswords: false })).status).to.equal(404);
    expect((await api.http.patch('/api/tenants/semarang').set(bearer(adminToken)).send({ localPasswords: 'no' })).status).to.equal(400);
    const before = await api.http.post('/api/auth/login').send({ username: 'staf-smg', password: PASSWORD }).expect(200);
    const off = await api.http.patch('/api/tenants/semarang').set(bearer(adminToken)).send({ localPasswords: false }).expect(200);
    expect(off.body).to.include({ id: 'semarang', localPasswords: false, singleSignOn: true });
    // No password session outlives the change; the admin keeps the one they made it from; Batang is untouched.
    expect((await api.http.get('/api/auth/me').set(bearer(before.body.token))).status).to.equal(401);
    await api.http.get('/api/auth/me').set(bearer(adminToken)).expect(200);
    await api.http.get('/api/auth/me').set(bearer(batangAdmin)).expect(200);
    const refused = await api.http.post('/api/auth/login').set('Accept-Language', 'id').send({ username: 'staf-smg', password: PASSWORD });
    expect(refused.status).to.equal(403);
    expect(refused.body.detail).to.equal('Pemerintah daerah Anda hanya masuk melalui single sign-on (SSO): gunakan tombol SSO, bukan kata sandi.');
    expect((await api.http.post('/api/auth/login').send({ username: 'staf-smg', password: 'salah' })).body.detail).to.match(/single sign-on only/);
    // The inbox's own-account page learns there is no password to change.
    const again = await tokenFor(api.db, 'staf-smg');
    expect((await api.http.get('/api/auth/me').set(bearer(again)).expect(200)).body).to.include({ localPasswords: false, singleSignOn: false });
    expect((await api.http.patch('/api/users/staf-smg').set(bearer(again)).send({ password: 'sandi-baru-123', currentPassword: PASSWORD })).status).to.equal(409);
    expect((await api.http.post('/api/auth/login').send({ username: 'admin', password: PASSWORD })).status).to.equal(200);
    expect((await api.http.post('/api/auth/login').send({ username: 'admin-btg', password: PASSWORD })).status).to.equal(200);
    // Single sign-on still signs Semarang's people in.
    await exchange((await signIn(alur, 'siti')).code).expect(200);
    const listed = await api.http.get('/api/tenants').set(bearer(adminToken)).expect(200);
    expect(listed.body.items[0]).to.include({ id: 'semarang', localPasswords: false, singleSignOn: true });
    const audit = await api.http.get('/api/audit?objectType=tenant&objectId=semarang').set(bearer(adminToken)).expect(200);
    expect(audit.body.items[0]).to.deep.include({ actor: 'admin-smg', action: 'changed', before: { localPasswords: true }, after: { localPasswords: false } });
    await api.http.patch('/api/tenants/semarang').set(bearer(api.admin)).send({ localPasswords: true }).expect(200);
    expect((await api.http.post('/api/auth/login').send({ username: 'staf-smg', password: PASSWORD })).status).to.equal(200);
  });
});

forEachBackend('api: single sign-on not configured', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('given no provider, then the login screens get no button, the legs answer 404 and passwords cannot be turned off', async () => {
    expect((await api.http.get('/api/auth/sso').expect(200)).body).to.deep.equal({ items: [], total: 0 });
    expect((await api.http.get('/api/auth/sso/start')).status).to.equal(404);
    expect((await api.http.post('/api/auth/sso/exchange').send({ code: 'abc' })).status).to.equal(404);
    await insertTenant(api.db.knex, { id: 'rembang', name: 'Kabupaten Rembang', created_at: T0 });
    const adminToken = await makeUser(api, 'rembang', 'admin-rbg', ['admin']);
    const refused = await api.http.patch('/api/tenants/rembang').set(bearer(adminToken)).set('Accept-Language', 'id').send({ localPasswords: false });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.equal('Tidak ada SSO untuk pemerintah daerah rembang: mematikan kata sandi akan membuat penggunanya tidak dapat masuk.');
    expect((await api.http.patch('/api/tenants/rembang').set(bearer(adminToken)).send({ name: 'Kabupaten Rembang (Jawa Tengah)' }).expect(200)).body).to.include({ name: 'Kabupaten Rembang (Jawa Tengah)', localPasswords: true, singleSignOn: false });
  });
});
