/**
 * The case's service standard through the API (API.md 1.1, "Working days and deadlines"):
 * `GET /api/process-instances/{id}` carries `sla: { workingDays, dueAt, state, workingDaysLeft }`,
 * the list searches by `slaState`, an `alur:slaPause` element stops the clock (history sla.paused,
 * sla.resumed), a calendar change moves the case's and the task's pending deadlines through the
 * one write path with a history entry, and a case ends met or missed. Hand-checked: T0 is
 * Tuesday 1 December 2026, 15:00 WIB; 5 working days is Tuesday 8 December, 15:00 WIB.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, T0, type Api } from './harness.js';

const task = (id: string, ext = '') => `<bpmn:userTask id="${id}" name="${id}"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="loket"/>${ext}</bpmn:extensionElements></bpmn:userTask>`;
const flow = (id: string, a: string, b: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${a}" targetRef="${b}"/>`;
const IZIN = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs_izin" targetNamespace="http://alur.example/test">
  <bpmn:process id="izin-usaha" isExecutable="true"><bpmn:extensionElements><alur:sla workingDays="5"/></bpmn:extensionElements>
    <bpmn:startEvent id="S"/>${task('Verifikasi')}${task('Kelengkapan', '<alur:slaPause/>')}${task('Keputusan', '<alur:sla workingDays="2"/>')}<bpmn:endEvent id="E"/>
    ${flow('a', 'S', 'Verifikasi')}${flow('b', 'Verifikasi', 'Kelengkapan')}${flow('c', 'Kelengkapan', 'Keputusan')}${flow('d', 'Keputusan', 'E')}
  </bpmn:process>
</bpmn:definitions>`);
const wib = (local: string) => new Date(`${local}+07:00`);

forEachBackend('api: the case SLA in working days', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });
  beforeEach(() => api.clock.pin(T0));

  async function office() {
    const tenant = await makeTenant(api);
    const admin = await makeUser(api, tenant, uname('admin'), ['admin', 'analyst']);
    const staff = await makeUser(api, tenant, uname('staf'), ['staff'], ['loket']);
    const res = await api.http.post('/api/deployments').set(bearer(admin)).attach('files', IZIN, 'izin.bpmn');
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return { admin, staff };
  }
  const get = async (admin: string, id: string) => (await api.http.get(`/api/process-instances/${id}`).set(bearer(admin))).body;
  const found = async (admin: string, slaState: string) => {
    const res = await api.http.get('/api/process-instances').query({ slaState }).set(bearer(admin));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body.items.map((i: { id: string }) => i.id);
  };
  const history = async (admin: string, id: string) => (await api.http.get(`/api/process-instances/${id}/history`).set(bearer(admin))).body.items as { type: string; elementId?: string; data?: Record<string, unknown> }[];
  async function complete(staff: string, instanceId: string, elementId: string) {
    const tasks = await api.http.get('/api/tasks').query({ q: '' }).set(bearer(staff));
    const t = tasks.body.items.find((x: { processInstanceId: string; elementId: string }) => x.processInstanceId === instanceId && x.elementId === elementId);
    expect(t, `${elementId} open`).to.not.equal(undefined);
    const res = await api.http.post(`/api/tasks/${t.id}/complete`).set(bearer(staff)).send({});
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return t;
  }

  it('given a case of a 5-working-day service, then it is due Tuesday 8 December 15:00 WIB and searchable on-track, due-soon and overdue as the days pass', async () => {
    const { admin, staff } = await office();
    const started = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-usaha' });
    expect(started.status).to.equal(201);
    expect(started.body.sla).to.deep.equal({ workingDays: 5, dueAt: '2026-12-08T08:00:00.000Z', state: 'on-track', workingDaysLeft: 5, paused: false });
    const id = started.body.id;
    expect(await found(admin, 'on-track')).to.deep.equal([id]);
    expect(await found(admin, 'due-soon')).to.deep.equal([]);
    api.clock.pin(wib('2026-12-07T09:00:00'));
    expect((await get(admin, id)).sla).to.include({ state: 'due-soon', workingDaysLeft: 1 });
    expect(await found(admin, 'due-soon')).to.deep.equal([id]);
    expect(await found(admin, 'on-track')).to.deep.equal([]);
    api.clock.pin(wib('2026-12-08T16:00:00'));
    expect((await get(admin, id)).sla).to.include({ state: 'overdue', workingDaysLeft: -1 });
    expect(await found(admin, 'overdue')).to.deep.equal([id]);
    const listed = await api.http.get('/api/process-instances').set(bearer(admin));
    expect(listed.body.items[0].sla).to.include({ state: 'overdue', dueAt: '2026-12-08T08:00:00.000Z' });
  });

  it('given the file goes back to the applicant Wednesday to Monday, then the clock stands, the case stays on-track meanwhile, and the due date moves 3 working days', async () => {
    const { admin, staff } = await office();
    const id = (await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-usaha' })).body.id;
    api.clock.pin(wib('2026-12-02T10:00:00'));
    await complete(staff, id, 'Verifikasi');
    api.clock.pin(wib('2026-12-09T10:00:00')); // past the first due date, but the clock stood since Wednesday
    expect((await get(admin, id)).sla).to.include({ state: 'on-track', workingDaysLeft: 4, paused: true, pausedSince: '2026-12-02T03:00:00.000Z' });
    expect(await found(admin, 'on-track')).to.deep.equal([id]);
    expect(await found(admin, 'overdue')).to.deep.equal([]);
    api.clock.pin(wib('2026-12-07T10:00:00'));
    await complete(staff, id, 'Kelengkapan');
    expect((await get(admin, id)).sla).to.deep.equal({ workingDays: 5, dueAt: '2026-12-11T08:00:00.000Z', state: 'on-track', workingDaysLeft: 4, paused: false });
    const h = await history(admin, id);
    expect(h.find((e) => e.type === 'sla.paused')).to.deep.include({ elementId: 'Kelengkapan' });
    expect(h.find((e) => e.type === 'sla.resumed')).to.deep.include({ elementId: 'Kelengkapan', data: { pausedSince: '2026-12-02T03:00:00.000Z', workingDaysPaused: 3, dueAt: '2026-12-11T08:00:00.000Z' } });
    api.clock.pin(wib('2026-12-11T14:00:00'));
    await complete(staff, id, 'Keputusan');
    expect((await get(admin, id)).sla).to.include({ state: 'met', workingDaysLeft: 0 });
    expect(await found(admin, 'met')).to.deep.equal([id]);
    expect(await found(admin, 'missed')).to.deep.equal([]);
  });

  it('given a holiday declared on Friday 4 December, then the case and its open task move one working day with a history entry each, and back when it is removed', async () => {
    const { admin, staff } = await office();
    const id = (await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-usaha' })).body.id;
    api.clock.pin(wib('2026-12-02T10:00:00'));
    await complete(staff, id, 'Verifikasi');
    await complete(staff, id, 'Kelengkapan'); // same day: no working day paused; Keputusan due Friday 10:00 WIB
    const open = async () => (await api.http.get('/api/tasks').set(bearer(staff))).body.items.find((t: { processInstanceId: string }) => t.processInstanceId === id);
    expect((await open()).dueDate).to.equal('2026-12-04T03:00:00.000Z');
    const holiday = { date: '2026-12-04', name: 'Pemungutan suara', kind: 'national' };
    expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(holiday)).status).to.equal(201);
    expect((await get(admin, id)).sla.dueAt).to.equal('2026-12-09T08:00:00.000Z');
    expect((await open()).dueDate).to.equal('2026-12-07T03:00:00.000Z');
    const moved = (await history(admin, id)).filter((e) => e.type === 'deadline.replanned').map((e) => [e.elementId, e.data]);
    expect(moved).to.deep.equal([
      ['izin-usaha', { deadline: 'sla', from: '2026-12-08T08:00:00.000Z', to: '2026-12-09T08:00:00.000Z' }],
      ['Keputusan', { deadline: 'task', from: '2026-12-04T03:00:00.000Z', to: '2026-12-07T03:00:00.000Z' }],
    ]);
    expect((await api.http.delete('/api/calendar/holidays/2026-12-04').set(bearer(admin))).status).to.equal(204);
    expect((await get(admin, id)).sla.dueAt).to.equal('2026-12-08T08:00:00.000Z');
    expect((await open()).dueDate).to.equal('2026-12-04T03:00:00.000Z');
  });

  it('given a late decision, then the case is missed; a malformed slaState is a 400 naming it', async () => {
    const { admin, staff } = await office();
    const id = (await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey: 'izin-usaha' })).body.id;
    await complete(staff, id, 'Verifikasi');
    await complete(staff, id, 'Kelengkapan');
    api.clock.pin(wib('2026-12-09T09:00:00'));
    await complete(staff, id, 'Keputusan');
    expect((await get(admin, id)).sla).to.include({ state: 'missed', workingDaysLeft: -1 });
    expect(await found(admin, 'missed')).to.deep.equal([id]);
    const bad = await api.http.get('/api/process-instances').query({ slaState: 'late' }).set(bearer(admin));
    expect(bad.status).to.equal(400);
    expect(bad.body.errors[0].path).to.equal('slaState');
  });
});
