/**
 * The tte-sign connector end to end (README "Signing documents (TTE)"): a letter uploaded with a
 * case is approved by the head of office and signed with the tenant's certificate as PAdES; the
 * signed copy is version 2 of the letter (version 1 unchanged), `pdfsig` finds the signature
 * valid over the whole file and invalid once a byte changes, and the history and the document
 * say who signed and when. What retrying cannot mend becomes an incident naming the cause at once.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { PNG } from './document-fixtures.js';
import { letterPdf, opensslP12, pdfsig } from './signing-fixtures.js';
import { ephemeralSigning, type SigningSetup } from '../../engine/signing/config.js';
import { registerConnectors } from '../../engine/runner/connectors/index.js';
import { whereInstalled } from '../support/debian-tools.js';

const dir = new URL('./fixtures/', import.meta.url).pathname;
let T0: Date;

forEachBackend('api: tte-sign connector', (backend) => {
  let api: Api;
  let p12: Buffer;
  let signing: SigningSetup;
  before(async function (this: Mocha.Context) {
    this.timeout(120_000);
    p12 = opensslP12('Kepala DPMPTSP Kota Semarang', 'rahasia-ttd');
    T0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    signing = ephemeralSigning(() => api.clock.now());
    api = await openApi(backend, { app: { signing } });
    api.clock.pin(T0);
    registerConnectors(api.registry, { now: () => api.clock.now(), signing: { knex: api.db.knex, setup: signing } });
  });
  after(async () => { await api.close(); });

  async function office(withCertificate = true) {
    const tenant = await makeTenant(api);
    const admin = await makeUser(api, tenant, uname('admin'), ['admin', 'analyst']);
    const loket = await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']);
    const kepalaName = uname('kepala');
    const kepala = await makeUser(api, tenant, kepalaName, ['staff'], ['kepala']);
    await api.db.knex('app_user').where({ username: kepalaName }).update({ display_name: 'Ir. Budi Santoso, M.T.', jabatan: 'Kepala DPMPTSP' });
    const deployed = await api.http.post('/api/deployments').set(bearer(admin)).attach('files', `${dir}tanda-tangan-surat.bpmn`).attach('files', `${dir}form-surat-ttd.form`);
    expect(deployed.status, JSON.stringify(deployed.body)).to.be.oneOf([200, 201]);
    if (withCertificate) {
      const put = await api.http.put('/api/signing-certificates/default').set(bearer(admin)).attach('file', p12, 'ttd.p12').field('passphrase', 'rahasia-ttd');
      expect(put.status, JSON.stringify(put.body)).to.equal(200);
    }
    return { tenant, admin, loket, kepala, kepalaName };
  }

  /** Uploads `file` as `loket`, starts a case with it, and has the head approve; the runner then signs. */
  async function signedCase(o: Awaited<ReturnType<typeof office>>, file: Buffer, name: string) {
    const up = await api.http.post('/api/documents').set(bearer(o.loket)).attach('file', file, name);
    expect(up.status, JSON.stringify(up.body)).to.equal(201);
    const started = await api.http.post('/api/process-instances').set(bearer(o.loket)).send({ processKey: 'tanda-tangan-surat', variables: { surat: { documentId: up.body.id } } });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(o.kepala))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === started.body.id);
    expect((await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(o.kepala)).send({ variables: {} })).status).to.equal(200);
    await api.runner.drain();
    return { id: started.body.id as string, uploaded: up.body as { id: string; sha256: string } };
  }

  const bytes = async (token: string, id: string) => (await api.http.get(`/api/documents/${id}/content`).set(bearer(token)).buffer(true).parse((res, cb) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => cb(null, Buffer.concat(parts)));
  })).body as Buffer;

  // pdfsig (poppler-utils) is the independent verifier of what was signed.
  whereInstalled(['pdfsig'], 'tte-sign: signatures verified by pdfsig', () => {
    it('given an approved letter, when the tte-sign task runs, then its signed copy is version 2, valid for pdfsig over the whole file, and history and document name the signer', async function (this: Mocha.Context) {
      this.timeout(120_000);
      const o = await office();
      const letter = await letterPdf('Surat Keputusan Nomor 503/15/DPMPTSP/2026');
      const { id, uploaded } = await signedCase(o, letter, 'sk-pbg.pdf');

      const inst = (await api.http.get(`/api/process-instances/${id}`).set(bearer(o.admin))).body;
      expect(inst.state, JSON.stringify(inst.incidents)).to.equal('completed');
      const docs = (await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(o.kepala))).body;
      expect(docs.total).to.equal(2);
      const [v1, v2] = docs.items;
      expect(v1).to.include({ id: uploaded.id, version: 1, versionOf: null, signature: null, sha256: uploaded.sha256 });
      expect(v2).to.include({ version: 2, versionOf: uploaded.id, name: 'sk-pbg-ttd.pdf', mediaType: 'application/pdf', processInstanceId: id, field: 'surat', uploadedBy: o.kepalaName });
      expect(v2.signature).to.deep.include({ signedBy: o.kepalaName, signerName: 'Ir. Budi Santoso, M.T.', signedAt: T0.toISOString(), reason: 'Disetujui', location: 'Semarang', job: v2.signature.job });
      expect(v2.signature.certificate).to.include({ name: 'default', subject: 'C=ID, O=Pemerintah Kota Semarang, CN=Kepala DPMPTSP Kota Semarang' });
      expect(inst.variables.ttd).to.deep.equal({ documentId: v2.id, version: 2, versionOf: uploaded.id, signedAt: T0.toISOString(), signedBy: o.kepalaName, sha256: v2.sha256 });
      const versions = (await api.http.get(`/api/documents/${v2.id}/versions`).set(bearer(o.loket))).body;
      expect(versions.items.map((d: { id: string }) => d.id)).to.deep.equal([uploaded.id, v2.id]);

      // The unsigned letter is kept byte for byte; the signed one verifies with poppler's pdfsig.
      const original = await bytes(o.loket, uploaded.id);
      expect(original.equals(letter)).to.equal(true);
      const signed = await bytes(o.loket, v2.id);
      expect(createHash('sha256').update(signed).digest('hex')).to.equal(v2.sha256);
      const verdict = pdfsig(signed);
      expect(verdict, verdict.output).to.include({ valid: true, totalDocumentSigned: true, signer: 'Kepala DPMPTSP Kota Semarang', type: 'ETSI.CAdES.detached' });
      expect(verdict.output).to.contain('Signing Hash Algorithm: SHA-256');

      // One changed byte inside the signed range (the page's text) and the signature no longer holds.
      const tampered = Buffer.from(signed);
      const at = tampered.indexOf('/MediaBox');
      expect(at).to.be.above(0);
      tampered[at + 1] = 'N'.charCodeAt(0);
      const broken = pdfsig(tampered);
      expect(broken.valid, broken.output).to.equal(false);
      expect(broken.output).to.match(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);

      const history = (await api.http.get(`/api/process-instances/${id}/history`).set(bearer(o.admin))).body.items;
      const entry = history.find((h: { type: string }) => h.type === 'document.signed');
      expect(entry).to.deep.include({ elementId: 'TTE', user: o.kepalaName, at: T0.toISOString() });
      expect(entry.data).to.include({ documentId: v2.id, signedDocumentId: uploaded.id, version: 2, certificate: 'default' });
      expect(JSON.stringify(history)).not.to.contain('rahasia-ttd');
    });

    it('given a non-PDF, or no certificate, then the task is an incident naming the cause at once; with the certificate uploaded, a retry signs', async function (this: Mocha.Context) {
      this.timeout(120_000);
      const o = await office(false);
      const png = await signedCase(o, PNG, 'foto.png');
      const incidents = async (id: string) => (await api.http.get(`/api/incidents?processInstanceId=${id}`).set(bearer(o.admin))).body.items as { id: string; message: string; elementId: string }[];
      const [notPdf] = await incidents(png.id);
      expect(notPdf.elementId).to.equal('TTE');
      expect(notPdf.message).to.equal(`tte-sign: dokumen ${png.uploaded.id} bukan PDF (image/png); hanya PDF yang dapat ditandatangani / document ${png.uploaded.id} is not a PDF (image/png); only PDFs can be signed`);
      const failures = (await api.http.get(`/api/process-instances/${png.id}/history`).set(bearer(o.admin))).body.items.filter((h: { type: string }) => h.type === 'job.failed');
      expect(failures).to.have.length(1); // no retries spent on what a retry cannot mend

      const letter = await signedCase(o, await letterPdf('Surat Izin'), 'izin.pdf');
      const [noCert] = await incidents(letter.id);
      expect(noCert.message).to.contain('sertifikat tanda tangan "default" belum diunggah oleh admin');
      expect(noCert.message).to.contain('no signing certificate "default" has been uploaded');
      const put = await api.http.put('/api/signing-certificates/default').set(bearer(o.admin)).attach('file', p12, 'ttd.p12').field('passphrase', 'rahasia-ttd');
      expect(put.status).to.equal(200);
      expect((await api.http.post(`/api/incidents/${noCert.id}/retry`).set(bearer(o.admin))).status).to.equal(200);
      await api.runner.drain();
      expect((await api.http.get(`/api/process-instances/${letter.id}`).set(bearer(o.admin))).body.state).to.equal('completed');
      const docs = (await api.http.get(`/api/process-instances/${letter.id}/documents`).set(bearer(o.admin))).body.items;
      expect(docs.map((d: { version: number }) => d.version)).to.deep.equal([1, 2]);
      expect(pdfsig(await bytes(o.admin, docs[1].id)).valid).to.equal(true);
    });
  });

  it('given the budgets, a PDF above the size limit or a signature over its time is an incident of that case alone', async function (this: Mocha.Context) {
    this.timeout(120_000);
    const o = await office();
    const letter = await letterPdf('Surat Besar');
    signing.maxPdfBytes = letter.length - 1;
    const big = await signedCase(o, letter, 'besar.pdf');
    signing.maxPdfBytes = 10 * 1024 * 1024;
    const [tooBig] = (await api.http.get(`/api/incidents?processInstanceId=${big.id}`).set(bearer(o.admin))).body.items;
    expect(tooBig.message).to.contain('melebihi batas').and.to.contain('(ALUR_SIGN_MAX_PDF_MB)');

    const budget = signing.budget;
    signing.budget = { ...budget, timeoutMs: 1 };
    const slow = await signedCase(o, await letterPdf('Surat Lambat'), 'lambat.pdf');
    signing.budget = budget;
    const [late] = (await api.http.get(`/api/incidents?processInstanceId=${slow.id}`).set(bearer(o.admin))).body.items;
    expect(late.message).to.contain('(ALUR_SIGN_TIMEOUT_MS)');
    expect((await api.http.get(`/api/process-instances/${slow.id}/documents`).set(bearer(o.admin))).body.total).to.equal(1);
  });

  it('given a document of another case or another tenant, then signing it is refused as an incident and nothing is added', async function (this: Mocha.Context) {
    this.timeout(120_000);
    const o = await office();
    const first = await signedCase(o, await letterPdf('Surat Pertama'), 'pertama.pdf');
    // A second case whose variable names the first case's letter (changed by an operator).
    const up = await api.http.post('/api/documents').set(bearer(o.loket)).attach('file', await letterPdf('Surat Kedua'), 'kedua.pdf');
    const second = await api.http.post('/api/process-instances').set(bearer(o.loket)).send({ processKey: 'tanda-tangan-surat', variables: { surat: { documentId: up.body.id } } });
    expect((await api.http.patch(`/api/process-instances/${second.body.id}/variables`).set(bearer(o.admin)).send({ variables: { surat: { documentId: first.uploaded.id } } })).status).to.equal(200);
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(o.kepala))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === second.body.id);
    await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(o.kepala)).send({ variables: {} });
    await api.runner.drain();
    const [foreign] = (await api.http.get(`/api/incidents?processInstanceId=${second.body.id}`).set(bearer(o.admin))).body.items;
    expect(foreign.message).to.equal(`tte-sign: dokumen ${first.uploaded.id} bukan berkas dari permohonan ini / document ${first.uploaded.id} is not a document of this case`);

    const other = await office();
    const up2 = await api.http.post('/api/documents').set(bearer(other.loket)).attach('file', await letterPdf('Surat Lain'), 'lain.pdf');
    const third = await api.http.post('/api/process-instances').set(bearer(other.loket)).send({ processKey: 'tanda-tangan-surat', variables: { surat: { documentId: up2.body.id } } });
    await api.http.patch(`/api/process-instances/${third.body.id}/variables`).set(bearer(other.admin)).send({ variables: { surat: { documentId: first.uploaded.id } } });
    const task3 = (await api.http.get('/api/tasks?filter=candidate').set(bearer(other.kepala))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === third.body.id);
    await api.http.post(`/api/tasks/${task3.id}/complete`).set(bearer(other.kepala)).send({ variables: {} });
    await api.runner.drain();
    const [stranger] = (await api.http.get(`/api/incidents?processInstanceId=${third.body.id}`).set(bearer(other.admin))).body.items;
    expect(stranger.message).to.contain(`dokumen ${first.uploaded.id} tidak ditemukan`);
    expect((await api.http.get(`/api/process-instances/${first.id}/documents`).set(bearer(o.admin))).body.total).to.equal(2);
  });

  it('given one job delivered twice, then the second run finds the first signed version instead of signing again', async function (this: Mocha.Context) {
    this.timeout(120_000);
    const o = await office();
    const { id, uploaded } = await signedCase(o, await letterPdf('Surat Ganda'), 'ganda.pdf');
    const key = Number((await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(o.admin))).body.items[1].signature.job.split('/')[1]);
    const handler = api.registry.get('tte-sign')!;
    const again = await handler({ key, instanceId: id, tenant: o.tenant, type: 'tte-sign', elementId: 'TTE', headers: { document: '=surat', signerTask: 'Periksa', resultVariable: 'ttd' }, variables: { surat: { documentId: uploaded.id } }, retries: 3 });
    const docs = (await api.http.get(`/api/process-instances/${id}/documents`).set(bearer(o.admin))).body.items;
    expect(docs).to.have.length(2);
    expect((again as { variables: { ttd: { documentId: string } } }).variables.ttd.documentId).to.equal(docs[1].id);
  });
});
