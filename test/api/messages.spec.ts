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
});
