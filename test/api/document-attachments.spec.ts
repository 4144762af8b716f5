/**
 * Documents attached through form-js filepicker fields (API.md 1.1 "Documents"): on a start and on
 * a task completion, only the caller's own unattached uploads or the case's own documents; a
 * refusal names the field and leaves nothing behind; the case's documents are read by whoever
 * may read the case.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { deployBerkas, pdf, PNG } from './document-fixtures.js';

forEachBackend('api: documents attached by filepicker fields', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const loketName = uname('loket');
    const loket = await makeUser(api, tenant, loketName, ['staff'], ['loket']);
    const verifName = uname('verif');
    const verifier = await makeUser(api, tenant, verifName, ['staff'], ['verifikator']);
    const outsider = await makeUser(api, tenant, uname('lain'), ['staff'], ['keuangan']);
    await deployBerkas(api, analyst);
    return { tenant, analyst, loket, loketName, verifier, verifName, outsider };
  }
  const upload = async (token: string, content: Buffer, name: string) => {
    const res = await api.http.post('/api/documents').set(bearer(token)).attach('file', content, name);
    expect(res.status).to.equal(201);
    return res.body.id as string;
  };
  const start = (token: string, variables: Record<string, unknown>) => api.http.post('/api/process-instances').set(bearer(token)).send({ processKey: 'permohonan-berkas', variables });
  const instances = async (token: string) => (await api.http.get('/api/process-instances').set(bearer(token))).body.total as number;

  it('given uploads named in the start form, when the case starts, then they are its documents with the field, who uploaded them and when', async () => {
    const { loket, loketName, verifier, verifName, outsider, analyst } = await office();
    const ktp = await upload(loket, pdf('ktp'), 'ktp.pdf');
    const foto = await upload(loket, PNG, 'foto.png');
    const surat = await upload(loket, pdf('pengantar'), 'pengantar.pdf');
    const started = await start(loket, { namaPemohon: 'Budi', ktp: { documentId: ktp }, pendukung: [{ documentId: foto }, { documentId: surat }] });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    expect(started.body.variables.ktp).to.deep.equal({ documentId: ktp });
    const id = started.body.id as string;

    const list = await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(verifier));
    expect(list.status).to.equal(200);
    expect(list.body.total).to.equal(3);
    const byId = new Map(list.body.items.map((d: { id: string }) => [d.id, d]));
    expect(byId.get(ktp)).to.include({ name: 'ktp.pdf', mediaType: 'application/pdf', field: 'ktp', taskId: null, uploadedBy: loketName, processInstanceId: id, attachedBy: loketName });
    expect(byId.get(foto)).to.include({ field: 'pendukung', mediaType: 'image/png' });
    expect((await api.http.get(`/api/documents/${ktp}/content`).set(bearer(verifier))).status).to.equal(200);
    expect((await api.http.get(`/api/documents/${ktp}/content`).set(bearer(analyst))).status).to.equal(200);
    expect((await api.http.get(`/api/documents/${ktp}/content`).set(bearer(outsider))).status).to.equal(403);
    expect((await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(outsider))).status).to.equal(403);
    const stranger = await makeUser(api, await makeTenant(api), uname('asing'), ['admin', 'analyst']);
    expect((await api.http.get(`/api/documents/${ktp}/content`).set(bearer(stranger))).status).to.equal(404);
    expect((await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(stranger))).status).to.equal(404);

    // The verifier adds a report, and may name the case's own KTP again; the task is recorded.
    const task = (await api.http.get('/api/tasks').set(bearer(verifier))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === id);
    const ba = await upload(verifier, pdf('berita-acara'), 'berita-acara.pdf');
    const done = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(verifier)).send({ variables: { hasil: 'lengkap', beritaAcara: [{ documentId: ba }, { documentId: ktp }] } });
    expect(done.status, JSON.stringify(done.body)).to.equal(200);
    const after = (await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(loket))).body;
    expect(after.total).to.equal(4);
    expect(after.items.find((d: { id: string }) => d.id === ba)).to.include({ field: 'beritaAcara', taskId: task.id, uploadedBy: verifName });
    expect(after.items.find((d: { id: string }) => d.id === ktp)).to.include({ field: 'ktp', taskId: null });
  });

  it('given a document that is not the caller\'s waiting upload, then the start is refused naming the field, nothing is started and the upload stays free', async () => {
    const { loket, verifier } = await office();
    const own = await upload(loket, pdf('sendiri'), 'ktp.pdf');
    const theirs = await upload(verifier, pdf('orang-lain'), 'ktp.pdf');
    const before = await instances(loket);

    const refused = await start(loket, { namaPemohon: 'Budi', ktp: { documentId: theirs }, pendukung: [{ documentId: own }, { documentId: '00000000-0000-4000-8000-000000000000' }] });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['ktp', 'pendukung']);
    expect(await instances(loket)).to.equal(before);
    expect((await api.http.get(`/api/documents/${own}`).set(bearer(loket))).body.processInstanceId).to.equal(null);

    const badShape = await start(loket, { namaPemohon: 'Budi', ktp: 'C:\\ktp.pdf' });
    expect(badShape.status).to.equal(400);
    expect(badShape.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['ktp']);

    // Taken by one case, it cannot go to a second.
    const first = await start(loket, { namaPemohon: 'Budi', ktp: { documentId: own } });
    expect(first.status).to.equal(201);
    const second = await start(loket, { namaPemohon: 'Sari', ktp: { documentId: own } });
    expect(second.status).to.equal(400);
    expect(second.body.errors[0].path).to.equal('ktp');
    expect((await api.http.get(`/api/documents/${own}`).set(bearer(loket))).body.processInstanceId).to.equal(first.body.id);
  });

  it('given two starts racing for one upload, then exactly one case takes it', async () => {
    const { loket } = await office();
    const ktp = await upload(loket, pdf('rebutan'), 'ktp.pdf');
    const answers = await Promise.all([1, 2, 3].map(() => start(loket, { namaPemohon: 'Budi', ktp: { documentId: ktp } })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).to.have.length(1);
    expect(statuses.every((s) => s === 201 || s === 400 || s === 409)).to.equal(true);
    const winner = answers.find((a) => a.status === 201)!.body.id;
    expect((await api.http.get(`/api/documents/${ktp}`).set(bearer(loket))).body.processInstanceId).to.equal(winner);
  });

  it('given a completion naming another case\'s document, then 400 names the field and the task stays open', async () => {
    const { loket, verifier } = await office();
    const a = await start(loket, { namaPemohon: 'A', ktp: { documentId: await upload(loket, pdf('a'), 'a.pdf') } });
    const bKtp = await upload(loket, pdf('b'), 'b.pdf');
    await start(loket, { namaPemohon: 'B', ktp: { documentId: bKtp } });
    const task = (await api.http.get('/api/tasks').set(bearer(verifier))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === a.body.id);
    const res = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(verifier)).send({ variables: { hasil: 'lengkap', beritaAcara: [{ documentId: bKtp }] } });
    expect(res.status).to.equal(400);
    expect(res.body.errors[0].path).to.equal('beritaAcara');
    expect((await api.http.get(`/api/tasks/${task.id}`).set(bearer(verifier))).body.state).to.equal('open');
  });
});
