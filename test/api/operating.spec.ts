/**
 * Operating running cases (API.md 1.1), finding them: search filters, per-element statistics and
 * per-version counts — with 403 inside the tenant and 404 across tenants. Variables, incidents and
 * modify/migrate have their own specs (operating-*.spec.ts); the scene is operating-support.ts.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { bearer, type Api } from './harness.js';
import { operatingScene, REVIEW, SIGN } from './operating-support.js';

forEachBackend('api: operating running cases', (backend) => {
  const scene = operatingScene(backend);
  const { tenantWithPeople, deploy, start, search } = scene;
  let api: Api;
  before(() => { api = scene.api; });

  it('finds cases by version, the element they wait at, an open incident, start date and part of the business key', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    const v1 = await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const a = await start(analyst, 'izin-usaha', 'PBG/2026/001');
    api.clock.pin(new Date('2026-12-02T08:00:00Z'));
    const b = await start(analyst, 'izin-usaha', 'pbg/2026/002');
    const c = await start(analyst, 'izin-usaha', 'SKP/50%_x');
    await api.http.post(`/api/tasks/${c.tasks[0].id}/complete`).set(bearer(staff)).send({ variables: {} }).expect(200);
    const v2 = await deploy(analyst, REVIEW('Periksa berkas'), 'izin.bpmn');
    expect(v2.version).to.equal(v1.version + 1);
    const d = await start(analyst, 'izin-usaha', 'PBG/2026/003');
    await deploy(analyst, SIGN, 'sign.bpmn');
    const e = await start(analyst, 'tanda-tangan', 'TTE/1');
    await api.runner.drain();

    expect((await search(analyst, `processKey=izin-usaha&version=${v2.version}`)).ids).to.deep.equal([d.id]);
    expect((await search(analyst, `processDefinitionId=${v1.id}`)).ids).to.have.members([a.id, b.id, c.id]);
    expect((await search(analyst, 'elementId=Review')).ids).to.have.members([a.id, b.id, d.id]);
    expect((await search(analyst, `elementId=Review&version=${v1.version}&processKey=izin-usaha`)).ids).to.have.members([a.id, b.id]);
    expect((await search(analyst, 'hasIncident=true')).ids).to.deep.equal([e.id]);
    expect((await search(analyst, 'hasIncident=false&processKey=tanda-tangan')).ids).to.deep.equal([]);
    expect((await search(analyst, 'q=pbg/2026')).ids).to.have.members([a.id, b.id, d.id]);
    // LIKE's wildcards match literally.
    expect((await search(analyst, `q=${encodeURIComponent('50%_')}`)).ids).to.deep.equal([c.id]);
    expect((await search(analyst, `q=${encodeURIComponent('%')}`)).ids).to.deep.equal([c.id]);
    expect((await search(analyst, 'startedBefore=2026-12-02')).ids).to.deep.equal([a.id]);
    expect((await search(analyst, 'startedAfter=2026-12-02T00:00:00Z&state=active&processKey=izin-usaha')).ids).to.have.members([b.id, d.id]);
    expect(await search(analyst, `processDefinitionId=not-a-uuid`)).to.deep.equal({ ids: [], total: 0 });
    // Another tenant's analyst finds none of them.
    expect((await search(other, 'q=pbg')).total).to.equal(0);
    expect((await search(other, 'elementId=Review')).total).to.equal(0);
    for (const bad of ['version=dua', 'hasIncident=maybe', 'startedAfter=kemarin', 'startedBefore=2026-13-45']) {
      const res = await api.http.get(`/api/process-instances?${bad}`).set(bearer(analyst));
      expect(res.status, bad).to.equal(400);
      expect(res.body.errors[0].path, bad).to.equal(bad.split('=')[0]);
    }
    api.clock.pin(new Date('2026-12-01T08:00:00Z'));
  });

  it('counts per element of one version the cases active there, the open incidents and the cases that completed it', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    const def = await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const started = [await start(analyst, 'izin-usaha'), await start(analyst, 'izin-usaha'), await start(analyst, 'izin-usaha')];
    await api.http.post(`/api/tasks/${started[0].tasks[0].id}/complete`).set(bearer(staff)).send({ variables: {} }).expect(200);
    const sign = await deploy(analyst, SIGN, 'sign.bpmn');
    await start(analyst, 'tanda-tangan');
    await start(analyst, 'tanda-tangan');
    await api.runner.drain();

    const stats = await api.http.get(`/api/process-definitions/${def.id}/statistics`).set(bearer(analyst));
    expect(stats.status, JSON.stringify(stats.body)).to.equal(200);
    expect(stats.body.items).to.deep.equal([
      { elementId: 'End', active: 0, incidents: 0, completed: 1 },
      { elementId: 'Review', active: 2, incidents: 0, completed: 1 },
      { elementId: 'Start', active: 0, incidents: 0, completed: 3 },
    ]);
    const signStats = await api.http.get(`/api/process-definitions/${sign.id}/statistics`).set(bearer(analyst));
    expect(signStats.body.items).to.deep.equal([
      { elementId: 'Sign', active: 2, incidents: 2, completed: 0 },
      { elementId: 'Start', active: 0, incidents: 0, completed: 2 },
    ]);
    expect((await api.http.get(`/api/process-definitions/${def.id}/statistics`).set(bearer(staff))).status).to.equal(403);
    expect((await api.http.get(`/api/process-definitions/${def.id}/statistics`).set(bearer(other))).status).to.equal(404);
    expect((await api.http.get('/api/process-definitions/bukan-id/statistics').set(bearer(analyst))).status).to.equal(404);
  });

  it('counts per version the cases still active and their open incidents (the console\'s process list); staff 403, another tenant sees none', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    const v1 = await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const done = await start(analyst, 'izin-usaha');
    await start(analyst, 'izin-usaha');
    await api.http.post(`/api/tasks/${done.tasks[0].id}/complete`).set(bearer(staff)).send({ variables: {} }).expect(200);
    const v2 = await deploy(analyst, REVIEW('Periksa berkas'), 'izin.bpmn');
    await start(analyst, 'izin-usaha');
    const sign = await deploy(analyst, SIGN, 'sign.bpmn');
    await start(analyst, 'tanda-tangan');
    await api.runner.drain();
    // Another tenant's cases of a process with the same key count for it alone.
    await deploy(other, REVIEW('Periksa'), 'izin.bpmn');
    await start(other, 'izin-usaha');

    const res = await api.http.get('/api/process-definitions?counts=true').set(bearer(analyst));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const counts = Object.fromEntries((res.body.items as { id: string; counts: unknown }[]).map((d) => [d.id, d.counts]));
    expect(counts).to.deep.equal({ [v1.id]: { active: 1, incidents: 0 }, [v2.id]: { active: 1, incidents: 0 }, [sign.id]: { active: 1, incidents: 1 } });
    expect((await api.http.get('/api/process-definitions').set(bearer(analyst))).body.items[0]).not.to.have.property('counts');
    expect((await api.http.get('/api/process-definitions?counts=true').set(bearer(staff))).status).to.equal(403);
    expect((await api.http.get('/api/process-definitions?counts=ya').set(bearer(analyst))).status).to.equal(400);
  });

});
