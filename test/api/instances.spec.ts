import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, type Api } from './harness.js';

forEachBackend('api: process instances', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('starts, reads, lists and filters instances; staff read only those they take part in', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const verifier = await makeUser(api, tenant, uname('siti'), ['staff'], ['verifikator']);
    const clerk = await makeUser(api, tenant, uname('clerk'), ['staff'], ['loket']);
    const other = await makeUser(api, tenant, uname('other'), ['staff'], ['keuangan']);
    await deployApproval(api, analyst);

    const started = await api.http.post('/api/process-instances').set(bearer(clerk)).send({ processKey: 'two-step-approval', businessKey: 'SP-100', variables: { applicantId: 'A-1', amount: 5 } });
    expect(started.status).to.equal(201);
    expect(started.body).to.include({ processKey: 'two-step-approval', version: 1, businessKey: 'SP-100', state: 'active' });
    expect(started.body.id).to.match(/^[0-9a-f-]{36}$/);
    expect(started.body.variables).to.deep.equal({ applicantId: 'A-1', amount: 5 });
    expect(started.body.activeElements).to.deep.equal(['Task_Review']);
    expect(started.body.incidents).to.deep.equal([]);
    expect(started.body.startedAt).to.equal('2026-12-01T08:00:00.000Z');
    expect(started.body.endedAt).to.equal(null);
    // The answer lists the tasks the start opened that the caller may work: none for the clerk
    // (the review is offered to verifikator), the review for an analyst, who sees the tenant's tasks.
    expect(started.body.tasks).to.deep.equal([]);
    const second = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'two-step-approval', version: 1 });
    expect(second.status).to.equal(201);
    expect(second.body.tasks.map((t: { elementId: string; state: string }) => `${t.elementId}:${t.state}`)).to.deep.equal(['Task_Review:open']);
    const listed = await api.http.get(`/api/tasks?processInstanceId=${second.body.id}`).set(bearer(verifier));
    expect(listed.body.items).to.deep.equal(second.body.tasks);

    // The starter and the candidates read it; a staff member with no part in it gets 403
    expect((await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(clerk))).status).to.equal(200);
    expect((await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(verifier))).status).to.equal(200);
    expect((await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(other))).status).to.equal(403);
    expect((await api.http.get(`/api/process-instances/${started.body.id}/history`).set(bearer(other))).status).to.equal(403);

    const all = await api.http.get('/api/process-instances').set(bearer(analyst));
    expect(all.body.total).to.equal(2);
    expect((await api.http.get('/api/process-instances?businessKey=SP-100').set(bearer(analyst))).body.items.map((i: { id: string }) => i.id)).to.deep.equal([started.body.id]);
    expect((await api.http.get('/api/process-instances?state=completed').set(bearer(analyst))).body.total).to.equal(0);
    expect((await api.http.get('/api/process-instances?processKey=two-step-approval&state=active').set(bearer(analyst))).body.total).to.equal(2);
    expect((await api.http.get('/api/process-instances').set(bearer(clerk))).body.items.map((i: { id: string }) => i.id)).to.deep.equal([started.body.id]);
    expect((await api.http.get('/api/process-instances').set(bearer(other))).body.total).to.equal(0);
    expect((await api.http.get('/api/process-instances?state=weird').set(bearer(analyst))).status).to.equal(400);

    const history = await api.http.get(`/api/process-instances/${started.body.id}/history`).set(bearer(analyst));
    expect(history.body.items[0]).to.include({ type: 'instance.started', at: '2026-12-01T08:00:00.000Z' });
    expect(history.body.items.map((h: { type: string; elementId?: string }) => `${h.type}:${h.elementId ?? ''}`)).to.include.members(['element.activated:Task_Review', 'element.activated:StartEvent_Submitted']);
  });

  it('answers clear errors for unknown processes, bad bodies and unknown ids', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    await deployApproval(api, analyst);
    const unknown = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'nope' });
    expect(unknown.status).to.equal(404);
    expect(unknown.body.detail).to.contain('nope');
    expect((await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'two-step-approval', version: 9 })).status).to.equal(404);
    const bad = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 5, variables: 'x', extra: true });
    expect(bad.status).to.equal(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['extra', 'processKey', 'variables']);
    expect((await api.http.get('/api/process-instances/xyz').set(bearer(analyst))).status).to.equal(404);
    expect((await api.http.get('/api/process-instances/00000000-0000-4000-8000-000000000000').set(bearer(analyst))).status).to.equal(404);
    expect((await api.http.post('/api/process-instances/00000000-0000-4000-8000-000000000000/cancel').set(bearer(analyst))).status).to.equal(404);
  });
});
