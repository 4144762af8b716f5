/**
 * Operating running cases (API.md 1.1): an incident closed without re-running, the bulk retry of
 * the incidents a filter selects, a job nobody takes becoming an incident, and the element
 * instance an incident stops.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { bearer, type Api } from './harness.js';
import { operatingScene, SIGN, TTE } from './operating-support.js';

forEachBackend('api: operating running cases — incidents', (backend) => {
  const scene = operatingScene(backend);
  const { tenantWithPeople, deploy, start, search } = scene;
  let api: Api;
  before(() => { api = scene.api; });

  it('resolves an incident without re-running: the case stays at the element until it is cancelled', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    await deploy(analyst, SIGN, 'sign.bpmn');
    const inst = await start(analyst, 'tanda-tangan', 'TTE/2');
    await api.runner.drain();
    const incidents = (await api.http.get(`/api/incidents?processInstanceId=${inst.id}`).set(bearer(analyst))).body.items as { id: string; elementId: string }[];
    expect(incidents).to.have.length(1);
    const id = incidents[0].id;

    expect((await api.http.post(`/api/incidents/${id}/resolve`).set(bearer(staff))).status).to.equal(403);
    expect((await api.http.post(`/api/incidents/${id}/resolve`).set(bearer(other))).status).to.equal(404);
    const res = await api.http.post(`/api/incidents/${id}/resolve`).set(bearer(analyst));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    scene.signing = 'ok';
    await api.runner.drain();
    scene.signing = 'fail';
    const after = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(after.state).to.equal('active');
    expect(after.activeElements).to.deep.equal(['Sign']);
    expect(after.incidents).to.deep.equal([]);
    const resolved = (await api.http.get(`/api/incidents?processInstanceId=${inst.id}&state=resolved`).set(bearer(analyst))).body.items as { id: string }[];
    expect(resolved.map((i) => i.id)).to.deep.equal([id]);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string; user?: string; data?: Record<string, unknown> }[];
    const entry = history.find((h) => h.type === 'incident.resolved')!;
    expect(entry.user).to.match(/^ana-/);
    expect(entry.data).to.include({ rerun: false });
    expect(history.filter((h) => h.type === 'job.completed')).to.deep.equal([]);
    expect((await api.http.post(`/api/incidents/${id}/resolve`).set(bearer(analyst))).status).to.equal(409);
    await api.http.post(`/api/process-instances/${inst.id}/cancel`).set(bearer(analyst)).expect(200);
  });

  it('retries the open incidents a filter selects, only the caller\'s tenant\'s, at most the limit', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    const def = await deploy(analyst, SIGN, 'sign.bpmn');
    const mine = [await start(analyst, 'tanda-tangan'), await start(analyst, 'tanda-tangan'), await start(analyst, 'tanda-tangan')];
    await deploy(other, SIGN, 'sign.bpmn');
    const theirs = await start(other, 'tanda-tangan');
    await api.runner.drain();

    expect((await api.http.post('/api/incidents/retry').set(bearer(staff)).send({ elementId: 'Sign' })).status).to.equal(403);
    expect((await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ elementId: 'Sign', limit: 0 })).status).to.equal(400);
    expect((await api.http.get(`/api/incidents?processDefinitionId=${def.id}&elementId=Sign`).set(bearer(analyst))).body.total).to.equal(3);
    scene.signing = 'ok';
    const first = await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ processDefinitionId: def.id, elementId: 'Sign', limit: 2 });
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body.retried).to.have.length(2);
    expect(first.body).to.include({ remaining: 1 });
    expect(first.body.failed).to.deep.equal([]);
    const second = await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ processKey: 'tanda-tangan', type: 'job' });
    expect(second.body.retried).to.have.length(1);
    expect(second.body.remaining).to.equal(0);
    await api.runner.drain();
    scene.signing = 'fail';
    for (const inst of mine) {
      const row = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
      expect(row.state, inst.id).to.equal('completed');
      expect(row.variables).to.include({ signed: true });
    }
    // The other tenant's case still has its incident.
    const stuck = (await api.http.get(`/api/process-instances/${theirs.id}`).set(bearer(other))).body;
    expect(stuck.incidents).to.have.length(1);
  });

  it('turns a case waiting at a service task nobody handles into an incident after the wait; retried once a handler exists, it goes on', async () => {
    const { analyst } = await tenantWithPeople();
    await deploy(analyst, TTE, 'tte.bpmn');
    const inst = await start(analyst, 'surat-keluar', 'SK/1');
    const t0 = api.clock.now();
    await api.runner.drain();
    api.clock.pin(new Date(t0.getTime() + 14 * 60_000));
    await api.runner.drain();
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.incidents).to.deep.equal([]);
    api.clock.pin(new Date(t0.getTime() + 15 * 60_000));
    await api.runner.drain();
    const stuck = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(stuck.state).to.equal('active');
    expect(stuck.activeElements).to.deep.equal(['TandaTangan']);
    expect(stuck.incidents).to.have.length(1);
    expect(stuck.incidents[0]).to.include({ elementId: 'TandaTangan', type: 'job', message: 'No worker took job type "tte-sign-unregistered" within 15 minutes: is a handler registered for it?' });
    const stuckId = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst)).set('Accept-Language', 'id')).body;
    expect(stuckId.incidents[0].message).to.equal('Tidak ada pekerja yang mengambil jenis pekerjaan "tte-sign-unregistered" dalam 15 menit: apakah penangannya sudah terdaftar?');
    expect((await search(analyst, 'hasIncident=true&processKey=surat-keluar')).ids).to.deep.equal([inst.id]);
    // Sweeping again changes nothing: the job failed once.
    await api.runner.drain();
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string }[];
    expect(history.filter((h) => h.type === 'incident.raised')).to.have.length(1);

    api.registry.register('tte-sign-unregistered', async () => ({ variables: { ditandatangani: true } }));
    const retried = await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ type: 'job', elementId: 'TandaTangan' });
    expect(retried.body.retried).to.have.length(1);
    await api.runner.drain();
    const done = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(done.state).to.equal('completed');
    expect(done.variables).to.include({ ditandatangani: true });
    api.clock.pin(t0);
  });


  it('gives an incident the key of its element instance', async () => {
    const { analyst } = await tenantWithPeople();
    await deploy(analyst, SIGN, 'sign.bpmn');
    const inst = await start(analyst, 'tanda-tangan');
    await api.runner.drain();
    const res = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    const sign = (res.elementInstances as { key: number; elementId: string }[]).find((e) => e.elementId === 'Sign')!;
    expect(res.incidents.map((i: { elementInstanceKey: number }) => i.elementInstanceKey)).to.deep.equal([sign.key]);
  });

});
