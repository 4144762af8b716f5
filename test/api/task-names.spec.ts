/**
 * Names instead of usernames (issue 12): tasks name their holder and who completed them, history
 * entries name who acted, and a task lists the colleagues who could take it over (Plt/Plh) —
 * the active members of its candidate groups, with jabatan — to whoever may see the task.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, type Api } from './harness.js';

forEachBackend('api: names on tasks and history', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('given people with names, then tasks, history and the hand-over list show the names', async () => {
    const tenant = await makeTenant(api);
    const adminToken = await makeUser(api, tenant, uname('admin'), ['admin']);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const siti = uname('siti');
    const sitiToken = await makeUser(api, tenant, siti, ['staff'], ['verifikator']);
    const rudi = uname('rudi');
    await makeUser(api, tenant, rudi, ['staff'], ['verifikator']);
    const dewi = uname('dewi');
    await makeUser(api, tenant, dewi, ['staff'], ['verifikator']);
    const outsiderToken = await makeUser(api, tenant, uname('luar'), ['staff'], ['keuangan']);
    await api.http.patch(`/api/users/${siti}`).set(bearer(adminToken)).send({ displayName: 'Siti Rahmawati, S.H.' }).expect(200);
    await api.http.patch(`/api/users/${rudi}`).set(bearer(adminToken)).send({ displayName: 'Rudi Hartono', jabatan: 'Plh. Kepala Seksi' }).expect(200);
    await api.http.patch(`/api/users/${dewi}`).set(bearer(adminToken)).send({ active: false }).expect(200);
    await deployApproval(api, analyst);
    const start = await api.http.post('/api/process-instances').set(bearer(sitiToken)).send({ processKey: 'two-step-approval', businessKey: 'SP-7' });
    const taskId = start.body.tasks[0].id as string;

    const claimed = await api.http.post(`/api/tasks/${taskId}/claim`).set(bearer(sitiToken));
    expect(claimed.body).to.include({ assignee: siti, assigneeName: 'Siti Rahmawati, S.H.' });
    const mine = (await api.http.get('/api/tasks?filter=mine').set(bearer(sitiToken))).body.items[0];
    expect(mine).to.include({ assignee: siti, assigneeName: 'Siti Rahmawati, S.H.' });
    expect((await api.http.get(`/api/tasks/${taskId}`).set(bearer(sitiToken))).body.assigneeName).to.equal('Siti Rahmawati, S.H.');

    const colleagues = await api.http.get(`/api/tasks/${taskId}/colleagues`).set(bearer(sitiToken));
    expect(colleagues.status).to.equal(200);
    expect(colleagues.body.items).to.deep.equal([
      { username: rudi, displayName: 'Rudi Hartono', jabatan: 'Plh. Kepala Seksi', groups: ['verifikator'] },
      { username: siti, displayName: 'Siti Rahmawati, S.H.', jabatan: null, groups: ['verifikator'] },
    ]);
    // Someone who may not see the task does not learn who could take it.
    expect((await api.http.get(`/api/tasks/${taskId}/colleagues`).set(bearer(outsiderToken))).status).to.be.oneOf([403, 404]);
    const other = await makeTenant(api);
    const otherAdmin = await makeUser(api, other, uname('admin'), ['admin']);
    expect((await api.http.get(`/api/tasks/${taskId}/colleagues`).set(bearer(otherAdmin))).status).to.equal(404);

    const handed = await api.http.post(`/api/tasks/${taskId}/assign`).set(bearer(sitiToken)).send({ assignee: rudi.toUpperCase() });
    expect(handed.status).to.equal(200);
    expect(handed.body).to.include({ assignee: rudi, assigneeName: 'Rudi Hartono' });
    const history = (await api.http.get(`/api/process-instances/${start.body.id}/history`).set(bearer(analyst))).body.items;
    const assigned = history.find((h: { type: string }) => h.type === 'task.assigned');
    expect(assigned).to.include({ user: siti, userName: 'Siti Rahmawati, S.H.', assigneeName: 'Rudi Hartono' });
    expect(assigned.data).to.deep.include({ assignee: rudi, previousAssignee: siti });
  });
});
