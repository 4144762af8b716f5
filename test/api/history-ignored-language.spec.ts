// Issue 17: an `input.ignored` history entry carried the core's English reason ("task 5 is not
// open (instance …)") into an Indonesian history. It now carries a code and params too, and GET
// …/history words the reason in the reader's language; the code and params stay beside it.
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, type Api } from './harness.js';
import { historyView } from '../../engine/api/views.js';
import { localize } from '../../engine/messages/index.js';
import { catalog } from '../../engine/messages/catalog/index.js';
import type { HistoryRow } from '../../engine/store/history.js';

type Item = { type: string; data?: { reason?: string; code?: string; params?: Record<string, unknown> } };

forEachBackend('api: an ignored input in the history, in the reader\'s language', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('words a repeated and a racing completion in Indonesian or English as the reader asks, keeping the code', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const verifier = await makeUser(api, tenant, uname('siti'), ['staff'], ['verifikator']);
    await deployApproval(api, analyst);
    const start = await api.http.post('/api/process-instances').set(bearer(verifier)).send({ processKey: 'two-step-approval', businessKey: 'SP-9' });
    expect(start.status).to.equal(201);
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(verifier))).body.items[0];
    await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(verifier)).expect(200);
    const body = { variables: { letterNumber: '1/DPU/2026', decision: 'approve' } };
    // Racing requests: the losers are ignored by the service (task closed) or by the core (task no longer waits).
    const answers = await Promise.all(Array.from({ length: 3 }, () => api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(verifier)).send(body)));
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409, 409]);
    expect((await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(verifier)).send(body)).status).to.equal(409);

    const historyIn = async (lang: string): Promise<Item[]> => {
      const answer = await api.http.get(`/api/process-instances/${start.body.id}/history`).set(bearer(analyst)).set('Accept-Language', lang);
      expect(answer.status).to.equal(200);
      return (answer.body.items as Item[]).filter((h) => h.type === 'input.ignored');
    };
    const id = await historyIn('id');
    expect(id).to.have.length(3);
    for (const item of id) {
      expect(item.data?.code).to.be.oneOf(['task-closed', 'task-not-open']);
      expect(item.data?.reason).to.match(/^Tugas .+ sudah tidak terbuka\.$/);
    }
    expect(id.at(-1)?.data).to.deep.include({ code: 'task-closed', reason: 'Tugas Verify the request sudah tidak terbuka.', params: { task: 'Verify the request' } });
    const en = await historyIn('en');
    for (const item of en) expect(item.data?.reason).to.match(/^(The task|Task) .+ is no longer open\.$/);
  });
});

describe('history: every reason the core gives for an ignored input reads Indonesian', () => {
  const entry = (code: string, params: Record<string, string | number>): HistoryRow =>
    ({ tenant_id: 't', instance_id: 'i', at: new Date('2026-12-07T08:00:00Z'), type: 'input.ignored', element_id: null, username: null, data: { input: 'x', reason: 'english', code, params } }) as unknown as HistoryRow;
  const reasonIn = (row: HistoryRow, lang: 'id' | 'en') => (localize(historyView(row), lang).data as { reason: string }).reason;

  it('words each code with its params, and leaves an older entry\'s English reason as it was', () => {
    const samples: [string, Record<string, string | number>, string][] = [
      ['instance-ended', { instance: 'i', status: 'completed' }, 'Permohonan ini sudah selesai; masukan ini tidak mengubah apa pun.'],
      ['subscription-closed', { kind: 'timer', key: 7, instance: 'i' }, 'Pewaktu 7 sudah tidak ditunggu.'],
      ['name-mismatch', { kind: 'message', name: 'bayar', key: 7, expected: 'lunas' }, 'Pesan “bayar” bukan yang ditunggu (“lunas”).'],
      ['job-not-active', { key: 3, instance: 'i' }, 'Pekerjaan 3 sudah tidak aktif (kiriman yang terlambat atau berulang).'],
      ['job-attempt', { key: 3, attempt: 1, current: 2, instance: 'i' }, 'Percobaan 1 pekerjaan 3 bukan percobaan yang berlaku (2).'],
    ];
    for (const [code, params, words] of samples) expect(reasonIn(entry(code, params), 'id')).to.equal(words);
    for (const key of Object.keys(catalog).filter((k) => k.startsWith('ignored.') && !k.startsWith('ignored.kind-'))) {
      const code = key.slice('ignored.'.length);
      const params = { key: 1, instance: 'i', status: 'cancelled', kind: 'signal', attempt: 1, current: 2, name: 'a', expected: 'b', task: 'Periksa', detail: 'X: y' };
      expect(reasonIn(entry(code, params), 'id'), code).to.not.equal(reasonIn(entry(code, params), 'en')).and.not.match(/\{\w+\}/);
    }
    const old = { ...entry('x', {}), data: { input: 'timer.fire', reason: 'timer subscription 7 is no longer open (instance i)' } } as unknown as HistoryRow;
    expect(reasonIn(old, 'id')).to.equal('timer subscription 7 is no longer open (instance i)');
  });
});
