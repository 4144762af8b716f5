/**
 * Letter registers (README "Letters"): GET /api/letter-registers lists every register a
 * document-render task numbered with, or an admin set up, with its counters per year; PUT
 * /api/letter-registers/{key} (admin) sets up its name, kode, unit and number format, which then
 * win over the task's headers. Bad input is a 400 naming the field and changes nothing; staff
 * and analysts may not change a register; another tenant's registers are never seen.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';
import { registerLetters } from '../../engine/letters/index.js';
import { docx } from '../letters/docx.js';

const SERVICE = `
  <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="BuatSurat" name="Buat surat izin">
    <bpmn:extensionElements>
      <zeebe:taskDefinition type="document-render" retries="1"/>
      <zeebe:taskHeaders>
        <zeebe:header key="template" value="surat-izin.docx"/>
        <zeebe:header key="register" value="izin-dpmptsp"/>
        <zeebe:header key="numberFormat" value="{seq}/{kode}/{unit}/{yyyy}"/>
        <zeebe:header key="kode" value="503"/>
        <zeebe:header key="unit" value="DPMPTSP"/>
      </zeebe:taskHeaders>
    </bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
  </bpmn:serviceTask>
  <bpmn:endEvent id="Selesai"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="BuatSurat"/>
  <bpmn:sequenceFlow id="F2" sourceRef="BuatSurat" targetRef="Selesai"/>`;

forEachBackend('api: letter registers', (backend) => {
  let api: Api;
  before(async () => {
    api = await openApi(backend);
    api.clock.pin(new Date('2026-12-01T08:00:00Z'));
    registerLetters(api.registry, { knex: api.db.knex, now: () => api.clock.now(), soffice: 'off', sofficeTimeoutMs: 60_000, maxDocumentBytes: 10 * 1024 * 1024 });
  });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staff = await makeUser(api, tenant, uname('staf'), ['staff'], ['loket']);
    const res = await api.http.post('/api/deployments').set(bearer(analyst))
      .attach('files', bpmnFile('surat-izin', SERVICE), 'surat-izin.bpmn').attach('files', docx(['Nomor: {nomorSurat}']), 'surat-izin.docx');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return { tenant, admin, analyst, staff };
  }

  /** Starts a case, lets the runner make its letter, and answers the letter's number. */
  async function letter(token: string): Promise<string> {
    const res = await api.http.post('/api/process-instances').set(bearer(token)).send({ processKey: 'surat-izin', variables: {} });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    await api.runner.drain();
    const inst = (await api.http.get(`/api/process-instances/${res.body.id}`).set(bearer(token))).body;
    expect(inst.state, JSON.stringify(inst.incidents)).to.equal('completed');
    return inst.variables.surat.nomor;
  }

  const list = async (token: string) => (await api.http.get('/api/letter-registers').set(bearer(token)).expect(200)).body;

  it('given letters numbered by a task, then the register is listed with its counter for the year, and the admin\'s kode and format win over the headers from the next letter on', async () => {
    const o = await office();
    expect(await letter(o.analyst)).to.equal('1/503/DPMPTSP/2026');
    expect(await letter(o.analyst)).to.equal('2/503/DPMPTSP/2026');
    const listed = await list(o.analyst);
    expect(listed.total).to.equal(1);
    expect(listed.items[0]).to.deep.include({ key: 'izin-dpmptsp', name: null, kode: null, unit: null, numberFormat: null, configured: false, updatedBy: null });
    expect(listed.items[0].counters).to.deep.equal([{ year: 2026, series: '{seq:1}/503/DPMPTSP/2026', last: 2, lastNumber: '2/503/DPMPTSP/2026', updatedAt: '2026-12-01T08:00:00.000Z' }]);

    const put = await api.http.put('/api/letter-registers/izin-dpmptsp').set(bearer(o.admin))
      .send({ name: 'Register izin usaha DPMPTSP', kode: '500.16', numberFormat: '{seq:3}/{kode}/{unit}/{yyyy}' });
    expect(put.status, JSON.stringify(put.body)).to.equal(201);
    expect(put.body).to.deep.include({ key: 'izin-dpmptsp', name: 'Register izin usaha DPMPTSP', kode: '500.16', unit: null, numberFormat: '{seq:3}/{kode}/{unit}/{yyyy}', configured: true });
    // The unit still comes from the task header; the series is new, so its counter starts at 1.
    expect(await letter(o.analyst)).to.equal('001/500.16/DPMPTSP/2026');
    const renamed = await api.http.put('/api/letter-registers/izin-dpmptsp').set(bearer(o.admin)).send({ name: 'Register surat izin' });
    expect(renamed.status).to.equal(200);
    expect(renamed.body).to.deep.include({ name: 'Register surat izin', kode: '500.16', numberFormat: '{seq:3}/{kode}/{unit}/{yyyy}' });
    const after = (await list(o.admin)).items[0];
    expect(after.counters.map((c: { lastNumber: string }) => c.lastNumber)).to.deep.equal(['2/503/DPMPTSP/2026', '001/500.16/DPMPTSP/2026']);
    // Cleared fields give the headers back.
    await api.http.put('/api/letter-registers/izin-dpmptsp').set(bearer(o.admin)).send({ kode: null, numberFormat: null }).expect(200);
    expect(await letter(o.analyst)).to.equal('3/503/DPMPTSP/2026');
    // Through the API's audit filter (newest first): its objectType enum is the audit's own list of object types.
    const audit = await api.http.get('/api/audit?objectType=letter-register').set(bearer(o.admin)).expect(200);
    expect(audit.body.items.map((a: { action: string; objectId: string }) => `${a.action} ${a.objectId}`)).to.deep.equal(['changed izin-dpmptsp', 'changed izin-dpmptsp', 'created izin-dpmptsp']);
  });

  it('given a register set up before any letter, then it is listed without counters, and another tenant sees none of it', async () => {
    const o = await office();
    const put = await api.http.put('/api/letter-registers/surat-keluar-kesbangpol').set(bearer(o.admin))
      .send({ name: 'Surat keluar Kesbangpol', kode: '070', unit: 'KESBANGPOL', numberFormat: '{seq}/{kode}/{unit}/{yyyy}' });
    expect(put.status).to.equal(201);
    expect(put.body).to.deep.include({ key: 'surat-keluar-kesbangpol', counters: [], updatedAt: '2026-12-01T08:00:00.000Z' });
    const other = await office();
    expect((await list(other.admin)).items.map((r: { key: string }) => r.key)).to.deep.equal([]);
    // Setting up a register of the same key elsewhere leaves this one as it was.
    await api.http.put('/api/letter-registers/surat-keluar-kesbangpol').set(bearer(other.admin)).send({ kode: '999' }).expect(201);
    expect((await list(o.admin)).items[0]).to.include({ kode: '070' });
  });

  it('given bad input, then a 400 names the field, in Indonesian or English, and nothing changes; staff may not read and analysts may not change', async () => {
    const o = await office();
    const put = (key: string, body: object, token = o.admin) => api.http.put(`/api/letter-registers/${encodeURIComponent(key)}`).set(bearer(token)).send(body);
    const badFormat = await put('izin-dpmptsp', { numberFormat: '{nomor}/{yyyy}' }).set('Accept-Language', 'id');
    expect(badFormat.status).to.equal(400);
    expect(badFormat.body.detail).to.match(/^Format nomor tidak dapat dipakai: .*penanda \{nomor\} tidak dikenal/);
    expect(badFormat.body.detail).to.not.match(/unknown|placeholder/);
    expect(badFormat.body.errors[0].path).to.equal('numberFormat');
    const twoSeq = await put('izin-dpmptsp', { numberFormat: '{seq}/{seq}' });
    expect(twoSeq.status).to.equal(400);
    expect(twoSeq.body.detail).to.match(/^The number format cannot be used: /);
    expect((await put('izin-dpmptsp', { kode: 'a\nb' })).body.errors[0]).to.include({ path: 'kode' });
    expect((await put('../etc', { kode: '070' })).status).to.equal(400);
    expect((await put('izin-dpmptsp', {})).status).to.equal(400);
    expect((await put('izin-dpmptsp', { kode: 70 })).status).to.equal(400);
    expect((await put('izin-dpmptsp', { warna: 'merah' })).status).to.equal(400);
    expect((await put('izin-dpmptsp', { kode: '070' }, o.analyst)).status).to.equal(403);
    expect((await api.http.get('/api/letter-registers').set(bearer(o.staff))).status).to.equal(403);
    expect((await list(o.admin)).total).to.equal(0);
    expect(await letter(o.analyst)).to.equal('1/503/DPMPTSP/2026');
  });
});
