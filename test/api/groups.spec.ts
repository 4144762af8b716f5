/**
 * Groups as org units (API.md 1.1): a tree (OPD → bidang → seksi) of the tenant, counted by
 * active members; refused when the parent is missing or the move makes a loop; not deleted while
 * used. A deployment warns about candidate groups nobody active belongs to. The audit lists who
 * changed which user or group, with the values before and after — never a password.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, type Api } from './harness.js';

forEachBackend('api: groups and the audit', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    const admin = uname('admin');
    const adminToken = await makeUser(api, tenant, admin, ['admin']);
    const staffToken = await makeUser(api, tenant, uname('staf'), ['staff']);
    return { tenant, admin, adminToken, staffToken };
  }

  it('given an OPD with a bidang and a seksi, then the tree is listed, loops and unknown parents are refused, and a used group is not deleted', async () => {
    const o = await office();
    const post = (body: object, token = o.adminToken) => api.http.post('/api/groups').set(bearer(token)).send(body);
    expect((await post({ id: 'dpmptsp', name: 'Dinas Penanaman Modal dan PTSP' })).status).to.equal(201);
    expect((await post({ id: 'bidang-perizinan', name: 'Bidang Perizinan', parent: 'dpmptsp' })).body).to.deep.equal({ id: 'bidang-perizinan', name: 'Bidang Perizinan', parent: 'dpmptsp', members: 0 });
    expect((await post({ id: 'seksi-pbg', name: 'Seksi PBG', parent: 'bidang-perizinan' })).status).to.equal(201);
    expect((await post({ id: 'dpmptsp', name: 'again' })).status).to.equal(409);
    const orphan = await post({ id: 'seksi-x', parent: 'tidak-ada' });
    expect(orphan.status).to.equal(400);
    expect(orphan.body.errors[0].path).to.equal('parent');
    expect((await post({ id: 'seksi-y' }, o.staffToken)).status).to.equal(403);

    const loop = await api.http.patch('/api/groups/dpmptsp').set(bearer(o.adminToken)).send({ parent: 'seksi-pbg' });
    expect(loop.status).to.equal(400);
    expect((await api.http.patch('/api/groups/dpmptsp').set(bearer(o.adminToken)).send({ parent: 'dpmptsp' })).status).to.equal(400);
    const renamed = await api.http.patch('/api/groups/seksi-pbg').set(bearer(o.adminToken)).send({ name: 'Seksi Persetujuan Bangunan Gedung' });
    expect(renamed.body).to.deep.equal({ id: 'seksi-pbg', name: 'Seksi Persetujuan Bangunan Gedung', parent: 'bidang-perizinan', members: 0 });

    await makeUser(api, o.tenant, uname('dewi'), ['staff'], ['seksi-pbg']);
    const list = (await api.http.get('/api/groups').set(bearer(o.staffToken))).body.items;
    expect(list.map((g: { id: string; parent: string | null; members: number }) => [g.id, g.parent, g.members])).to.deep.equal([
      ['bidang-perizinan', 'dpmptsp', 0], ['dpmptsp', null, 0], ['seksi-pbg', 'bidang-perizinan', 1],
    ]);
    expect((await api.http.delete('/api/groups/seksi-pbg').set(bearer(o.adminToken))).status).to.equal(409); // a member
    expect((await api.http.delete('/api/groups/dpmptsp').set(bearer(o.adminToken))).status).to.equal(409); // a bidang under it
    expect((await api.http.post('/api/groups').set(bearer(o.adminToken)).send({ id: 'kosong' })).status).to.equal(201);
    expect((await api.http.delete('/api/groups/kosong').set(bearer(o.adminToken))).status).to.equal(204);
    expect((await api.http.delete('/api/groups/kosong').set(bearer(o.adminToken))).status).to.equal(404);

    // Another tenant's admin: the groups do not exist for them.
    const other = await office();
    expect((await api.http.patch('/api/groups/dpmptsp').set(bearer(other.adminToken)).send({ name: 'x' })).status).to.equal(404);
    expect((await api.http.delete('/api/groups/bidang-perizinan').set(bearer(other.adminToken))).status).to.equal(404);
    expect((await api.http.get('/api/groups').set(bearer(other.adminToken))).body.items.map((g: { id: string }) => g.id)).to.deep.equal([]);
  });

  it('given a group named by an open task, then it is not deleted', async () => {
    const o = await office();
    const analyst = await makeUser(api, o.tenant, uname('ana'), ['analyst']);
    const verifier = uname('ver');
    const verifierToken = await makeUser(api, o.tenant, verifier, ['staff'], ['verifikator']);
    await deployApproval(api, analyst);
    expect((await api.http.post('/api/process-instances').set(bearer(verifierToken)).send({ processKey: 'two-step-approval' })).status).to.equal(201);
    await api.http.patch(`/api/users/${verifier}`).set(bearer(o.adminToken)).send({ groups: [] }).expect(200);
    const refused = await api.http.delete('/api/groups/verifikator').set(bearer(o.adminToken));
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.match(/1 open task/);
  });

  it('given candidate groups without active members, then the deployment says so per element', async () => {
    const o = await office();
    const analyst = await makeUser(api, o.tenant, uname('ana'), ['analyst'], []);
    const first = await deployApproval(api, analyst);
    expect(first.warnings.map((w: { element: string }) => w.element)).to.deep.equal(['Task_Review', 'Task_Sign']);
    expect(first.warnings[0].message).to.match(/verifikator/);
    await makeUser(api, o.tenant, uname('ver'), ['staff'], ['verifikator']);
    const head = await makeUser(api, o.tenant, uname('kadis'), ['staff'], ['kepala-dinas']);
    expect(head).to.be.a('string');
    const again = await api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', 'id')
      .attach('files', new URL('../../processes/examples/two-step-approval.bpmn', import.meta.url).pathname);
    expect(again.body.warnings).to.deep.equal([]);
  });

  it('given working-day changes, then the audit lists them with the values before and after', async () => {
    const o = await office();
    await api.http.put('/api/calendar').set(bearer(o.adminToken)).send({ weekend: [5, 6, 7] }).expect(200);
    await api.http.post('/api/calendar/holidays').set(bearer(o.adminToken)).send({ date: '2026-12-09', name: 'Pilkada', kind: 'regional' }).expect(201);
    await api.http.delete('/api/calendar/holidays/2026-12-09').set(bearer(o.adminToken)).expect(204);
    const items = (await api.http.get('/api/audit?objectType=calendar').set(bearer(o.adminToken))).body.items;
    expect(items.map((e: Record<string, unknown>) => [e.actor, e.action, e.before, e.after])).to.deep.equal([
      [o.admin, 'holiday-removed', { date: '2026-12-09', name: 'Pilkada', kind: 'regional', source: null }, null],
      [o.admin, 'holiday-added', null, { date: '2026-12-09', name: 'Pilkada', kind: 'regional', source: null }],
      [o.admin, 'changed', { weekend: [6, 7] }, { weekend: [5, 6, 7] }],
    ]);
  });

  it('given changes to users and groups, then the audit lists who did what with the values before and after, never a password, to admins of the tenant only', async () => {
    const o = await office();
    const username = uname('budi');
    await api.http.post('/api/users').set(bearer(o.adminToken)).send({ username, password: 'rahasia-123', roles: ['staff'], groups: ['loket'] }).expect(201);
    await api.http.patch(`/api/users/${username}`).set(bearer(o.adminToken)).send({ jabatan: 'Petugas Loket', roles: ['staff', 'analyst'], password: 'baru-lagi-77' }).expect(200);
    await api.http.patch(`/api/users/${username}`).set(bearer(o.adminToken)).send({ active: false }).expect(200);
    await api.http.patch('/api/groups/loket').set(bearer(o.adminToken)).send({ name: 'Loket Pelayanan' }).expect(200);

    const audit = await api.http.get('/api/audit').set(bearer(o.adminToken));
    expect(audit.status).to.equal(200);
    const rows = audit.body.items.map((e: Record<string, unknown>) => ({ actor: e.actor, objectType: e.objectType, objectId: e.objectId, action: e.action, before: e.before, after: e.after }));
    expect(rows).to.deep.equal([
      { actor: o.admin, objectType: 'group', objectId: 'loket', action: 'changed', before: { name: 'loket' }, after: { name: 'Loket Pelayanan' } },
      { actor: o.admin, objectType: 'user', objectId: username, action: 'deactivated', before: { active: true }, after: { active: false } },
      { actor: o.admin, objectType: 'user', objectId: username, action: 'changed', before: { roles: ['staff'], jabatan: null, password: 'unchanged' }, after: { roles: ['staff', 'analyst'], jabatan: 'Petugas Loket', password: 'changed' } },
      { actor: o.admin, objectType: 'user', objectId: username, action: 'created', before: null, after: { username, tenant: o.tenant, roles: ['staff'], groups: ['loket'], displayName: username, nip: null, jabatan: null, email: null, active: true } },
      { actor: o.admin, objectType: 'group', objectId: 'loket', action: 'created', before: null, after: { id: 'loket', name: 'loket', parent: null } },
    ]);
    expect(JSON.stringify(audit.body)).not.to.contain('baru-lagi-77');
    expect((await api.http.get(`/api/audit?objectType=group`).set(bearer(o.adminToken))).body.total).to.equal(2);
    expect((await api.http.get('/api/audit').set(bearer(o.staffToken))).status).to.equal(403);
    const other = await office();
    expect((await api.http.get('/api/audit').set(bearer(other.adminToken))).body.total).to.equal(0);
    // The platform administrator sees every tenant's entries.
    const all = (await api.http.get(`/api/audit?objectId=${username}`).set(bearer(api.admin))).body;
    expect(all.total).to.equal(3);
  });
});
