/**
 * People and groups (API.md 1.1): users with name, NIP, jabatan and e-mail, listed and searched
 * by admins; a user changing their own name and password; admins changing roles, groups and
 * whether an account is active — deactivation stops login and tokens at once and hands the user's
 * claimed tasks back to their groups, on record in the case; usernames unique whatever their case;
 * 403 inside the tenant and 404 across tenants.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, PASSWORD, type Api } from './harness.js';

forEachBackend('api: people', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    const admin = uname('admin');
    const adminToken = await makeUser(api, tenant, admin, ['admin']);
    const siti = uname('siti');
    const sitiToken = await makeUser(api, tenant, siti, ['staff'], ['verifikator']);
    return { tenant, admin, adminToken, siti, sitiToken };
  }

  it('given a new user with name, NIP, jabatan and e-mail, then the list shows them and finds them by name, NIP, group and state', async () => {
    const o = await office();
    const username = uname('budi');
    const created = await api.http.post('/api/users').set(bearer(o.adminToken)).send({
      username, password: 'rahasia-123', roles: ['staff'], groups: ['seksi-perizinan'],
      displayName: 'Budi Santoso, S.T.', nip: '198503122010011002', jabatan: 'Kepala Seksi Perizinan', email: 'budi@semarangkota.go.id',
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.deep.equal({
      username, tenant: o.tenant, roles: ['staff'], groups: ['seksi-perizinan'],
      displayName: 'Budi Santoso, S.T.', nip: '198503122010011002', jabatan: 'Kepala Seksi Perizinan', email: 'budi@semarangkota.go.id', active: true,
    });
    const list = async (query: string) => (await api.http.get(`/api/users?${query}`).set(bearer(o.adminToken)).expect(200)).body;
    expect((await list('')).items.map((u: { username: string }) => u.username).sort()).to.deep.equal([o.admin, username, o.siti].sort());
    expect((await list('q=santoso')).items.map((u: { username: string }) => u.username)).to.deep.equal([username]);
    expect((await list('q=19850312')).items.map((u: { username: string }) => u.username)).to.deep.equal([username]);
    expect((await list('group=verifikator')).items.map((u: { username: string }) => u.username)).to.deep.equal([o.siti]);
    expect((await list('active=false')).total).to.equal(0);
    expect((await list('limit=1')).items).to.have.length(1);
    expect((await list('limit=1')).total).to.equal(3);
    // A user without a display name shows the username.
    expect((await list(`q=${o.siti}`)).items[0]).to.include({ displayName: o.siti, nip: null, jabatan: null, email: null, active: true });
    const badNip = await api.http.post('/api/users').set(bearer(o.adminToken)).send({ username: uname('x'), password: 'rahasia-123', roles: ['staff'], nip: '12-34' });
    expect(badNip.status).to.equal(400);
    expect(badNip.body.errors[0].path).to.equal('nip');
  });

  it('given a username that differs only in case, then it is refused, and login accepts any case for the one account', async () => {
    const o = await office();
    const upper = await api.http.post('/api/users').set(bearer(o.adminToken)).send({ username: o.siti.toUpperCase(), password: 'rahasia-123', roles: ['staff'] });
    expect(upper.status).to.equal(409);
    expect((await api.http.post('/api/users').set(bearer(api.admin)).send({ username: 'ADMIN', password: 'rahasia-123', tenant: null, roles: ['platform-admin'] })).status).to.equal(409);
    const login = await api.http.post('/api/auth/login').send({ username: o.siti.toUpperCase(), password: PASSWORD });
    expect(login.status).to.equal(200);
    expect(login.body.user.username).to.equal(o.siti);
  });

  it('given a user changing themself, then name, e-mail and password (with the current one) change, and nothing else', async () => {
    const o = await office();
    const path = `/api/users/${o.siti}`;
    const renamed = await api.http.patch(path).set(bearer(o.sitiToken)).send({ displayName: 'Siti Rahmawati', email: 'siti@batangkab.go.id' });
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.include({ displayName: 'Siti Rahmawati', email: 'siti@batangkab.go.id' });
    expect((await api.http.patch(path).set(bearer(o.sitiToken)).send({ roles: ['admin'] })).status).to.equal(403);
    expect((await api.http.patch(path).set(bearer(o.sitiToken)).send({ jabatan: 'Kepala Dinas' })).status).to.equal(403);
    expect((await api.http.patch(path).set(bearer(o.sitiToken)).send({ password: 'baru-sekali-1' })).status).to.equal(400);
    expect((await api.http.patch(path).set(bearer(o.sitiToken)).send({ password: 'baru-sekali-1', currentPassword: 'salah' })).status).to.equal(403);
    expect((await api.http.patch(path).set(bearer(o.sitiToken)).send({ password: 'baru-sekali-1', currentPassword: PASSWORD })).status).to.equal(200);
    expect((await api.http.post('/api/auth/login').send({ username: o.siti, password: PASSWORD })).status).to.equal(401);
    expect((await api.http.post('/api/auth/login').send({ username: o.siti, password: 'baru-sekali-1' })).status).to.equal(200);
    // The session that changed it goes on.
    expect((await api.http.get('/api/auth/me').set(bearer(o.sitiToken))).body.displayName).to.equal('Siti Rahmawati');
    // Another staff member of the tenant may not change Siti; nor list users.
    const rudiToken = await makeUser(api, o.tenant, uname('rudi'), ['staff']);
    expect((await api.http.patch(path).set(bearer(rudiToken)).send({ displayName: 'x' })).status).to.equal(403);
    expect((await api.http.get('/api/users').set(bearer(rudiToken))).status).to.equal(403);
  });

  it('given an admin of another tenant, then the users of this one do not exist for them (404), and their lists hold only their own', async () => {
    const o = await office();
    const other = await office();
    expect((await api.http.patch(`/api/users/${o.siti}`).set(bearer(other.adminToken)).send({ displayName: 'x' })).status).to.equal(404);
    expect((await api.http.get(`/api/users/${o.siti}`).set(bearer(other.adminToken))).status).to.equal(404);
    expect((await api.http.patch('/api/users/nobody-at-all').set(bearer(o.adminToken)).send({ displayName: 'x' })).status).to.equal(404);
    expect((await api.http.get('/api/users').set(bearer(other.adminToken))).body.items.map((u: { tenant: string }) => u.tenant)).to.deep.equal([other.tenant, other.tenant]);
    // A tenant admin grants no platform role.
    expect((await api.http.patch(`/api/users/${o.siti}`).set(bearer(o.adminToken)).send({ roles: ['platform-admin'] })).status).to.equal(403);
  });

  it('given an admin changing roles and groups, then the user works with them at once', async () => {
    const o = await office();
    const changed = await api.http.patch(`/api/users/${o.siti}`).set(bearer(o.adminToken)).send({ roles: ['staff', 'analyst'], groups: ['kepala-dinas', 'verifikator'], jabatan: 'Plt. Kepala Dinas', nip: null });
    expect(changed.status).to.equal(200);
    expect(changed.body).to.include({ jabatan: 'Plt. Kepala Dinas', nip: null });
    expect(changed.body.groups).to.deep.equal(['kepala-dinas', 'verifikator']);
    const me = (await api.http.get('/api/auth/me').set(bearer(o.sitiToken))).body;
    expect(me.roles).to.deep.equal(['staff', 'analyst']);
    expect(me.groups).to.deep.equal(['kepala-dinas', 'verifikator']);
    const groups = (await api.http.get('/api/groups').set(bearer(o.adminToken))).body.items;
    expect(groups.find((g: { id: string }) => g.id === 'kepala-dinas')).to.deep.equal({ id: 'kepala-dinas', name: 'kepala-dinas', parent: null, members: 1 });
  });

  it('given a user holding claimed tasks is deactivated, then login and tokens stop at once and the tasks return to their groups, on record', async () => {
    const o = await office();
    const analyst = await makeUser(api, o.tenant, uname('ana'), ['analyst']);
    await deployApproval(api, analyst);
    const rudi = uname('rudi');
    const rudiToken = await makeUser(api, o.tenant, rudi, ['staff'], ['verifikator']);
    const starts = [];
    for (const bk of ['SP-1', 'SP-2']) {
      const s = await api.http.post('/api/process-instances').set(bearer(o.sitiToken)).send({ processKey: 'two-step-approval', businessKey: bk });
      expect(s.status).to.equal(201);
      starts.push({ instance: s.body.id as string, task: s.body.tasks[0].id as string });
    }
    for (const s of starts) expect((await api.http.post(`/api/tasks/${s.task}/claim`).set(bearer(o.sitiToken))).status).to.equal(200);
    // Her token is known to the API (cached) before she is deactivated.
    expect((await api.http.get('/api/tasks?filter=mine').set(bearer(o.sitiToken))).body.total).to.equal(2);

    expect((await api.http.patch(`/api/users/${o.admin}`).set(bearer(o.adminToken)).send({ active: false })).status).to.equal(409); // not oneself
    const off = await api.http.patch(`/api/users/${o.siti}`).set(bearer(o.adminToken)).send({ active: false });
    expect(off.status).to.equal(200);
    expect(off.body.active).to.equal(false);

    expect((await api.http.get('/api/tasks').set(bearer(o.sitiToken))).status).to.equal(401);
    expect((await api.http.post('/api/auth/login').send({ username: o.siti, password: PASSWORD })).status).to.equal(401);
    for (const s of starts) {
      const task = (await api.http.get(`/api/tasks/${s.task}`).set(bearer(o.adminToken))).body;
      expect(task.assignee).to.equal(null);
      expect(task.state).to.equal('open');
      const history = (await api.http.get(`/api/process-instances/${s.instance}/history`).set(bearer(analyst))).body.items;
      const entry = history.find((h: { type: string }) => h.type === 'task.unassigned');
      expect({ user: entry.user, elementId: entry.elementId, data: entry.data }).to.deep.equal({
        user: o.admin, elementId: 'Task_Review', data: { taskId: s.task, assignee: null, previousAssignee: o.siti, reason: 'user deactivated' },
      });
    }
    // The group's other member finds them among the candidates again.
    expect((await api.http.get('/api/tasks?filter=candidate').set(bearer(rudiToken))).body.total).to.equal(2);
    expect((await api.http.get('/api/users?active=false').set(bearer(o.adminToken))).body.items.map((u: { username: string }) => u.username)).to.deep.equal([o.siti]);
    expect((await api.http.get('/api/groups').set(bearer(o.adminToken))).body.items.find((g: { id: string }) => g.id === 'verifikator').members).to.equal(1);
    // Nobody assigns a task to a deactivated user.
    expect((await api.http.post(`/api/tasks/${starts[0].task}/assign`).set(bearer(o.adminToken)).send({ assignee: o.siti })).status).to.equal(400);

    // Reactivated, she signs in again; the tasks stay with the group.
    expect((await api.http.patch(`/api/users/${o.siti}`).set(bearer(o.adminToken)).send({ active: true })).body.active).to.equal(true);
    expect((await api.http.post('/api/auth/login').send({ username: o.siti, password: PASSWORD })).status).to.equal(200);
  });

  it('given an admin resets a password, then the user\'s sessions end and the new password signs in', async () => {
    const o = await office();
    expect((await api.http.patch(`/api/users/${o.siti}`).set(bearer(o.adminToken)).send({ password: 'dari-admin-99' })).status).to.equal(200);
    expect((await api.http.get('/api/auth/me').set(bearer(o.sitiToken))).status).to.equal(401);
    expect((await api.http.post('/api/auth/login').send({ username: o.siti, password: 'dari-admin-99' })).status).to.equal(200);
  });
});
