/**
 * Strict variables (issue 16): with `<alur:variables strict="true"/>` on the process a person may
 * set only what a form declares — a form-less task or a start without a start form takes no
 * variables (400 naming each, nothing changes); a form already refuses keys no field owns. Without
 * it (Camunda's default) a form-less task sets anything.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';

const FORM = new URL('./fixtures/form-verifikasi-izin.form', import.meta.url).pathname;

function izin(strict: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="izin-ketat" name="Izin ketat" isExecutable="true">
    <bpmn:extensionElements>${strict}</bpmn:extensionElements>
    <bpmn:startEvent id="Mulai"/>
    <bpmn:userTask id="Verifikasi" name="Verifikasi berkas"><bpmn:extensionElements><zeebe:userTask/><zeebe:formDefinition formId="form-verifikasi-izin"/><zeebe:assignmentDefinition candidateGroups="verifikator"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="Persetujuan" name="Persetujuan kepala"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="verifikator"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="Selesai"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="Verifikasi"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Verifikasi" targetRef="Persetujuan"/>
    <bpmn:sequenceFlow id="F3" sourceRef="Persetujuan" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>`;
}

forEachBackend('api: strict variables (alur:variables strict)', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office(strict: string) {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staff = await makeUser(api, tenant, uname('siti'), ['staff'], ['verifikator']);
    const deployed = await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', Buffer.from(izin(strict)), 'izin.bpmn').attach('files', FORM);
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);
    return { analyst, staff };
  }

  async function openTask(token: string, elementId: string): Promise<string> {
    const tasks = (await api.http.get('/api/tasks?filter=candidate').set(bearer(token))).body.items as { id: string; elementId: string }[];
    return tasks.find((t) => t.elementId === elementId)!.id;
  }

  it('given a strict process, when a person sets what no form declares, then 400 names each variable and nothing changes; what the forms declare goes through', async () => {
    const { analyst, staff } = await office('<alur:variables strict="true"/>');

    // No start form: a start takes no variables.
    const refused = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-ketat', variables: { luas: 120, nama: 'Budi' } });
    expect(refused.status, JSON.stringify(refused.body)).to.equal(400);
    expect(refused.body.detail).to.equal('Process Izin ketat has no start form and takes only values its forms declare: luas and nama cannot be set.');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['luas', 'nama']);
    const inIndonesian = await api.http.post('/api/process-instances').set(bearer(staff)).set('accept-language', 'id').send({ processKey: 'izin-ketat', variables: { luas: 120 } });
    expect(inIndonesian.body.detail).to.equal('Proses Izin ketat tidak memiliki formulir permohonan dan hanya menerima isian yang dinyatakan formulirnya: luas tidak dapat diisi.');
    expect((await api.http.get('/api/process-instances').set(bearer(analyst))).body.total).to.equal(0);
    const started = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-ketat' });
    expect(started.status).to.equal(201);
    const id = started.body.id as string;

    // The form's task: its form refuses a key it does not declare, takes what it declares.
    const verifikasi = await openTask(staff, 'Verifikasi');
    const extra = await api.http.post(`/api/tasks/${verifikasi}/complete`).set(bearer(staff)).send({ variables: { hasilVerifikasi: 'lengkap', luas: 1 } });
    expect(extra.status).to.equal(400);
    expect(extra.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['luas']);
    await api.http.post(`/api/tasks/${verifikasi}/complete`).set(bearer(staff)).send({ variables: { hasilVerifikasi: 'lengkap' } }).expect(200);

    // The form-less task cannot overwrite what the form validated; completed with nothing, it goes.
    const persetujuan = await openTask(staff, 'Persetujuan');
    const overwrite = await api.http.post(`/api/tasks/${persetujuan}/complete`).set(bearer(staff)).send({ variables: { hasilVerifikasi: 'perbaikan' } });
    expect(overwrite.status).to.equal(400);
    expect(overwrite.body.detail).to.equal('Task “Persetujuan kepala” has no form, and this process takes only values its forms declare: hasilVerifikasi cannot be set.');
    expect(overwrite.body.errors).to.deep.equal([{ path: 'hasilVerifikasi', message: 'No form declares hasilVerifikasi.' }]);
    expect((await api.http.get(`/api/tasks/${persetujuan}`).set(bearer(staff))).body.state).to.equal('open');
    expect((await api.http.get(`/api/process-instances/${id}`).set(bearer(analyst))).body.variables).to.deep.equal({ hasilVerifikasi: 'lengkap' });
    await api.http.post(`/api/tasks/${persetujuan}/complete`).set(bearer(staff)).send({ variables: {} }).expect(200);
    expect((await api.http.get(`/api/process-instances/${id}`).set(bearer(analyst))).body.state).to.equal('completed');
  });

  it('given strict="false" or no alur:variables, then a form-less task and a form-less start set anything (Camunda\'s default)', async () => {
    for (const ext of ['<alur:variables strict="false"/>', '']) {
      const { analyst, staff } = await office(ext);
      const started = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-ketat', variables: { luas: 120 } });
      expect(started.status, JSON.stringify(started.body)).to.equal(201);
      await api.http.post(`/api/tasks/${await openTask(staff, 'Verifikasi')}/complete`).set(bearer(staff)).send({ variables: { hasilVerifikasi: 'lengkap' } }).expect(200);
      await api.http.post(`/api/tasks/${await openTask(staff, 'Persetujuan')}/complete`).set(bearer(staff)).send({ variables: { hasilVerifikasi: 'perbaikan' } }).expect(200);
      expect((await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst))).body.variables).to.deep.equal({ luas: 120, hasilVerifikasi: 'perbaikan' });
    }
  });
});
