/**
 * Starting a case (API.md 1.1): start forms checked like task completions, who may start,
 * the startable list, the start form for the inbox, and "Data permohonan".
 * Registration numbers: registration-numbers.spec.ts.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { deployIzin, IZIN_VALUES } from './starting-fixtures.js';

forEachBackend('api: starting a case', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const loket = await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']);
    const verifier = await makeUser(api, tenant, uname('verif'), ['staff'], ['verifikator']);
    const kepala = await makeUser(api, tenant, uname('kepala'), ['staff'], ['kepala-opd']);
    const deployed = await deployIzin(api, analyst);
    return { tenant, analyst, loket, verifier, kepala, definitionId: deployed.processes[0].id as string };
  }

  it('given a start form, when the values do not fit, then 400 names each field like a task completion and nothing is created', async () => {
    const { analyst, loket } = await office();
    const bad = await api.http.post('/api/process-instances').set(bearer(loket))
      .send({ processKey: 'izin-usaha', variables: { nik: '12', jenisUsaha: 'tambang', modal: -5, lain: 1 } });
    expect(bad.status).to.equal(400);
    expect(bad.headers['content-type']).to.contain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['jenisUsaha', 'lain', 'modal', 'namaPemohon', 'nik']);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'nik').message).to.be.a('string').and.not.equal('');
    expect((await api.http.get('/api/process-instances').set(bearer(analyst))).body.total).to.equal(0);

    const ok = await api.http.post('/api/process-instances').set(bearer(loket)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES });
    expect(ok.status).to.equal(201);
    expect(ok.body.variables).to.deep.equal(IZIN_VALUES);
    expect(ok.body.businessKey).to.equal('IUM/2026/12/0001');
  });

  it('given the form, the definition names it, and who may start reads it; others 403, other tenants 404', async () => {
    const { definitionId, loket, verifier, analyst } = await office();
    const def = await api.http.get(`/api/process-definitions/${definitionId}`).set(bearer(analyst));
    expect(def.body).to.include({ startFormId: 'form-izin-usaha', businessKeyFormat: 'IUM/{yyyy}/{MM}/{seq:4}' });
    expect(def.body.starters).to.deep.equal(['loket', 'kepala-opd']);
    const form = await api.http.get(`/api/process-definitions/${definitionId}/start-form`).set(bearer(loket));
    expect(form.status).to.equal(200);
    expect(form.body).to.include({ formId: 'form-izin-usaha', version: 1 });
    expect(form.body.schema.components).to.have.length(4);
    expect((await api.http.get(`/api/process-definitions/${definitionId}/start-form`).set(bearer(verifier))).status).to.equal(403);

    const stranger = await makeUser(api, await makeTenant(api), uname('orang'), ['admin', 'analyst'], ['loket']);
    expect((await api.http.get(`/api/process-definitions/${definitionId}/start-form`).set(bearer(stranger))).status).to.equal(404);
    expect((await api.http.get(`/api/process-definitions/${definitionId}`).set(bearer(stranger))).status).to.equal(404);
    expect((await api.http.post('/api/process-instances').set(bearer(stranger)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES })).status).to.equal(404);
    expect((await api.http.get('/api/process-definitions/not-an-id/start-form').set(bearer(loket))).status).to.equal(404);
    expect((await api.http.get(`/api/process-definitions/${definitionId}/start-form`)).status).to.equal(401);
  });

  it('given alur:starters, when someone outside its groups starts, then 403 and nothing is created; the startable list shows each user what they may start', async () => {
    const { analyst, loket, verifier, kepala } = await office();
    const refused = await api.http.post('/api/process-instances').set(bearer(verifier)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES });
    expect(refused.status).to.equal(403);
    expect(refused.body.detail).to.equal('You may not start Izin Usaha Mikro: only members of loket or kepala-opd may.');
    const inIndonesian = await api.http.post('/api/process-instances').set(bearer(verifier)).set('accept-language', 'id').send({ processKey: 'izin-usaha', variables: IZIN_VALUES });
    expect(inIndonesian.body.detail).to.equal('Anda tidak dapat memulai Izin Usaha Mikro: hanya anggota loket atau kepala-opd yang dapat memulainya.');
    // Admins and analysts too: starting a case is the front desk's act.
    expect((await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES })).status).to.equal(403);
    expect((await api.http.get('/api/process-instances').set(bearer(analyst))).body.total).to.equal(0);

    // A process without starters (anyone) and one started by message only (nobody through the API).
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', Buffer.from(OPEN_PROCESS), 'pengumuman.bpmn').expect(201);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', Buffer.from(MESSAGE_ONLY), 'pesan.bpmn').expect(201);
    const keys = async (token: string) => (await api.http.get('/api/startable-processes').set(bearer(token))).body.items.map((i: { processKey: string }) => i.processKey);
    expect(await keys(loket)).to.deep.equal(['izin-usaha', 'pengumuman']);
    expect(await keys(kepala)).to.deep.equal(['izin-usaha', 'pengumuman']);
    expect(await keys(verifier)).to.deep.equal(['pengumuman']);
    const listed = await api.http.get('/api/startable-processes').set(bearer(loket));
    expect(listed.body.total).to.equal(2);
    expect(listed.body.items[0]).to.deep.include({ processKey: 'izin-usaha', name: 'Izin Usaha Mikro', version: 1, startFormId: 'form-izin-usaha', registrationNumber: true });
    expect(listed.body.items[0].definitionId).to.match(/^[0-9a-f-]{36}$/);
    expect(listed.body.items[1]).to.deep.include({ processKey: 'pengumuman', startFormId: null, registrationNumber: false });
    expect((await api.http.get('/api/startable-processes?limit=1&offset=1').set(bearer(loket))).body.items.map((i: { processKey: string }) => i.processKey)).to.deep.equal(['pengumuman']);
    expect((await api.http.get('/api/startable-processes?limit=100000').set(bearer(loket))).status).to.equal(400);

    // Another tenant sees none of these.
    const stranger = await makeUser(api, await makeTenant(api), uname('orang'), ['staff'], ['loket']);
    expect((await api.http.get('/api/startable-processes').set(bearer(stranger))).body).to.deep.equal({ items: [], total: 0 });
  });

  it('given a huge or deeply nested start, then a clear 4xx and nothing is created', async () => {
    const { analyst, loket } = await office();
    const huge = await api.http.post('/api/process-instances').set(bearer(loket)).set('content-type', 'application/json')
      .send(JSON.stringify({ processKey: 'izin-usaha', variables: { ...IZIN_VALUES, namaPemohon: 'x'.repeat(2_000_000) } }));
    expect(huge.status).to.equal(413);
    let nested: unknown = 'dalam';
    for (let i = 0; i < 2000; i++) nested = { a: nested };
    const deep = await api.http.post('/api/process-instances').set(bearer(loket)).send({ processKey: 'izin-usaha', variables: { ...IZIN_VALUES, lampiran: nested } });
    expect(deep.status).to.equal(400);
    expect((await api.http.get('/api/process-instances').set(bearer(analyst))).body.total).to.equal(0);
  });

  it('given earlier tasks, the case data shows the start form with its values and what each task added under its form\'s labels', async () => {
    const { tenant, loket, verifier, kepala, analyst } = await office();
    const started = await api.http.post('/api/process-instances').set(bearer(loket)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES }).expect(201);
    const verify = (await api.http.get('/api/tasks?filter=candidate').set(bearer(verifier))).body.items[0];
    await api.http.post(`/api/tasks/${verify.id}/complete`).set(bearer(verifier)).send({ variables: { hasilVerifikasi: 'lengkap', catatan: 'NIB sudah ada' } }).expect(200);
    const approve = (await api.http.get('/api/tasks?filter=candidate').set(bearer(kepala))).body.items[0];
    expect(approve.businessKey).to.equal(started.body.businessKey);

    const data = await api.http.get(`/api/process-instances/${started.body.id}/data`).set(bearer(kepala));
    expect(data.status).to.equal(200);
    expect(data.body.start).to.include({ formId: 'form-izin-usaha', version: 1 });
    expect(data.body.start.schema.components.map((c: { key: string }) => c.key)).to.deep.equal(['namaPemohon', 'nik', 'jenisUsaha', 'modal']);
    expect(data.body.start.values).to.include(IZIN_VALUES);
    expect(data.body.truncated).to.equal(false);
    expect(data.body.steps).to.have.length(1);
    expect(data.body.steps[0]).to.include({ elementId: 'Verifikasi', name: 'Verifikasi berkas', formId: 'form-verifikasi-izin' });
    expect(data.body.steps[0].completedBy).to.match(/^verif-/);
    // Without a display name, the name people read is the username.
    expect(data.body.steps[0].completedByName).to.equal(data.body.steps[0].completedBy);
    expect(data.body.steps[0].fields).to.deep.equal([
      { key: 'hasilVerifikasi', label: 'Hasil verifikasi', value: 'lengkap', valueLabel: 'Berkas lengkap' },
      { key: 'catatan', label: 'Catatan verifikator', value: 'NIB sudah ada' },
    ]);

    const outsider = await makeUser(api, tenant, uname('keu'), ['staff'], ['keuangan']);
    expect((await api.http.get(`/api/process-instances/${started.body.id}/data`).set(bearer(outsider))).status).to.equal(403);
    expect((await api.http.get(`/api/process-instances/${started.body.id}/data`).set(bearer(analyst))).status).to.equal(200);
    const stranger = await makeUser(api, await makeTenant(api), uname('orang'), ['admin', 'analyst']);
    expect((await api.http.get(`/api/process-instances/${started.body.id}/data`).set(bearer(stranger))).status).to.equal(404);
  });

  it('given a called process, its tasks show the calling case\'s application and the steps before the call', async () => {
    const { analyst, loket, verifier } = await office();
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', Buffer.from(CALLER), 'perpanjangan.bpmn').attach('files', Buffer.from(CALLED), 'tanda-tangan.bpmn').attach('files', Buffer.from(JSON.stringify(CALLER_FORM)), 'form-perpanjangan.form').expect(201);
    const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'perpanjangan', variables: { nomorIzin: 'IUM-77' } }).expect(201);
    const check = (await api.http.get(`/api/tasks?processInstanceId=${started.body.id}`).set(bearer(analyst))).body.items[0];
    await api.http.post(`/api/tasks/${check.id}/complete`).set(bearer(loket)).send({ variables: { layak: true } }).expect(200);
    const signing = (await api.http.get('/api/tasks?filter=candidate').set(bearer(verifier))).body.items.find((t: { elementId: string }) => t.elementId === 'Ttd');
    expect(signing.processInstanceId).to.not.equal(started.body.id);
    const data = await api.http.get(`/api/process-instances/${signing.processInstanceId}/data`).set(bearer(verifier)).expect(200);
    expect(data.body.start).to.include({ formId: 'form-perpanjangan' });
    expect(data.body.start.values).to.include({ nomorIzin: 'IUM-77' });
    expect(data.body.steps.map((s: { elementId: string; processInstanceId: string }) => [s.elementId, s.processInstanceId])).to.deep.equal([['Periksa', started.body.id]]);
    expect(data.body.steps[0].fields).to.deep.equal([{ key: 'layak', label: 'layak', value: true }]);
  });
});

const CALLER_FORM = { id: 'form-perpanjangan', type: 'default', components: [{ type: 'textfield', key: 'nomorIzin', label: 'Nomor izin lama', validate: { required: true } }] };
const CALLER = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://alur.example/test">
  <bpmn:process id="perpanjangan" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:extensionElements><zeebe:formDefinition formId="form-perpanjangan"/></bpmn:extensionElements><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Periksa"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="loket"/></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:callActivity id="Call"><bpmn:extensionElements><zeebe:calledElement processId="tanda-tangan"/></bpmn:extensionElements><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:callActivity>
    <bpmn:endEvent id="E"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Periksa"/><bpmn:sequenceFlow id="F2" sourceRef="Periksa" targetRef="Call"/><bpmn:sequenceFlow id="F3" sourceRef="Call" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;
const CALLED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="http://alur.example/test">
  <bpmn:process id="tanda-tangan" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Ttd"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifikator"/></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Ttd"/><bpmn:sequenceFlow id="F2" sourceRef="Ttd" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;

const OPEN_PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://alur.example/test">
  <bpmn:process id="pengumuman" name="Pengumuman" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F</bpmn:outgoing></bpmn:startEvent>
    <bpmn:endEvent id="E"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;

const MESSAGE_ONLY = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://alur.example/test">
  <bpmn:process id="aduan-masuk" name="Aduan masuk" isExecutable="true">
    <bpmn:startEvent id="S"><bpmn:outgoing>F</bpmn:outgoing><bpmn:messageEventDefinition messageRef="M"/></bpmn:startEvent>
    <bpmn:endEvent id="E"><bpmn:incoming>F</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E"/>
  </bpmn:process>
  <bpmn:message id="M" name="aduan"/>
</bpmn:definitions>`;
