/**
 * Letters (issue 15 item 4): a `.docx` template deployed with the process, filled by the
 * `document-render` service task with the case's values and attached to the case, numbered from a
 * register — consecutive and gap-free per register and year (a letter that fails takes no number,
 * concurrent letters get consecutive ones, a job run twice takes one), its PDF from LibreOffice —
 * and hostile templates: a zip bomb and a broken tag refused at deployment naming file and tag, a
 * loop over too many items an incident naming the tag.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';
import { registerLetters } from '../../engine/letters/index.js';
import { docx, docxText, lyingDocx, zipBomb } from '../letters/docx.js';
import { lastNumber } from '../../engine/numbering/index.js';
import { findTool, whereInstalled } from '../support/debian-tools.js';

const TEMPLATE = docx([
  '**SURAT IZIN USAHA MIKRO**',
  'Nomor: {nomorSurat}',
  'Diberikan kepada {pemohon} untuk usaha {usaha.nama}.',
  '{#lampiran}Lampiran: {.}{/lampiran}',
  'Semarang, {tanggalSurat}',
]);

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
        <zeebe:header key="name" value="=&quot;izin-&quot; + pemohon"/>
      </zeebe:taskHeaders>
    </bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
  </bpmn:serviceTask>
  <bpmn:userTask id="Periksa" name="Periksa surat"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="Selesai"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="BuatSurat"/>
  <bpmn:sequenceFlow id="F2" sourceRef="BuatSurat" targetRef="Periksa"/>
  <bpmn:sequenceFlow id="F3" sourceRef="Periksa" targetRef="Selesai"/>`;

forEachBackend('api: letters (document-render)', (backend) => {
  let api: Api;
  before(async () => {
    api = await openApi(backend);
    registerLetters(api.registry, { knex: api.db.knex, now: () => api.clock.now(), soffice: 'off', sofficeTimeoutMs: 60_000, maxDocumentBytes: 10 * 1024 * 1024 });
  });
  after(async () => { await api.close(); });
  afterEach(() => { api.clock.pin(new Date('2026-12-01T08:00:00Z')); });

  async function office(template = TEMPLATE) {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const res = await api.http.post('/api/deployments').set(bearer(analyst))
      .attach('files', bpmnFile('surat-izin', SERVICE), 'surat-izin.bpmn').attach('files', template, 'surat-izin.docx');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return { tenant, analyst, deployed: res.body };
  }
  const start = async (token: string, variables: Record<string, unknown>) => {
    const res = await api.http.post('/api/process-instances').set(bearer(token)).send({ processKey: 'surat-izin', variables });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id as string;
  };
  const letterOf = async (token: string, id: string) => (await api.http.get(`/api/process-instances/${id}`).set(bearer(token))).body.variables.surat;
  const bytes = async (token: string, documentId: string) => {
    const res = await api.http.get(`/api/documents/${documentId}/content`).set(bearer(token)).buffer(true).parse((r, done) => {
      const parts: Buffer[] = [];
      r.on('data', (b: Buffer) => parts.push(b)).on('end', () => done(null, Buffer.concat(parts)));
    });
    expect(res.status).to.equal(200);
    return res.body as Buffer;
  };

  it('given a .docx deployed with the process, then it is listed as a template, versioned by name, and the same file again makes no new version', async () => {
    const { analyst, deployed } = await office();
    expect(deployed.templates).to.have.length(1);
    expect(deployed.templates[0]).to.include({ name: 'surat-izin.docx', version: 1 });
    const again = await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', TEMPLATE, 'surat-izin.docx');
    expect(again.status).to.equal(200);
    expect(again.body.templates[0]).to.include({ name: 'surat-izin.docx', version: 1 });
    const changed = await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', docx(['Nomor: {nomorSurat}']), 'surat-izin.docx');
    expect(changed.status).to.equal(201);
    expect(changed.body.templates[0]).to.include({ version: 2 });
  });

  it('given hostile or broken templates, then the deployment is refused naming the file and the tag, and nothing is deployed', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const deploy = (content: Buffer, name = 'surat-izin.docx') => api.http.post('/api/deployments').set(bearer(analyst))
      .attach('files', bpmnFile('surat-izin', SERVICE), 'surat-izin.bpmn').attach('files', content, name);
    const bomb = await deploy(await zipBomb(30 * 1024 * 1024));
    expect(bomb.status).to.equal(400);
    expect(JSON.stringify(bomb.body.errors)).to.contain('surat-izin.docx').and.to.match(/uncompressed/);
    const broken = await deploy(docx(['{#lampiran}Lampiran', 'Kepada {/pemohon}']));
    expect(broken.status).to.equal(400);
    const messages = broken.body.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).to.contain('Letter template surat-izin.docx refused: {lampiran}: ').and.to.contain('"pemohon"');
    // In the reader's language: Indonesian first.
    const id = await deploy(docx(['{#lampiran}x'])).set('Accept-Language', 'id');
    expect(id.body.errors[0].message).to.match(/^Templat surat surat-izin.docx ditolak: {lampiran}: /);
    expect((await deploy(Buffer.from('%PDF-1.4 bukan zip'))).status).to.equal(400);
    expect((await deploy(TEMPLATE, 'surat izin;rm.docx')).status).to.equal(400);
    const defs = await api.http.get('/api/process-definitions').set(bearer(analyst));
    expect(defs.body.total).to.equal(0);
  });

  it('given a template zip whose headers lie (a local header against the central directory, or a declared size smaller than the data), then the deployment is refused naming the file and nothing is deployed', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const deploy = (content: Buffer) => api.http.post('/api/deployments').set(bearer(analyst))
      .attach('files', bpmnFile('surat-izin', SERVICE), 'surat-izin.bpmn').attach('files', content, 'surat-izin.docx');
    const lines = ['Nomor: {nomorSurat}', 'Diberikan kepada {pemohon}.'];
    const local = await deploy(lyingDocx(lines, 'local-size'));
    expect(local.status, JSON.stringify(local.body)).to.equal(400);
    expect(JSON.stringify(local.body.errors)).to.contain('surat-izin.docx').and.to.match(/the local header says uncompressed size \d+, the central directory \d+/);
    const smaller = await deploy(lyingDocx(lines, 'declared-smaller'));
    expect(smaller.status, JSON.stringify(smaller.body)).to.equal(400);
    expect(JSON.stringify(smaller.body.errors)).to.contain('surat-izin.docx').and.to.match(/data is longer than the declared \d+ bytes|more data than the zip declares/);
    expect((await api.http.get('/api/process-definitions').set(bearer(analyst))).body.total).to.equal(0);
    expect(await api.db.knex('document_template').where({ tenant_id: tenant }).count('* as n').first()).to.deep.equal({ n: 0 });
    // The same document with honest headers deploys.
    expect((await deploy(docx(lines))).status).to.equal(201);
  });

  it('given cases, then each letter is filled with the case\'s values and its number, attached to the case; numbers count up per register and restart each year', async () => {
    const { analyst } = await office();
    const ids = [];
    for (const pemohon of ['Sri Wahyuni', 'Budi Santoso']) ids.push(await start(analyst, { pemohon, usaha: { nama: 'Warung Makan' }, lampiran: ['KTP', 'NIB'] }));
    await api.runner.drain();
    // The runner makes both at once: which one is first is open, that they are 1 and 2 is not.
    const first = await letterOf(analyst, ids[0]);
    expect(first).to.include({ register: 'izin-dpmptsp', name: 'izin-Sri Wahyuni.docx', tanggal: '1 Desember 2026', pdfDocumentId: null });
    expect([first.nomor, (await letterOf(analyst, ids[1])).nomor].sort()).to.deep.equal(['1/503/DPMPTSP/2026', '2/503/DPMPTSP/2026']);
    expect(docxText(await bytes(analyst, first.documentId))).to.deep.equal([
      'SURAT IZIN USAHA MIKRO', `Nomor: ${first.nomor}`, 'Diberikan kepada Sri Wahyuni untuk usaha Warung Makan.', 'Lampiran: KTPLampiran: NIB', 'Semarang, 1 Desember 2026',
    ]);
    const docs = (await api.http.get(`/api/process-instances/${ids[0]}/documents`).set(bearer(analyst))).body.items;
    expect(docs.map((d: any) => [d.name, d.field, d.uploadedBy, d.mediaType])).to.deep.equal([
      ['izin-Sri Wahyuni.docx', 'surat', 'document-render', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    api.clock.pin(new Date('2027-01-04T02:00:00Z'));
    const next = await start(analyst, { pemohon: 'Dewi', usaha: { nama: 'Jahit' }, lampiran: [] });
    await api.runner.drain();
    expect((await letterOf(analyst, next)).nomor).to.equal('1/503/DPMPTSP/2027');
  });

  it('given a loop over too many items, then the job ends in an incident naming the tag and the letter takes no number; the next letter gets the next number', async () => {
    const { analyst, tenant } = await office();
    const ok = await start(analyst, { pemohon: 'A', usaha: { nama: 'x' }, lampiran: [] });
    await api.runner.drain();
    const huge = await start(analyst, { pemohon: 'B', usaha: { nama: 'x' }, lampiran: Array.from({ length: 5000 }, (_, i) => `berkas ${i}`) });
    await api.runner.drain();
    const incidents = (await api.http.get(`/api/incidents?processInstanceId=${huge}`).set(bearer(analyst))).body.items;
    expect(incidents).to.have.length(1);
    expect(incidents[0].message).to.contain('{lampiran}').and.to.contain('5000 items');
    // In the reader's language, the template, the tag and the limit named (catalog/templates.ts).
    const inId = (await api.http.get(`/api/incidents?processInstanceId=${huge}`).set(bearer(analyst)).set('Accept-Language', 'id')).body.items;
    expect(inId[0].message).to.equal('Templat surat surat-izin.docx tidak dapat diisi: {lampiran} berisi 5000 butir; satu pengulangan paling banyak 2000 kali');
    expect((await api.http.get(`/api/process-instances/${huge}/documents`).set(bearer(analyst))).body.items).to.deep.equal([]);
    const key = { tenant, scope: 'surat:izin-dpmptsp', series: '2026|{seq:1}/503/DPMPTSP/2026' };
    expect(await lastNumber(api.db.knex, key)).to.equal(1);
    const after = await start(analyst, { pemohon: 'C', usaha: { nama: 'x' }, lampiran: [] });
    await api.runner.drain();
    expect([(await letterOf(analyst, ok)).nomor, (await letterOf(analyst, after)).nomor]).to.deep.equal(['1/503/DPMPTSP/2026', '2/503/DPMPTSP/2026']);
  });

  it('given letters made at the same time and a job delivered twice, then numbers are consecutive without gaps and the repeated job finds its letter', async () => {
    const { analyst, tenant } = await office();
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => start(analyst, { pemohon: `P${i}`, usaha: { nama: 'x' }, lampiran: [] })));
    const handler = api.registry.get('document-render')!;
    const job = (instanceId: string) => ({
      key: 2, instanceId, tenant, type: 'document-render', elementId: 'BuatSurat', retries: 1,
      headers: { template: 'surat-izin.docx', register: 'izin-dpmptsp', numberFormat: '{seq}/{kode}/{unit}/{yyyy}', kode: '503', unit: 'DPMPTSP' },
      variables: { pemohon: 'X', usaha: { nama: 'x' }, lampiran: [] },
    });
    // Straight to the handler, all at once: the counter row makes them wait in line.
    const results = await Promise.all(ids.map((id) => handler(job(id))));
    const numbers = results.map((r) => (r as { variables: { surat: { nomor: string } } }).variables.surat.nomor);
    expect([...numbers].sort((a, b) => parseInt(a) - parseInt(b))).to.deep.equal(['1', '2', '3', '4', '5', '6'].map((n) => `${n}/503/DPMPTSP/2026`));
    const again = await handler(job(ids[0]));
    expect((again as { variables: { surat: unknown } }).variables.surat).to.deep.equal((results[0] as { variables: { surat: unknown } }).variables.surat);
    expect(await lastNumber(api.db.knex, { tenant, scope: 'surat:izin-dpmptsp', series: '2026|{seq:1}/503/DPMPTSP/2026' })).to.equal(6);
  });

  it('given a template not deployed in this tenant, then the job fails naming it (another tenant\'s template is not there)', async () => {
    await office();
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const res = await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', bpmnFile('surat-izin', SERVICE), 'surat-izin.bpmn');
    expect(res.status).to.equal(201);
    const id = await start(analyst, { pemohon: 'A', usaha: { nama: 'x' }, lampiran: [] });
    await api.runner.drain();
    const incidents = (await api.http.get(`/api/incidents?processInstanceId=${id}`).set(bearer(analyst))).body.items;
    expect(incidents[0].message).to.contain('template surat-izin.docx is not deployed in this tenant');
  });

  // LibreOffice makes the PDF, poppler's pdftotext reads it back.
  whereInstalled(['soffice', 'pdftotext'], 'letters: the PDF from LibreOffice', () => {
    it('given LibreOffice, then the letter\'s PDF is attached too and reads the same', async function () {
      this.timeout(120_000);
      const { analyst, tenant } = await office();
      const handler = (await import('../../engine/letters/document-render.js')).documentRenderConnector({
        knex: api.db.knex, now: () => api.clock.now(), maxDocumentBytes: 10 * 1024 * 1024, soffice: { program: findTool('soffice')!, timeoutMs: 90_000, maxBytes: 10 * 1024 * 1024 },
      });
      const id = await start(analyst, { pemohon: 'Sri Wahyuni', usaha: { nama: 'Warung' }, lampiran: ['KTP'] });
      const result = await handler({
        key: 2, instanceId: id, tenant, type: 'document-render', elementId: 'BuatSurat', retries: 1,
        headers: { template: 'surat-izin.docx', register: 'izin-dpmptsp', numberFormat: '{seq}/{kode}/{unit}/{yyyy}', kode: '503', unit: 'DPMPTSP' },
        variables: { pemohon: 'Sri Wahyuni', usaha: { nama: 'Warung' }, lampiran: ['KTP'] },
      });
      const surat = (result as { variables: { surat: { pdfDocumentId: string; nomor: string } } }).variables.surat;
      expect(surat.pdfDocumentId).to.be.a('string');
      const pdf = await bytes(analyst, surat.pdfDocumentId);
      expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
      const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
      expect(text).to.contain('Nomor: 1/503/DPMPTSP/2026').and.to.contain('Diberikan kepada Sri Wahyuni');
      const docs = (await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(analyst))).body.items;
      expect(docs.map((d: any) => d.mediaType)).to.have.members(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    });
  });
});
