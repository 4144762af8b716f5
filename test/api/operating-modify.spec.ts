/** Operating running cases (API.md 1.1): modifying a case's tokens (by element or element instance) and migrating it to another version. */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { bearer, bpmnFile, type Api } from './harness.js';
import { operatingScene, REVIEW, TWO_STEPS } from './operating-support.js';

forEachBackend('api: operating running cases — modify and migrate', (backend) => {
  const scene = operatingScene(backend);
  const { tenantWithPeople, deploy, start, search } = scene;
  let api: Api;
  before(() => { api = scene.api; });

  it('modifies a case: terminates one task and activates another with variables, or refuses naming each element and changes nothing', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    await deploy(analyst, TWO_STEPS('Periksa berkas'), 'dua.bpmn');
    const inst = await start(analyst, 'dua-langkah', 'DL/1');
    const refused = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).send({ terminate: [{ elementId: 'Setujui' }], activate: [{ elementId: 'Hantu' }, { elementId: 'Start' }] });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.errors.map((e: { element: string }) => e.element)).to.deep.equal(['Setujui', 'Hantu', 'Start']);
    const refusedId = await api.http.post(`/api/process-instances/${inst.id}/modify`).set(bearer(analyst)).set('Accept-Language', 'id').send({ terminate: [{ elementId: 'Setujui' }], activate: [{ elementId: 'Hantu' }] });
    expect(refusedId.body.errors.map((e: { key: string }) => e.key)).to.deep.equal(['modify.not-active', 'modify.not-an-element']);
    expect(refusedId.body.errors.map((e: { message: string }) => e.message)).to.deep.equal(['Setujui tidak sedang aktif', 'Hantu bukan elemen proses dua-langkah']);
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
    expect(unmapped.body.errors).to.deep.equal([{ element: 'Periksa', key: 'migrate.no-mapping', message: '“Periksa berkas” is active and has no mapping' }]);
    const unmappedId = await migrate(analyst, { targetDefinitionId: v2.id, mappings: [] }, true).set('Accept-Language', 'id');
    expect(unmappedId.body.detail).to.equal('Berkas tidak dapat dimigrasikan seperti itu: “Periksa berkas”.');
    expect(unmappedId.body.errors).to.deep.equal([{ element: 'Periksa', key: 'migrate.no-mapping', message: '“Periksa berkas” sedang aktif dan tidak punya pemetaan' }]);
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
