/**
 * Every message of a refusal comes from the catalog, in the caller's Accept-Language: a table of
 * bad requests, each answered with `Accept-Language: id` and without one, whose `detail` and
 * `errors[].message` must be the catalog's Indonesian and English. A message written as an English
 * literal somewhere in the engine answers the same in both languages and fails here.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { deployIzin, IZIN_VALUES } from './starting-fixtures.js';

interface Answer { status: number; detail?: string; errors?: { path?: string; element?: string; message: string }[] }

forEachBackend('api: refusals in the caller\'s language', (backend) => {
  let api: Api;
  let loket: string;
  let verifier: string;
  let analyst: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    loket = await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']);
    verifier = await makeUser(api, tenant, uname('verif'), ['staff'], ['verifikator']);
    await deployIzin(api, analyst);
  });
  after(async () => { await api.close(); });

  /** The answer to `send` in Indonesian and in English (no preference), problem+json bodies only. */
  async function both(send: () => import('supertest').Test): Promise<{ id: Answer; en: Answer }> {
    const id = await send().set('Accept-Language', 'id');
    const en = await send();
    expect(id.headers['content-language']).to.equal('id');
    return { id: { status: id.status, ...id.body }, en: { status: en.status, ...en.body } };
  }

  it('given a start whose values do not fit the start form, then each field\'s message is in the language asked for', async () => {
    const start = () => api.http.post('/api/process-instances').set(bearer(loket))
      .send({ processKey: 'izin-usaha', variables: { nik: '12', jenisUsaha: 'tambang', modal: -5, lain: 1 } });
    const { id, en } = await both(start);
    expect(id.status).to.equal(400);
    expect(id.errors).to.have.deep.members([
      { path: 'namaPemohon', message: '"Nama pemohon" wajib diisi.' },
      { path: 'nik', message: 'NIK terdiri dari 16 angka' },
      { path: 'jenisUsaha', message: '"Jenis usaha" harus salah satu dari pilihan yang tersedia.' },
      { path: 'modal', message: '"Modal usaha (Rp)" minimal 0.' },
      { path: 'lain', message: '"lain" bukan isian formulir ini.' },
    ]);
    expect(id.detail).to.equal('Isian tidak sesuai dengan formulir permohonan Izin Usaha Mikro.');
    expect(en.detail).to.equal('The values do not fit the start form of Izin Usaha Mikro.');
    expect(en.errors).to.deep.include({ path: 'namaPemohon', message: '"Nama pemohon" is required.' });
    expect(en.errors).to.deep.include({ path: 'lain', message: '"lain" is not a field of this form.' });
    expect((await api.http.get('/api/process-instances').set(bearer(analyst))).body.total).to.equal(0);
  });

  it('given a task completion whose values do not fit the task\'s form, then each field\'s message is in the language asked for', async () => {
    const started = await api.http.post('/api/process-instances').set(bearer(loket)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES }).expect(201);
    const tasks = await api.http.get(`/api/tasks?filter=candidate&processInstanceId=${started.body.id}`).set(bearer(verifier)).expect(200);
    const task = tasks.body.items[0].id as string;
    const complete = () => api.http.post(`/api/tasks/${task}/complete`).set(bearer(verifier)).send({ variables: { catatan: 5, extra: 'x' } });
    const { id, en } = await both(complete);
    expect(id.status).to.equal(400);
    expect(id.detail).to.equal('Isian tidak sesuai dengan formulir tugas “Verifikasi berkas”.');
    expect(id.errors).to.have.deep.members([
      { path: 'hasilVerifikasi', message: '"Hasil verifikasi" wajib diisi.' },
      { path: 'catatan', message: '"Catatan verifikator" harus berupa teks.' },
      { path: 'extra', message: '"extra" bukan isian formulir ini.' },
    ]);
    expect(en.errors).to.deep.include({ path: 'hasilVerifikasi', message: '"Hasil verifikasi" is required.' });
    expect(en.errors).to.deep.include({ path: 'catatan', message: '"Catatan verifikator" must be text.' });
  });

  it('given a field of a request body or a query parameter refused, then it is named as written, never capitalised', async () => {
    const { id, en } = await both(() => api.http.post('/api/users').set(bearer(api.admin)).send({ username: uname('x'), password: 'correct horse battery', tenant: 'nope', roles: ['kepala'], dryRun: 1 }));
    expect(id.status).to.equal(400);
    expect(id.detail).to.equal('Isian dryRun dan roles[0] pada isi permintaan tidak sah.');
    expect(id.errors).to.have.deep.members([
      { path: 'roles.0', message: 'roles[0] harus salah satu dari platform-admin, admin, analyst atau staff' },
      { path: 'dryRun', message: 'dryRun bukan isian yang dikenal' },
    ]);
    expect(en.errors).to.deep.include({ path: 'dryRun', message: 'dryRun is not a known field' });
    const query = await both(() => api.http.get('/api/incidents?state=nope').set(bearer(analyst)));
    expect(query.id.errors).to.deep.equal([{ path: 'state', message: 'state harus salah satu dari open atau resolved' }]);
  });

  it('given a table of bad requests, then each refusal reads in Indonesian from the catalog and in English without a preference', async () => {
    const tenant = await makeTenant(api, 'tabel');
    const admin = await makeUser(api, tenant, uname('adm'), ['admin']);
    const ghost = '00000000-0000-4000-8000-000000000000';
    const rows: { send: () => import('supertest').Test; status: number; id: Partial<Answer>; en: Partial<Answer> }[] = [
      { send: () => api.http.get('/api/forms/nope').set(bearer(analyst)), status: 404, id: { detail: 'Formulir nope tidak ditemukan.' }, en: { detail: 'Form nope was not found.' } },
      { send: () => api.http.post(`/api/incidents/${ghost}/resolve`).set(bearer(analyst)), status: 404, id: { detail: `Insiden ${ghost} tidak ditemukan.` }, en: { detail: `Incident ${ghost} was not found.` } },
      { send: () => api.http.post(`/api/incidents/${ghost}/retry`).set(bearer(analyst)), status: 404, id: { detail: `Insiden ${ghost} tidak ditemukan.` }, en: { detail: `Incident ${ghost} was not found.` } },
      { send: () => api.http.get(`/api/process-definitions/${ghost}`).set(bearer(analyst)), status: 404, id: { detail: `Definisi proses ${ghost} tidak ditemukan.` }, en: { detail: `Process definition ${ghost} was not found.` } },
      { send: () => api.http.get('/api/tasks/not-an-id').set(bearer(analyst)), status: 404, id: { detail: 'Tugas ini tidak ditemukan.' }, en: { detail: 'This task was not found.' } },
      {
        send: () => api.http.put('/api/calendar').set(bearer(admin)).send({ zone: 'Mars/Olympus' }),
        status: 400,
        id: { errors: [{ path: 'zone', message: 'Zona waktu Mars/Olympus tidak dikenal: tulis nama IANA (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) atau selisih jam (+07:00).' }] },
        en: { errors: [{ path: 'zone', message: 'Time zone Mars/Olympus is unknown: give an IANA name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) or an offset (+07:00).' }] },
      },
      {
        send: () => api.http.put('/api/calendar').set(bearer(admin)).send({ weekend: [1, 2, 3, 4, 5, 6, 7] }),
        status: 400,
        id: { errors: [{ path: 'weekend', message: 'Satu minggu memerlukan sedikitnya satu hari kerja; akhir pekan tidak boleh setiap hari.' }] },
        en: { errors: [{ path: 'weekend', message: 'A week needs at least one working day; the weekend cannot be every day.' }] },
      },
    ];
    for (const row of rows) {
      const { id, en } = await both(row.send);
      expect(id.status, JSON.stringify(id)).to.equal(row.status);
      expect(id).to.deep.include(row.id);
      expect(en).to.deep.include(row.en);
    }
  });
});
