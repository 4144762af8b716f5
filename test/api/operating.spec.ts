/**
 * Operating running cases (API.md 1.1): search filters, per-element statistics, variables changed
 * by a person, an incident closed without re-running, and the bulk retry of the incidents a filter
 * selects — with 403 inside the tenant and 404 across tenants.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

const REVIEW = (name: string) => bpmnFile('izin-usaha', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Review" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
  <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />`);

const SIGN = bpmnFile('tanda-tangan', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Sign"><bpmn:extensionElements><zeebe:taskDefinition type="sign-op" retries="1" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sign" />
  <bpmn:sequenceFlow id="F2" sourceRef="Sign" targetRef="End" />`);

const TTE = bpmnFile('surat-keluar', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="TandaTangan"><bpmn:extensionElements><zeebe:taskDefinition type="tte-sign-unregistered" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="TandaTangan" />
  <bpmn:sequenceFlow id="F2" sourceRef="TandaTangan" targetRef="End" />`);

const TWO_STEPS = (name: string) => bpmnFile('dua-langkah', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Periksa" name="${name}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:userTask id="Setujui"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="kepala" /></bpmn:extensionElements>
    <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Periksa" />
  <bpmn:sequenceFlow id="F2" sourceRef="Periksa" targetRef="Setujui" />
  <bpmn:sequenceFlow id="F3" sourceRef="Setujui" targetRef="End" />`);

forEachBackend('api: operating running cases', (backend) => {
  let api: Api;
  let signing: 'fail' | 'ok' = 'fail';
  before(async () => {
    api = await openApi(backend);
    api.registry.register('sign-op', async () => {
      if (signing === 'fail') throw new Error('signing service unavailable (503)');
      return { variables: { signed: true } };
    });
  });
  after(async () => { await api.close(); });

  async function tenantWithPeople() {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staffName = uname('s');
    const staff = await makeUser(api, tenant, staffName, ['staff'], ['loket']);
    const other = await makeUser(api, await makeTenant(api), uname('o'), ['analyst']);
    return { tenant, analyst, staff, staffName, other };
  }
  const deploy = async (token: string, file: Buffer, name: string) => {
    const res = await api.http.post('/api/deployments').set(bearer(token)).attach('bpmn', file, name);
    expect(res.status, JSON.stringify(res.body)).to.be.oneOf([200, 201]);
    return res.body.processes[0] as { id: string; version: number };
  };
  const start = async (token: string, processKey: string, businessKey?: string, variables: Record<string, unknown> = {}) => {
    const res = await api.http.post('/api/process-instances').set(bearer(token)).send({ processKey, businessKey, variables });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { id: string; tasks: { id: string }[] };
  };
  const search = async (token: string, query: string) => {
    const res = await api.http.get(`/api/process-instances?${query}`).set(bearer(token));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return { ids: (res.body.items as { id: string }[]).map((i) => i.id), total: res.body.total as number };
  };

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

  it('lets an analyst change variables with a reason, recorded with the user, the names and the old and new values; staff 403, another tenant 404', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const inst = await start(analyst, 'izin-usaha', 'PBG/9', { luas: 120, pemohon: 'Siti' });

    const res = await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: { luas: 150, catatan: 'diukur ulang' }, reason: 'Salah ketik luas bangunan' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.variables).to.deep.equal({ luas: 150, pemohon: 'Siti', catatan: 'diukur ulang' });
    expect(res.body.activeElements).to.deep.equal(['Review']);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string; user?: string; data?: unknown }[];
    const changed = history.filter((h) => h.type === 'variables.changed');
    expect(changed).to.have.length(1);
    expect(changed[0].user).to.match(/^ana-/);
    expect(changed[0].data).to.deep.equal({ names: ['luas', 'catatan'], changes: [{ name: 'luas', old: 120, new: 150 }, { name: 'catatan', new: 'diukur ulang' }], reason: 'Salah ketik luas bangunan' });
    // The case's history is the tenant's own: another tenant does not read it.
    expect((await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(other))).status).to.equal(404);

    const before = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(staff)).send({ variables: { luas: 1 } })).status).to.equal(403);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(other)).send({ variables: { luas: 1 } })).status).to.equal(404);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: {} })).status).to.equal(400);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ luas: 1 })).status).to.equal(400);
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.variables).to.deep.equal(before.variables);

    await api.http.post(`/api/process-instances/${inst.id}/cancel`).set(bearer(analyst)).expect(200);
    const ended = await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: { luas: 1 } });
    expect(ended.status).to.equal(409);
  });

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
    signing = 'ok';
    await api.runner.drain();
    signing = 'fail';
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
    signing = 'ok';
    const first = await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ processDefinitionId: def.id, elementId: 'Sign', limit: 2 });
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body.retried).to.have.length(2);
    expect(first.body).to.include({ remaining: 1 });
    expect(first.body.failed).to.deep.equal([]);
    const second = await api.http.post('/api/incidents/retry').set(bearer(analyst)).send({ processKey: 'tanda-tangan', type: 'job' });
    expect(second.body.retried).to.have.length(1);
    expect(second.body.remaining).to.equal(0);
    await api.runner.drain();
    signing = 'fail';
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
    expect(stuck.incidents[0]).to.include({ elementId: 'TandaTangan', type: 'job', message: 'no worker took job type "tte-sign-unregistered" within 15 minutes: is a handler registered for it?' });
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

  it('modifies a case: terminates one task and activates another with variables, or refuses naming each element and changes nothing', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    await deploy(analyst, TWO_STEPS('Periksa berkas'), 'dua.bpmn');
    const inst = await start(analyst, 'dua-langkah', 'DL/1');
    const refused = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementId: 'Setujui' }], activate: [{ elementId: 'Hantu' }, { elementId: 'Start' }] });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.errors.map((e: { element: string }) => e.element)).to.deep.equal(['Setujui', 'Hantu', 'Start']);
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ activate: [{ variables: {} }] })).status).to.equal(400);
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(staff)).send({ terminate: [{ elementId: 'Periksa' }] })).status).to.equal(403);
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(other)).send({ terminate: [{ elementId: 'Periksa' }] })).status).to.equal(404);
    const unchanged = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(unchanged.activeElements).to.deep.equal(['Periksa']);

    const res = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst))
      .send({ terminate: [{ elementId: 'Periksa' }], activate: [{ elementId: 'Setujui', variables: { catatan: 'sudah diperiksa di loket' } }] });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.activeElements).to.deep.equal(['Setujui']);
    expect(res.body.variables).to.deep.equal({ catatan: 'sudah diperiksa di loket' });
    const taskList = (await api.http.get(`/api/tasks?filter=all&state=open&processInstanceId=${inst.id}`).set(bearer(analyst))).body.items as { elementId: string }[];
    expect(taskList.map((t) => t.elementId)).to.deep.equal(['Setujui']);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string; user?: string; data?: unknown }[];
    const modified = history.filter((h) => h.type === 'instance.modified');
    expect(modified).to.have.length(1);
    expect(modified[0].user).to.match(/^ana-/);
    expect(modified[0].data).to.deep.equal({ terminated: ['Periksa'], activated: ['Setujui'] });
    const stats = (await api.http.get(`/api/process-instances?elementId=Setujui&processKey=dua-langkah`).set(bearer(analyst))).body;
    expect(stats.items.map((i: { id: string }) => i.id)).to.deep.equal([inst.id]);

    const ended = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementId: 'Setujui' }] });
    expect(ended.status).to.equal(200);
    expect(ended.body.state).to.equal('terminated');
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementId: 'Setujui' }] })).status).to.equal(409);
  });

  it('names element instances by key (the case, its incidents) so modify terminates one instance: the other signer keeps waiting; a key of no instance is a 400 naming it', async () => {
    const { analyst } = await tenantWithPeople();
    await deploy(analyst, bpmnFile('tanda-tangan-bersama', `
      <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
      <bpmn:userTask id="Paraf"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=penandatangan" inputElement="siapa" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
      <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Paraf" />
      <bpmn:sequenceFlow id="F2" sourceRef="Paraf" targetRef="End" />`), 'paraf.bpmn');
    const inst = await start(analyst, 'tanda-tangan-bersama', 'TTB/1', { penandatangan: ['camat', 'sekda'] });
    const before = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    const instances = before.elementInstances as { key: number; elementId: string; parentKey: number | null }[];
    const body = instances.find((e) => e.elementId === 'Paraf' && !instances.some((o) => o.key === e.parentKey))!;
    const inner = instances.filter((e) => e.parentKey === body.key);
    expect(inner.map((e) => e.elementId)).to.deep.equal(['Paraf', 'Paraf']);

    const refused = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementInstanceKey: 987654 }] });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.errors.map((e: { element: string }) => e.element)).to.deep.equal(['#987654']);
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{}] })).status).to.equal(400);
    expect((await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementInstanceKey: 'satu' }] })).status).to.equal(400);

    const res = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementInstanceKey: inner[0].key }] });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect((res.body.elementInstances as { key: number }[]).map((e) => e.key)).to.deep.equal([body.key, inner[1].key]);
    const open = (await api.http.get(`/api/tasks?filter=all&state=open&processInstanceId=${inst.id}`).set(bearer(analyst))).body.items as { id: string }[];
    expect(open).to.have.length(1);
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

  it('migrates a case to another version: dry run, refusals naming each element, then its task moves with its element', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    const v1 = await deploy(analyst, TWO_STEPS('Periksa berkas'), 'dua.bpmn');
    const v2 = await deploy(analyst, TWO_STEPS('Periksa kelengkapan'), 'dua.bpmn');
    const v3 = await deploy(analyst, Buffer.from(TWO_STEPS('Verifikasi').toString().replace(/Periksa/g, 'Verifikasi')), 'dua.bpmn');
    const izin = await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const res0 = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'dua-langkah', version: v1.version, businessKey: 'DL/9' });
    const inst = res0.body as { id: string };
    const migrate = (token: string, body: object, dryRun = false) => api.http.post(`/api/process-instances/${inst.id}/migrate?dryRun=${dryRun}`).set(bearer(token)).send(body);

    const dry = await migrate(analyst, { targetDefinitionId: v2.id, mappings: [{ source: 'Periksa', target: 'Periksa' }] }, true);
    expect(dry.status, JSON.stringify(dry.body)).to.equal(200);
    expect(dry.body).to.deep.equal({ migrated: false, errors: [] });
    const unmapped = await migrate(analyst, { targetDefinitionId: v2.id, mappings: [] }, true);
    expect(unmapped.status).to.equal(400);
    expect(unmapped.body.errors).to.deep.equal([{ element: 'Periksa', message: 'Periksa is active and has no mapping' }]);
    const wrongType = await migrate(analyst, { targetDefinitionId: v2.id, mappings: [{ source: 'Periksa', target: 'End' }] });
    expect(wrongType.status).to.equal(400);
    expect(wrongType.body.errors[0].element).to.equal('Periksa');
    const otherProcess = await migrate(analyst, { targetDefinitionId: izin.id, mappings: [{ source: 'Periksa', target: 'Review' }] });
    expect(otherProcess.status).to.equal(400);
    expect(otherProcess.body.errors[0].path).to.equal('targetDefinitionId');
    expect((await migrate(staff, { targetDefinitionId: v2.id, mappings: [{ source: 'Periksa', target: 'Periksa' }] })).status).to.equal(403);
    expect((await migrate(other, { targetDefinitionId: v2.id, mappings: [{ source: 'Periksa', target: 'Periksa' }] })).status).to.equal(404);
    expect((await migrate(analyst, { targetDefinitionId: 'bukan', mappings: [] })).status).to.equal(404);
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.version).to.equal(v1.version);

    const done = await migrate(analyst, { targetDefinitionId: v3.id, mappings: [{ source: 'Periksa', target: 'Verifikasi' }] });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    expect(done.body).to.deep.equal({ migrated: true, errors: [] });
    const after = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(after).to.include({ version: v3.version, processDefinitionId: v3.id, state: 'active' });
    expect(after.activeElements).to.deep.equal(['Verifikasi']);
    const open = (await api.http.get(`/api/tasks?filter=all&state=open&processInstanceId=${inst.id}`).set(bearer(analyst))).body.items as { id: string; elementId: string }[];
    expect(open.map((t) => t.elementId)).to.deep.equal(['Verifikasi']);
    const stats = (await api.http.get(`/api/process-definitions/${v3.id}/statistics`).set(bearer(analyst))).body.items as { elementId: string; active: number }[];
    expect(stats.find((x) => x.elementId === 'Verifikasi')?.active).to.equal(1);
    expect((await search(analyst, `processDefinitionId=${v1.id}`)).total).to.equal(0);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string; user?: string; data?: unknown }[];
    const migrated = history.filter((h) => h.type === 'instance.migrated');
    expect(migrated).to.have.length(1);
    expect(migrated[0].user).to.match(/^ana-/);
    expect(migrated[0].data).to.deep.equal({ fromVersion: v1.version, toVersion: v3.version, mappings: [{ source: 'Periksa', target: 'Verifikasi' }] });
    // The task, completed where it now stands, leads on in version 3.
    await api.http.post(`/api/tasks/${open[0].id}/complete`).set(bearer(staff)).send({ variables: {} }).expect(200);
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.activeElements).to.deep.equal(['Setujui']);
  });
});
