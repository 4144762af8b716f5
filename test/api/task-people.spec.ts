/**
 * The history of people's actions on a task (API.md 1.1): claim, unclaim and assign are entries
 * of the case — `task.claimed`, `task.unclaimed`, `task.assigned`, the user who did it, the
 * task's element, `{ taskId, assignee, previousAssignee }` — written in the same statement as the
 * change, so a Plt/Plh hand-over is on record or did not happen. A refused change records nothing.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, type Api } from './harness.js';

forEachBackend('api: history of claims and assignments', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function setup() {
    const tenant = await makeTenant(api);
    const admin = uname('admin');
    const adminToken = await makeUser(api, tenant, admin, ['admin']);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const siti = uname('siti');
    const sitiToken = await makeUser(api, tenant, siti, ['staff'], ['verifikator']);
    const rudi = uname('rudi');
    const rudiToken = await makeUser(api, tenant, rudi, ['staff'], ['verifikator']);
    await deployApproval(api, analyst);
    const start = await api.http.post('/api/process-instances').set(bearer(sitiToken)).send({ processKey: 'two-step-approval', businessKey: 'SP-9' });
    expect(start.status).to.equal(201);
    return { tenant, admin, adminToken, analyst, siti, sitiToken, rudi, rudiToken, instanceId: start.body.id as string, taskId: start.body.tasks[0].id as string };
  }

  const people = async (s: { instanceId: string; analyst: string }) => {
    const history = await api.http.get(`/api/process-instances/${s.instanceId}/history`).set(bearer(s.analyst));
    expect(history.status).to.equal(200);
    return history.body.items.filter((h: { type: string }) => ['task.claimed', 'task.unclaimed', 'task.assigned'].includes(h.type));
  };

  it('given claim, unclaim and an admin\'s assignment (a Plh taking over), then each is an entry of the case naming who did it, the task and both assignees', async () => {
    const s = await setup();
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.sitiToken))).status).to.equal(200);
    expect((await api.http.post(`/api/tasks/${s.taskId}/unclaim`).set(bearer(s.sitiToken))).status).to.equal(200);
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.rudiToken))).status).to.equal(200);
    const assigned = await api.http.post(`/api/tasks/${s.taskId}/assign`).set(bearer(s.adminToken)).send({ assignee: s.siti });
    expect(assigned.status).to.equal(200);
    expect(assigned.body.assignee).to.equal(s.siti);
    const entries = await people(s);
    expect(entries.map((h: Record<string, unknown>) => ({ type: h.type, user: h.user, elementId: h.elementId, data: h.data }))).to.deep.equal([
      { type: 'task.claimed', user: s.siti, elementId: 'Task_Review', data: { taskId: s.taskId, assignee: s.siti, previousAssignee: null } },
      { type: 'task.unclaimed', user: s.siti, elementId: 'Task_Review', data: { taskId: s.taskId, assignee: null, previousAssignee: s.siti } },
      { type: 'task.claimed', user: s.rudi, elementId: 'Task_Review', data: { taskId: s.taskId, assignee: s.rudi, previousAssignee: null } },
      { type: 'task.assigned', user: s.admin, elementId: 'Task_Review', data: { taskId: s.taskId, assignee: s.siti, previousAssignee: s.rudi } },
    ]);
    expect(entries.every((h: { at: string }) => typeof h.at === 'string')).to.equal(true);
  });

  it('given a refused or empty change (already claimed, not a candidate, nothing to give back), then no entry is written', async () => {
    const s = await setup();
    const outsider = await makeUser(api, s.tenant, uname('dewi'), ['staff'], ['keuangan']);
    expect((await api.http.post(`/api/tasks/${s.taskId}/unclaim`).set(bearer(s.sitiToken))).status).to.equal(200); // nothing to give back
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(outsider))).status).to.equal(403);
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.sitiToken))).status).to.equal(200);
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.sitiToken))).status).to.equal(200); // already theirs
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.rudiToken))).status).to.equal(409);
    expect((await api.http.post(`/api/tasks/${s.taskId}/assign`).set(bearer(s.rudiToken)).send({ assignee: s.rudi })).status).to.equal(403);
    expect((await api.http.post(`/api/tasks/${s.taskId}/assign`).set(bearer(s.adminToken)).send({ assignee: 'nobody-here' })).status).to.equal(400);
    expect((await people(s)).map((h: { type: string; user: string }) => `${h.type}:${h.user}`)).to.deep.equal([`task.claimed:${s.siti}`]);
  });

  it('given a claim, then the change and its history entry are one statement without a transaction', async () => {
    const s = await setup();
    await api.http.get('/api/auth/me').set(bearer(s.sitiToken)).expect(200); // the token is now known
    const statements: string[] = [];
    const listen = (q: { sql: string }) => statements.push(q.sql);
    api.db.knex.on('query', listen);
    try {
      expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.sitiToken))).status).to.equal(200);
    } finally {
      api.db.knex.off('query', listen);
    }
    // One read of the task, one write: the assignee and the entry, the assignee checked inside it.
    expect(statements.map((q) => q.split(' ')[0].toLowerCase())).to.deep.equal(['select', 'with']);
    expect(statements[1]).to.match(/update "user_task"/).and.to.match(/insert into "history"/).and.to.match(/alur_assert/);
  });

  it('given two people claiming at once, then one gets it and exactly one claim is on record', async () => {
    const s = await setup();
    const [a, b] = await Promise.all([
      api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.sitiToken)),
      api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(s.rudiToken)),
    ]);
    expect([a.status, b.status].sort()).to.deep.equal([200, 409]);
    const winner = a.status === 200 ? s.siti : s.rudi;
    expect((await people(s)).map((h: { type: string; user: string }) => `${h.type}:${h.user}`)).to.deep.equal([`task.claimed:${winner}`]);
  });

  it('given another tenant\'s task, then claiming it is 404 and writes nothing', async () => {
    const s = await setup();
    const other = await makeTenant(api);
    const stranger = await makeUser(api, other, uname('lain'), ['admin']);
    expect((await api.http.post(`/api/tasks/${s.taskId}/claim`).set(bearer(stranger))).status).to.equal(404);
    expect((await api.http.post(`/api/tasks/${s.taskId}/assign`).set(bearer(stranger)).send({ assignee: null })).status).to.equal(404);
    expect(await people(s)).to.deep.equal([]);
  });
});
