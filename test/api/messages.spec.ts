/**
 * Server messages follow the caller's Accept-Language: the same refusal in Bahasa Indonesia and
 * English, with `type`, `status`, `path` and `element` unchanged; English without a preference.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

forEachBackend('api: messages in the caller\'s language', (backend) => {
  let api: Api;
  let staff: string;
  let analyst: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    staff = await makeUser(api, tenant, uname('staf'), ['staff']);
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
  });
  after(async () => { await api.close(); });

  it('a staff user deploying is refused in Indonesian with Accept-Language: id, in English without one', async () => {
    const id = await api.http.post('/api/deployments').set(bearer(staff)).set('Accept-Language', 'id-ID,id;q=0.9,en;q=0.8').attach('f', bpmnFile('m', ''), 'm.bpmn').expect(403);
    expect(id.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(id.headers['content-language']).to.equal('id');
    expect(id.headers.vary).to.match(/Accept-Language/i);
    expect(id.body).to.deep.equal({ type: 'https://alur.dev/problems/forbidden', title: 'Tidak diizinkan', status: 403, detail: 'Deploy memerlukan peran analis atau admin.' });
    const en = await api.http.post('/api/deployments').set(bearer(staff)).attach('f', bpmnFile('m', ''), 'm.bpmn').expect(403);
    expect(en.body).to.deep.equal({ type: 'https://alur.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Deploying needs the role analyst or admin.' });
  });

  it('an unknown endpoint and a broken body answer in the language asked for', async () => {
    const missing = await api.http.get('/api/nothing-here').set('Accept-Language', 'id').expect(404);
    expect(missing.body).to.include({ type: 'https://alur.dev/problems/not-found', status: 404, title: 'Tidak ditemukan', detail: 'Tidak ada endpoint GET /api/nothing-here.' });
    const broken = await api.http.post('/api/process-instances').set(bearer(analyst)).set('Accept-Language', 'id').set('content-type', 'application/json').send('{"oops"').expect(400);
    expect(broken.body.type).to.equal('https://alur.dev/problems/invalid-json');
    expect(broken.body.errors).to.deep.equal([{ message: 'Isi permintaan bukan JSON yang sah.' }]);
  });

  it('an expired token is refused in the language asked for', async () => {
    const res = await api.http.get('/api/tasks').set('Authorization', 'Bearer nope').set('Accept-Language', 'id').expect(401);
    expect(res.body).to.include({ status: 401, detail: 'Sesi Anda sudah berakhir atau tidak sah; silakan masuk kembali.' });
  });

  it('a refused deployment counts its problems in the language asked for, with a capital and a full stop', async () => {
    const broken = bpmnFile('kosong', '<bpmn:userTask id="Periksa" name="Periksa berkas"/>');
    const id = await api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', 'id').attach('f', broken, 'kosong.bpmn').expect(400);
    expect(id.body.detail).to.match(/^Deploy ditolak: \d+ masalah\.$/);
    const en = await api.http.post('/api/deployments').set(bearer(analyst)).attach('f', broken, 'kosong.bpmn').expect(400);
    expect(en.body.detail).to.match(/^Deployment refused: (one problem|\d+ problems)\.$/);
    const wrong = await api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', 'id').attach('f', Buffer.from('x'), 'catatan.txt').expect(400);
    expect(wrong.body.errors).to.deep.include({ element: 'catatan.txt', message: 'Berkas catatan.txt: hanya berkas .bpmn, .form dan .docx (templat surat) yang dapat di-deploy.' });
  });

  it('a refused deployment names each element by its kind and name, in the language asked for', async () => {
    const model = bpmnFile('arsip', `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="Periksa"/>
      <bpmn:userTask id="Periksa" name="Periksa berkas"><bpmn:extensionElements><zeebe:assignmentDefinition assignee=" "/></bpmn:extensionElements></bpmn:userTask>
      <bpmn:sequenceFlow id="f2" sourceRef="Periksa" targetRef="e"/><bpmn:endEvent id="e"/>
      <bpmn:userTask id="Arsip" name="Arsipkan"/><bpmn:sequenceFlow id="f3" sourceRef="Arsip" targetRef="e"/>`);
    const id = await api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', 'id').attach('f', model, 'arsip.bpmn').expect(400);
    // `key`: the finding's catalog key, the same the designer's live lint reports (its issues list shows a finding both made once);
    // `detail`: the finding as a sentence without naming its element, for the designer's note on the element itself.
    expect(id.body.errors).to.deep.include({ element: 'Periksa', message: 'Tugas pengguna “Periksa berkas”: penerima tugas kosong', key: 'bpmn.assignee-empty', detail: 'Penerima tugas kosong' });
    expect(id.body.errors).to.deep.include({ element: 'Arsip', message: 'Tugas pengguna “Arsipkan”: belum ada alur yang menuju ke sini, jadi tidak akan pernah berjalan', key: 'bpmn.unreachable', detail: 'Belum ada alur yang menuju ke sini, jadi tidak akan pernah berjalan' });
    const en = await api.http.post('/api/deployments').set(bearer(analyst)).attach('f', model, 'arsip.bpmn').expect(400);
    expect(en.body.errors).to.deep.include({ element: 'Periksa', message: 'User task “Periksa berkas”: assignee is empty', key: 'bpmn.assignee-empty', detail: 'Assignee is empty' });
  });

  it('signing in and creating users answer in the language asked for', async () => {
    const wrong = await api.http.post('/api/auth/login').set('Accept-Language', 'id').send({ username: uname('siapa'), password: 'salah-sekali' }).expect(401);
    expect(wrong.body.detail).to.equal('Nama pengguna atau kata sandi salah.');
    const wrongEn = await api.http.post('/api/auth/login').send({ username: uname('who'), password: 'wrong-entirely' }).expect(401);
    expect(wrongEn.body.detail).to.equal('Wrong username or password.');
    const tenant = await makeTenant(api, 'peran');
    const roles = await api.http.post('/api/users').set(bearer(api.admin)).set('Accept-Language', 'id').send({ username: uname('rina'), password: '', tenant, roles: ['kepala'], nomor: 1 }).expect(400);
    expect(roles.body.detail).to.equal('Isian nomor, password dan roles[0] pada isi permintaan tidak sah.');
    expect(roles.body.errors).to.have.deep.members([
      { path: 'password', message: 'password paling sedikit 8 karakter' },
      { path: 'roles.0', message: 'roles[0] harus salah satu dari platform-admin, admin, analyst atau staff' },
      { path: 'nomor', message: 'nomor bukan isian yang dikenal' },
    ]);
    const en = await api.http.post('/api/users').set(bearer(api.admin)).send({ username: uname('rina'), tenant, roles: [] }).expect(400);
    expect(en.body.errors.map((e: { message: string }) => e.message)).to.have.members(['password is required', 'roles must list at least one item']);
    const twice = await api.http.post('/api/tenants').set(bearer(api.admin)).set('Accept-Language', 'id').send({ id: tenant, name: 'Lagi' }).expect(409);
    expect(twice.body.detail).to.equal(`Pemerintah daerah ${tenant} sudah ada.`);
    const staffMaking = await api.http.post('/api/tenants').set(bearer(staff)).set('Accept-Language', 'id').send({ id: 'apa-saja', name: 'Apa' }).expect(403);
    expect(staffMaking.body.detail).to.equal('Membuat pemerintah daerah memerlukan peran administrator platform.');
  });

  it('a task someone else took is named by its name, in the language asked for', async () => {
    const tenant = await makeTenant(api, 'nama');
    const ana = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const dewi = await makeUser(api, tenant, uname('dewi'), ['staff'], ['verifikator']);
    const budi = await makeUser(api, tenant, uname('budi'), ['staff'], ['verifikator']);
    const model = bpmnFile('verifikasi', `<bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="Task_Verifikasi"/>
      <bpmn:userTask id="Task_Verifikasi" name="Verifikasi berkas"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="verifikator"/></bpmn:extensionElements></bpmn:userTask>
      <bpmn:sequenceFlow id="f2" sourceRef="Task_Verifikasi" targetRef="e"/><bpmn:endEvent id="e"/>`);
    await api.http.post('/api/deployments').set(bearer(ana)).attach('f', model, 'verifikasi.bpmn').expect(201);
    await api.http.post('/api/process-instances').set(bearer(ana)).send({ processKey: 'verifikasi' }).expect(201);
    const tasks = await api.http.get('/api/tasks').set(bearer(dewi)).expect(200);
    const task = tasks.body.items[0];
    await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(dewi)).expect(200);
    const id = await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(budi)).set('Accept-Language', 'id').expect(409);
    expect(id.body.detail).to.match(/^Tugas “Verifikasi berkas” sudah diambil oleh dewi-/);
    const en = await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(budi)).expect(409);
    expect(en.body.detail).to.match(/^Task “Verifikasi berkas” is already taken by dewi-/);
  });
});
