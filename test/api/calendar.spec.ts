/**
 * The tenant's working-day calendar over HTTP (API.md 1.1, "Working days and deadlines"): a new
 * tenant starts from the shipped national holidays and cuti bersama in Asia/Jakarta, admins change
 * it (others 403), bad input changes nothing, and the engine's FEEL counts by it.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

/** A task due one working day after it opens (T0 is Tuesday 1 December 2026, 15:00 WIB). */
const NEXT_DAY = bpmnFile('balas-surat', `
  <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
  <bpmn:userTask id="T" name="Balas Surat"><bpmn:extensionElements><zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="loket" /><zeebe:taskSchedule dueDate="=add working days(now(), 1)" />
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />`);

forEachBackend('api: working-day calendar', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  async function office() {
    const tenant = await makeTenant(api);
    return {
      tenant,
      admin: await makeUser(api, tenant, uname('admin'), ['admin', 'analyst']),
      staff: await makeUser(api, tenant, uname('staf'), ['staff'], ['loket']),
    };
  }

  it('given a new tenant, then its calendar is Asia/Jakarta, Saturday and Sunday off, and the shipped holidays with their kinds', async () => {
    const { staff } = await office();
    const all = await api.http.get('/api/calendar').set(bearer(staff));
    expect(all.status).to.equal(200);
    expect(all.body.zone).to.equal('Asia/Jakarta');
    expect(all.body.weekend).to.deep.equal([6, 7]);
    const dec = await api.http.get('/api/calendar?from=2026-12-01&to=2026-12-31').set(bearer(staff));
    expect(dec.body.holidays.map((h: { date: string; kind: string }) => [h.date, h.kind])).to.deep.equal([['2026-12-24', 'cuti-bersama'], ['2026-12-25', 'national']]);
    expect(dec.body.holidays[1].source).to.match(/1497\/2\/5 Tahun 2025/);
    const y2025 = await api.http.get('/api/calendar?from=2025-01-01&to=2025-12-31').set(bearer(staff));
    expect(y2025.body.holidays).to.have.length(28); // 17 national + 10 cuti bersama + 18 August (SKB 933/1/3 of 2025)
    expect((await api.http.get('/api/calendar?from=2026-12-31&to=2026-01-01').set(bearer(staff))).status).to.equal(400);
    expect((await api.http.get('/api/calendar')).status).to.equal(401);
  });

  it('given an admin, when an election day is added and removed, then the calendar follows; duplicates 409, unknown 404, staff 403, other tenants untouched', async () => {
    const { admin, staff } = await office();
    const neighbour = await office();
    const election = { date: '2026-12-09', name: 'Pemungutan suara', kind: 'national', source: 'Keppres (contoh)' };
    expect((await api.http.post('/api/calendar/holidays').set(bearer(staff)).send(election)).status).to.equal(403);
    const added = await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(election);
    expect(added.status).to.equal(201);
    expect(added.body).to.deep.equal(election);
    const dec = await api.http.get('/api/calendar?from=2026-12-01&to=2026-12-31').set(bearer(staff));
    expect(dec.body.holidays.map((h: { date: string }) => h.date)).to.deep.equal(['2026-12-09', '2026-12-24', '2026-12-25']);
    const again = await api.http.post('/api/calendar/holidays').set(bearer(admin)).set('Accept-Language', 'id').send(election);
    expect(again.status).to.equal(409);
    expect(again.body.detail).to.contain('2026-12-09 sudah menjadi hari libur (Pemungutan suara)');
    expect((await api.http.get('/api/calendar?from=2026-12-09&to=2026-12-09').set(bearer(neighbour.staff))).body.holidays).to.deep.equal([]);

    expect((await api.http.delete('/api/calendar/holidays/2026-12-09').set(bearer(staff))).status).to.equal(403);
    expect((await api.http.delete('/api/calendar/holidays/2026-12-09').set(bearer(admin))).status).to.equal(204);
    expect((await api.http.delete('/api/calendar/holidays/2026-12-09').set(bearer(admin))).status).to.equal(404);
    // A shipped day can go too (the regency works that day), and the rest of the shipped calendar stays.
    expect((await api.http.delete('/api/calendar/holidays/2026-12-24').set(bearer(admin))).status).to.equal(204);
    const after = await api.http.get('/api/calendar?from=2026-12-01&to=2026-12-31').set(bearer(staff));
    expect(after.body.holidays.map((h: { date: string }) => h.date)).to.deep.equal(['2026-12-25']);
  });

  it('given bad input, then 400 names the field and nothing changes', async () => {
    const { admin, staff } = await office();
    const bad = [
      { date: '2026-02-30', name: 'x', kind: 'national' },
      { date: '09-12-2026', name: 'x', kind: 'national' },
      { date: '2026-12-09', name: 'x', kind: 'libur' },
      { date: '2026-12-09', name: '', kind: 'regional' },
    ];
    for (const body of bad) expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(body)).status, JSON.stringify(body)).to.equal(400);
    const zone = await api.http.put('/api/calendar').set(bearer(admin)).send({ zone: 'Jakarta' });
    expect(zone.status).to.equal(400);
    expect(zone.body.errors[0].path).to.equal('zone');
    expect((await api.http.put('/api/calendar').set(bearer(admin)).send({ weekend: [1, 2, 3, 4, 5, 6, 7] })).status).to.equal(400);
    expect((await api.http.put('/api/calendar').set(bearer(admin)).send({ weekend: [0] })).status).to.equal(400);
    expect((await api.http.put('/api/calendar').set(bearer(staff)).send({ zone: 'Asia/Makassar' })).status).to.equal(403);
    const same = await api.http.get('/api/calendar').set(bearer(staff));
    expect(same.body).to.include({ zone: 'Asia/Jakarta' });
    expect(same.body.holidays.some((h: { date: string }) => h.date === '2026-12-09')).to.equal(false);

    const set = await api.http.put('/api/calendar').set(bearer(admin)).send({ zone: 'Asia/Makassar', weekend: [7, 6] });
    expect(set.status).to.equal(200);
    expect(set.body).to.include({ zone: 'Asia/Makassar' });
    expect(set.body.weekend).to.deep.equal([6, 7]);
  });

  it('given the tenant calendar, when a task is due in one working day, then FEEL counts by its holidays and zone', async () => {
    const { admin, staff } = await office();
    expect((await api.http.post('/api/deployments').set(bearer(admin)).attach('files', NEXT_DAY, 'balas.bpmn')).status).to.equal(201);
    const first = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'balas-surat' });
    expect(first.status).to.equal(201);
    expect(first.body.tasks[0].dueDate).to.equal('2026-12-02T08:00:00.000Z'); // Wednesday 15:00 WIB
    await api.http.post('/api/calendar/holidays').set(bearer(admin)).send({ date: '2026-12-02', name: 'Pemungutan suara', kind: 'national' });
    await api.http.put('/api/calendar').set(bearer(admin)).send({ zone: 'Asia/Jayapura' });
    const second = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'balas-surat' });
    expect(second.body.tasks[0].dueDate).to.equal('2026-12-03T08:00:00.000Z'); // Thursday 17:00 WIT
  });
});
