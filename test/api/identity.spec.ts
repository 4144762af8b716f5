import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, PASSWORD, type Api } from './harness.js';
import { LoginRateLimiter } from '../../engine/auth/rate-limit.js';

forEachBackend('api: identity and tenants', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend, { limiter: new LoginRateLimiter({ maxAttempts: 3, maxAttemptsPerIp: 1000 }) }); });
  after(async () => { await api.close(); });

  it('logs in with the right password, refuses a wrong one, and limits attempts', async () => {
    const ok = await api.http.post('/api/auth/login').send({ username: 'admin', password: PASSWORD });
    expect(ok.status).to.equal(200);
    expect(ok.body.token).to.match(/^alur_/);
    expect(ok.body.user).to.deep.equal({ username: 'admin', tenant: null, tenantName: null, roles: ['platform-admin'], groups: [], displayName: 'admin', nip: null, jabatan: null, email: null, active: true });
    const me = await api.http.get('/api/auth/me').set(bearer(ok.body.token));
    expect(me.body.username).to.equal('admin');

    const wrong = await api.http.post('/api/auth/login').send({ username: 'admin', password: 'nope' });
    expect(wrong.status).to.equal(401);
    expect(wrong.type).to.equal('application/problem+json');
    expect((await api.http.post('/api/auth/login').send({ username: 'ghost', password: 'nope' })).status).to.equal(401);
    expect((await api.http.post('/api/auth/login').send({ username: 'admin' })).status).to.equal(400);
    // Three attempts per username and address in the window: the fourth is refused before checking.
    await api.http.post('/api/auth/login').send({ username: 'admin', password: 'nope' });
    await api.http.post('/api/auth/login').send({ username: 'admin', password: 'nope' });
    const limited = await api.http.post('/api/auth/login').send({ username: 'admin', password: PASSWORD });
    expect(limited.status).to.equal(429);
    expect(limited.headers['retry-after']).to.match(/^\d+$/);

    // Logout revokes the token
    await api.http.post('/api/auth/logout').set(bearer(ok.body.token)).expect(204);
    expect((await api.http.get('/api/auth/me').set(bearer(ok.body.token))).status).to.equal(401);
    expect((await api.http.get('/api/auth/me').set({ Authorization: 'Bearer alur_garbage' })).status).to.equal(401);
  });

  it('platform admin creates tenants and users; tenant admins create users of their tenant only', async () => {
    const id = `kab-${Date.now().toString(36)}`;
    const created = await api.http.post('/api/tenants').set(bearer(api.admin)).send({ id, name: 'Kabupaten Batang' });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ id, name: 'Kabupaten Batang' });
    expect((await api.http.post('/api/tenants').set(bearer(api.admin)).send({ id, name: 'again' })).status).to.equal(409);
    const badId = await api.http.post('/api/tenants').set(bearer(api.admin)).send({ id: 'Not A Slug', name: 'x' });
    expect(badId.status).to.equal(400);
    expect(badId.body.errors[0].path).to.equal('id');
    expect((await api.http.get('/api/tenants').set(bearer(api.admin))).body.items.map((t: { id: string }) => t.id)).to.include(id);

    const username = uname('kepala');
    const user = await api.http.post('/api/users').set(bearer(api.admin)).send({ username, password: 'rahasia-123', tenant: id, roles: ['admin', 'staff'], groups: ['kepala-dinas-pu'] });
    expect(user.status).to.equal(201);
    expect(user.body).to.deep.equal({ username, tenant: id, roles: ['admin', 'staff'], groups: ['kepala-dinas-pu'], displayName: username, nip: null, jabatan: null, email: null, active: true });
    const login = await api.http.post('/api/auth/login').send({ username, password: 'rahasia-123' });
    expect(login.status).to.equal(200);
    // The apps' header names the tenant by its name (an addition to API.md's login shape), and so does /api/auth/me.
    expect(login.body.user).to.include({ tenant: id, tenantName: 'Kabupaten Batang' });
    expect((await api.http.get('/api/auth/me').set(bearer(login.body.token))).body).to.include({ tenant: id, tenantName: 'Kabupaten Batang' });
    // A platform administrator acting in the tenant is shown there by its name too.
    expect((await api.http.get('/api/auth/me').set(bearer(api.admin)).set('X-Alur-Tenant', id)).body).to.include({ tenant: id, tenantName: 'Kabupaten Batang' });
    const tenantAdmin = login.body.token;

    // The tenant admin creates staff in their tenant (tenant defaults to theirs)
    const staffName = uname('staf');
    const staff = await api.http.post('/api/users').set(bearer(tenantAdmin)).send({ username: staffName, password: 'rahasia-456', roles: ['staff'], groups: ['sekretariat'] });
    expect(staff.status).to.equal(201);
    expect(staff.body.tenant).to.equal(id);
    expect((await api.http.post('/api/users').set(bearer(tenantAdmin)).send({ username: staffName, password: 'rahasia-456', roles: ['staff'] })).status).to.equal(409);
    expect((await api.http.post('/api/users').set(bearer(tenantAdmin)).send({ username: uname('x'), password: 'rahasia-456', roles: ['platform-admin'] })).status).to.equal(403);
    expect((await api.http.post('/api/users').set(bearer(tenantAdmin)).send({ username: uname('x'), password: 'rahasia-456', roles: ['wizard'] })).status).to.equal(400);
    const users = await api.http.get('/api/users').set(bearer(tenantAdmin));
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).to.deep.equal([username, staffName].sort());
    const groups = await api.http.get('/api/groups').set(bearer(tenantAdmin));
    expect(groups.body.items).to.deep.include({ id: 'sekretariat', name: 'sekretariat', parent: null, members: 1 });

    // ...but not in another tenant (404, as if it did not exist), and staff create nobody
    const other = await makeTenant(api);
    expect((await api.http.post('/api/users').set(bearer(tenantAdmin)).send({ username: uname('y'), password: 'rahasia-456', tenant: other, roles: ['staff'] })).status).to.equal(404);
    const staffToken = await makeUser(api, id, uname('s'), ['staff']);
    expect((await api.http.post('/api/users').set(bearer(staffToken)).send({ username: uname('z'), password: 'rahasia-456', roles: ['staff'] })).status).to.equal(403);
    expect((await api.http.post('/api/tenants').set(bearer(tenantAdmin)).send({ id: 'x-y', name: 'x' })).status).to.equal(403);
    expect((await api.http.get('/api/tenants').set(bearer(staffToken))).body.items.map((t: { id: string }) => t.id)).to.deep.equal([id]);
  });

  it('a platform admin acts inside a tenant with X-Alur-Tenant', async () => {
    const tenant = await makeTenant(api);
    expect((await api.http.get('/api/process-definitions').set(bearer(api.admin))).status).to.equal(403);
    const res = await api.http.get('/api/process-definitions').set(bearer(api.admin)).set('X-Alur-Tenant', tenant);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ items: [], total: 0 });
    expect((await api.http.get('/api/process-definitions').set(bearer(api.admin)).set('X-Alur-Tenant', 'no-such-tenant')).status).to.equal(404);
  });

  it('serves health, the OpenAPI document and problem+json for unknown endpoints', async () => {
    const health = await api.http.get('/health');
    expect(health.status).to.equal(200);
    expect(health.body).to.include({ status: 'ok', queue: 'embedded' });
    expect(health.body.database).to.match(/pglite|postgresql/);
    const doc = await api.http.get('/api/openapi.json');
    expect(doc.body.openapi).to.equal('3.1.0');
    for (const path of ['/api/auth/login', '/api/tenants', '/api/users', '/api/deployments', '/api/process-definitions', '/api/process-definitions/{id}/xml',
      '/api/process-instances', '/api/process-instances/{id}', '/api/process-instances/{id}/history', '/api/process-instances/{id}/cancel',
      '/api/tasks', '/api/tasks/{id}', '/api/tasks/{id}/claim', '/api/tasks/{id}/unclaim', '/api/tasks/{id}/assign', '/api/tasks/{id}/complete',
      '/api/users/{username}', '/api/groups', '/api/groups/{id}', '/api/audit', '/api/messages', '/api/incidents', '/api/incidents/{id}/retry', '/api/clock', '/health']) {
      expect(doc.body.paths, path).to.have.property(path);
    }
    expect(doc.body.paths['/api/process-instances'].post.requestBody.content['application/json'].schema.required).to.deep.equal(['processKey']);
    const unknown = await api.http.get('/api/nothing-here').set(bearer(api.admin));
    expect(unknown.status).to.equal(404);
    expect(unknown.type).to.equal('application/problem+json');
    const root = await api.http.get('/');
    expect(root.status).to.equal(302);
    expect(root.headers.location).to.equal('/inbox/');
    const badJson = await api.http.post('/api/process-instances').set(bearer(api.admin)).set('content-type', 'application/json').send('{not json');
    expect(badJson.status).to.equal(400);
    expect(badJson.type).to.equal('application/problem+json');
  });
});
