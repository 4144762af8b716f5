/**
 * Server texts that were English only (issue 17) read in the reader's language: a message nobody
 * waits for, the clock that cannot be moved, a tenantless user given a tenant role, a task someone
 * else holds, a register's number format, a process skipped at compile time. Each is asked for in
 * Indonesian and in English; the two must differ and the Indonesian must be the catalog's.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { render, Text } from '../../engine/messages/index.js';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from '../api/harness.js';
import { deployIzin, IZIN_VALUES } from '../api/starting-fixtures.js';

interface Answer { status: number; detail?: string; errors?: { path?: string; message: string }[] }

describe('messages: a compile warning keeps its catalog text', () => {
  it('given a process that is not executable beside one that is, then its warning reads in Indonesian and names it by its name', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="draf" name="Draf surat"><bpmn:startEvent id="s0"/></bpmn:process>
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;
    const result = await compileBpmn(xml);
    const skipped = result.warnings.find((w) => w.element === 'draf');
    expect(skipped?.text, JSON.stringify(result.warnings)).to.be.instanceOf(Text);
    expect(render(skipped!.text!, 'id')).to.equal('Proses “Draf surat” tidak dapat dijalankan (isExecutable tidak bernilai true) dan dilewati');
    expect(skipped!.message).to.equal('process “Draf surat” is not executable (isExecutable is not true) and was skipped');
    for (const w of result.warnings) expect(w.text, `${w.message}: a warning without catalog text`).to.be.instanceOf(Text);
  });
});

forEachBackend('api: texts that were English only, in the language asked for', (backend) => {
  let api: Api;
  let analyst: string;
  let loket: string;
  let verifier: string;
  let verifier2: string;
  let admin: string;
  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    admin = await makeUser(api, tenant, uname('adm'), ['admin']);
    loket = await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']);
    verifier = await makeUser(api, tenant, uname('verif'), ['staff'], ['verifikator']);
    verifier2 = await makeUser(api, tenant, uname('verif'), ['staff'], ['verifikator']);
    await deployIzin(api, analyst);
  });
  after(async () => { await api.close(); });

  async function both(send: () => import('supertest').Test): Promise<{ id: Answer; en: Answer }> {
    const id = await send().set('Accept-Language', 'id');
    const en = await send();
    return { id: { status: id.status, ...id.body }, en: { status: en.status, ...en.body } };
  }

  it('given refusals the routes and services wrote in English, then each reads in Indonesian and in English', async () => {
    const started = await api.http.post('/api/process-instances').set(bearer(loket)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES }).expect(201);
    const tasks = await api.http.get(`/api/tasks?filter=candidate&processInstanceId=${started.body.id}`).set(bearer(verifier)).expect(200);
    const task = tasks.body.items[0].id as string;
    await api.http.post(`/api/tasks/${task}/claim`).set(bearer(verifier)).expect(200);
    const holder = (await api.http.get(`/api/tasks/${task}`).set(bearer(verifier))).body.assignee as string;
    const rows: { send: () => import('supertest').Test; status: number; id: Partial<Answer>; en: Partial<Answer> }[] = [
      {
        send: () => api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'pembayaran-diterima', correlationKey: 'INV-1' }),
        status: 404,
        id: { detail: 'Tidak ada berkas yang menunggu pesan pembayaran-diterima dengan kunci korelasi INV-1.' },
        en: { detail: 'No case waits for message pembayaran-diterima with correlation key INV-1.' },
      },
      {
        send: () => api.http.post('/api/clock').set(bearer(api.admin)).send({ offset: 'P1D' }),
        status: 404,
        id: { detail: 'Jam tidak dapat digeser di sini (ALUR_CLOCK_CONTROLLED tidak bernilai true).' },
        en: { detail: 'The clock cannot be moved here (ALUR_CLOCK_CONTROLLED is not true).' },
      },
      {
        send: () => api.http.patch('/api/users/admin').set(bearer(api.admin)).send({ roles: ['admin'] }),
        status: 400,
        id: { errors: [{ path: 'roles', message: 'Pengguna tanpa pemerintah daerah hanya dapat menjadi administrator platform.' }] },
        en: { errors: [{ path: 'roles', message: 'A user without a tenant can only be a platform administrator.' }] },
      },
      {
        send: () => api.http.post(`/api/tasks/${task}/complete`).set(bearer(verifier2)).send({ variables: {} }),
        status: 403,
        id: { detail: `Tugas “Verifikasi berkas” sudah diambil oleh ${holder}.` },
        en: { detail: `Task “Verifikasi berkas” is already taken by ${holder}.` },
      },
      {
        send: () => api.http.post(`/api/tasks/${task}/assign`).set(bearer(admin)).send({ assignee: 'tidak-ada' }),
        status: 400,
        id: { errors: [{ path: 'assignee', message: 'Pengguna tidak-ada tidak ada di daerah ini atau sudah dinonaktifkan.' }] },
        en: { errors: [{ path: 'assignee', message: 'User tidak-ada does not exist in this tenant or is deactivated.' }] },
      },
      {
        send: () => api.http.post('/api/groups').set(bearer(admin)).send({ id: 'seksi-a', name: 'Seksi A', parent: 'bidang-hilang' }),
        status: 400,
        id: { errors: [{ path: 'parent', message: 'Grup induk bidang-hilang tidak ada.' }] },
        en: { errors: [{ path: 'parent', message: 'Parent group bidang-hilang does not exist.' }] },
      },
      {
        send: () => api.http.put('/api/letter-registers/izin-dpmptsp').set(bearer(admin)).send({ numberFormat: '{nomor}/{yyyy}' }),
        status: 400,
        id: { detail: 'Format nomor tidak dapat dipakai: penanda {nomor} tidak dikenal; gunakan {yyyy}, {yy}, {MM}, {dd}, {seq:N}, {kode}, {unit}; format belum memiliki {seq:N}: tanpa nomor urut, dua nomor dapat sama' },
        en: { detail: 'The number format cannot be used: unknown placeholder {nomor}; use {yyyy}, {yy}, {MM}, {dd}, {seq:N}, {kode}, {unit}; the format has no {seq:N}: without a counter two numbers would be the same' },
      },
    ];
    for (const row of rows) {
      const { id, en } = await both(row.send);
      expect(id.status, JSON.stringify(id)).to.equal(row.status);
      expect(id, JSON.stringify(id)).to.deep.include(row.id);
      expect(en, JSON.stringify(en)).to.deep.include(row.en);
      expect(id.detail, 'the same in both languages: English left').to.not.equal(en.detail);
    }
  });
});
