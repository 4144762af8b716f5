/**
 * Documents (API.md 1.1 "Documents"): upload, type by content, limits, hostile names and content,
 * who may read, expiry of unattached uploads. Attaching through filepicker fields:
 * document-attachments.spec.ts; memory while streaming: document-memory.spec.ts.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { pdf, PNG, windowsProgram, linuxProgram, bigPdf } from './document-fixtures.js';
import { kindRules } from '../../engine/documents/kinds.js';
import { CHUNK_BYTES } from '../../engine/documents/intake.js';
import { sweepExpiredDocuments } from '../../engine/documents/expiry.js';

/** supertest parser keeping the body as bytes. */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (d: Buffer) => parts.push(d));
  res.on('end', () => cb(null, Buffer.concat(parts)));
};

forEachBackend('api: documents', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend, { documents: { maxBytes: 2 * 1024 * 1024, kinds: kindRules(['docx']) } }); });
  after(async () => { await api.close(); });

  async function stored(tenant: string) {
    const count = async (table: string, q: (b: ReturnType<Api['db']['knex']>) => unknown = () => {}) => {
      const b = api.db.knex(table);
      q(b);
      return Number((await b.count('* as n'))[0].n);
    };
    return {
      documents: await count('document', (b) => b.where({ tenant_id: tenant })),
      blobs: await count('document_blob', (b) => b.where({ tenant_id: tenant })),
      chunks: Number((await api.db.knex('document_chunk as c').join('document_blob as b', 'b.id', 'c.blob_id').where('b.tenant_id', tenant).count('* as n'))[0].n),
    };
  }

  const upload = (token: string, content: Buffer, name: string) => api.http.post('/api/documents').set(bearer(token)).attach('file', content, name);

  it('given a PDF, when uploaded, then 201 describes it and its content comes back byte for byte as an attachment', async () => {
    const tenant = await makeTenant(api);
    const user = uname('pemohon');
    const token = await makeUser(api, tenant, user, ['staff']);
    const content = bigPdf(CHUNK_BYTES * 2 + 1234); // three chunks
    const res = await upload(token, content, 'Surat Pengantar RT.pdf');
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ name: 'Surat Pengantar RT.pdf', mediaType: 'application/pdf', size: content.length, uploadedBy: user, processInstanceId: null });
    expect(res.body.sha256).to.equal(createHash('sha256').update(content).digest('hex'));
    expect(res.body.uploadedAt).to.equal('2026-12-01T08:00:00.000Z');
    expect(res.body.id).to.match(/^[0-9a-f-]{36}$/);

    const got = await api.http.get(`/api/documents/${res.body.id}/content`).set(bearer(token)).buffer(true).parse(binary);
    expect(got.status).to.equal(200);
    expect(got.headers['content-type']).to.equal('application/pdf');
    expect(got.headers['content-disposition']).to.equal('attachment; filename="Surat Pengantar RT.pdf"');
    expect(got.headers['x-content-type-options']).to.equal('nosniff');
    expect(Buffer.compare(got.body as Buffer, content)).to.equal(0);
    const inline = await api.http.get(`/api/documents/${res.body.id}/content?inline=true`).set(bearer(token));
    expect(inline.headers['content-disposition']).to.match(/^inline; filename=/);
    expect((await api.http.get(`/api/documents/${res.body.id}`).set(bearer(token))).body).to.deep.equal(res.body);
    expect(await stored(tenant)).to.deep.equal({ documents: 1, blobs: 1, chunks: 3 });
  });

  it('given the same content uploaded twice, then two documents name one stored copy; another tenant keeps its own copy', async () => {
    const tenant = await makeTenant(api);
    const a = await makeUser(api, tenant, uname('a'), ['staff']);
    const b = await makeUser(api, tenant, uname('b'), ['staff']);
    const first = await upload(a, PNG, 'foto.png');
    const second = await upload(b, PNG, 'pas-foto.PNG');
    expect([first.status, second.status]).to.deep.equal([201, 201]);
    expect(second.body.mediaType).to.equal('image/png');
    expect(second.body.id).to.not.equal(first.body.id);
    expect(await stored(tenant)).to.deep.equal({ documents: 2, blobs: 1, chunks: 1 });
    const other = await makeTenant(api);
    expect((await upload(await makeUser(api, other, uname('c'), ['staff']), PNG, 'foto.png')).status).to.equal(201);
    expect(await stored(other)).to.deep.equal({ documents: 1, blobs: 1, chunks: 1 });
  });

  it('given hostile content — a renamed Windows or Linux program, a PNG named .pdf, plain text, an empty file — then 415 or 400 and nothing is stored', async () => {
    const tenant = await makeTenant(api);
    const token = await makeUser(api, tenant, uname('iseng'), ['staff']);
    const cases: [Buffer, string, number][] = [
      [windowsProgram(), 'ktp.pdf', 415],
      [windowsProgram(), 'setup.exe', 415],
      [linuxProgram(), 'scan-ktp.jpg', 415],
      [PNG, 'ktp.pdf', 415],
      [pdf(), 'surat.html', 415],
      [Buffer.from('<script>alert(1)</script>'), 'surat.pdf', 415],
      [Buffer.from('bukan apa-apa'), 'catatan.txt', 415],
      [Buffer.alloc(0), 'kosong.pdf', 400],
    ];
    for (const [content, name, status] of cases) {
      const res = await upload(token, content, name);
      expect(res.status, name).to.equal(status);
      expect(res.headers['content-type'], name).to.contain('application/problem+json');
      expect(res.body.detail, name).to.be.a('string').and.not.equal('');
    }
    const id = await api.http.post('/api/documents').set(bearer(token)).set('Accept-Language', 'id').attach('file', PNG, 'ktp.pdf');
    expect(id.body.detail).to.equal('Nama berkas berakhiran .pdf tetapi isinya image/png.');
    expect(await stored(tenant)).to.deep.equal({ documents: 0, blobs: 0, chunks: 0 });
  });

  it('given a file above the limit, then 413 before more than the limit is read into the database, and nothing is kept', async () => {
    const tenant = await makeTenant(api);
    const token = await makeUser(api, tenant, uname('besar'), ['staff']);
    const res = await upload(token, bigPdf(5 * 1024 * 1024), 'gambar-teknis.pdf');
    expect(res.status).to.equal(413);
    expect(res.body.detail).to.equal('The document is larger than 2 MB.');
    const exact = await upload(token, bigPdf(2 * 1024 * 1024), 'pas.pdf');
    expect(exact.status).to.equal(201);
    expect(await stored(tenant)).to.deep.equal({ documents: 1, blobs: 1, chunks: 8 });
  });

  it('given names with folders and control characters, then only a safe last segment is kept', async () => {
    const tenant = await makeTenant(api);
    const token = await makeUser(api, tenant, uname('nama'), ['staff']);
    const names: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\Windows\\system32\\surat.pdf', 'surat.pdf'],
      ['.htaccess.pdf', 'htaccess.pdf'],
      ['a\u202eb\u0085c.pdf', 'abc.pdf'],
      ['..', 'berkas.pdf'],
      [`${'x'.repeat(300)}.pdf`, `${'x'.repeat(196)}.pdf`],
    ];
    for (const [i, [raw, safe]] of names.entries()) {
      const res = await upload(token, pdf(`nama-${i}`), raw);
      expect(res.status, `${raw} ${JSON.stringify(res.body)}`).to.equal(201);
      expect(res.body.name, raw).to.equal(safe);
    }
  });

  it('given a kind added by ALUR_DOCUMENT_TYPES, then it is accepted by its content', async () => {
    const tenant = await makeTenant(api);
    const token = await makeUser(api, tenant, uname('docx'), ['staff']);
    const { default: PizZip } = await import('pizzip');
    const zip = new PizZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>');
    const docx = zip.generate({ type: 'nodebuffer' });
    const res = await upload(token, docx, 'surat.docx');
    expect(res.status).to.equal(201);
    expect(res.body.mediaType).to.equal('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await upload(token, docx, 'surat.pdf')).status).to.equal(415);
  });

  it('given an upload no case holds, then only its uploader reads it: 403 for a colleague, even an admin; 404 for other tenants and bad ids; 401 without a token', async () => {
    const tenant = await makeTenant(api);
    const owner = await makeUser(api, tenant, uname('pemilik'), ['staff']);
    const colleague = await makeUser(api, tenant, uname('rekan'), ['staff', 'admin', 'analyst']);
    const stranger = await makeUser(api, await makeTenant(api), uname('asing'), ['admin', 'analyst']);
    const id = (await upload(owner, pdf('rahasia'), 'rahasia.pdf')).body.id;
    expect((await api.http.get(`/api/documents/${id}/content`).set(bearer(colleague))).status).to.equal(403);
    expect((await api.http.get(`/api/documents/${id}`).set(bearer(colleague))).status).to.equal(403);
    expect((await api.http.get(`/api/documents/${id}/content`).set(bearer(stranger))).status).to.equal(404);
    expect((await api.http.get('/api/documents/..%2F..%2Fetc%2Fpasswd/content').set(bearer(owner))).status).to.equal(404);
    expect((await api.http.get(`/api/documents/${id}/content`)).status).to.equal(401);
    expect((await api.http.post('/api/documents').attach('file', pdf(), 'a.pdf')).status).to.equal(401);
    const noPart = await api.http.post('/api/documents').set(bearer(owner)).attach('lampiran', pdf(), 'a.pdf');
    expect(noPart.status).to.equal(400);
    expect(noPart.body.errors[0].path).to.equal('file');
    expect((await api.http.post('/api/documents').set(bearer(owner)).send({ file: 'x' })).status).to.equal(400);
  });

  it('given uploads no case took, when 24 hours pass, then they and their content are deleted; younger ones stay', async () => {
    const tenant = await makeTenant(api);
    const token = await makeUser(api, tenant, uname('lupa'), ['staff']);
    const old = (await upload(token, pdf('lama'), 'lama.pdf')).body.id;
    api.clock.pin(new Date('2026-12-01T20:00:00Z'));
    try {
      const young = (await upload(token, pdf('baru'), 'baru.pdf')).body.id;
      expect(await sweepExpiredDocuments(api.db.knex, new Date('2026-12-02T08:00:00Z'))).to.deep.equal({ documents: 0, blobs: 0 });
      const swept = await sweepExpiredDocuments(api.db.knex, new Date('2026-12-02T08:00:01Z'));
      expect(swept.documents).to.be.at.least(1);
      expect((await api.http.get(`/api/documents/${old}`).set(bearer(token))).status).to.equal(404);
      expect((await api.http.get(`/api/documents/${young}`).set(bearer(token))).status).to.equal(200);
      expect(await stored(tenant)).to.deep.equal({ documents: 1, blobs: 1, chunks: 1 });
    } finally {
      api.clock.pin(new Date('2026-12-01T08:00:00Z'));
    }
  });
});
