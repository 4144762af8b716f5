/**
 * Due dates in working days (API.md 1.1, "Working days and deadlines"): `<alur:sla workingDays/>`
 * on a user task sets its due date by the tenant's calendar, task items carry workingDaysLeft, and
 * a calendar change moves every pending working-day due date — from the same starting point — and
 * no passed one. Hand-checked: T0 is Tuesday 1 December 2026, 15:00 WIB.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, T0, type Api } from './harness.js';
import { up as copyTaskPlans } from '../../migrations/20261207093000_task_working_day_plan.js';
import { replanDeadlines } from '../../engine/service/replan.js';
import { loadCalendar } from '../../engine/service/calendars.js';

function bpmn(id: string, task: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs_${id}" targetNamespace="http://alur.example/test">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
    <bpmn:userTask id="T" name="Proses ${id}"><bpmn:extensionElements><zeebe:userTask />
      <zeebe:assignmentDefinition candidateGroups="loket" />${task}
    </bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />
  </bpmn:process>
</bpmn:definitions>`);
}

/** Three working days by the service standard. */
const STANDARD = bpmn('izin-reklame', '<alur:sla workingDays="3" />');
/** One working day through FEEL. */
const FEEL_DUE = bpmn('balas-surat', '<zeebe:taskSchedule dueDate="=add working days(now(), 1)" />');
/** A plain date: never moved by the calendar. */
const FIXED = bpmn('rapat', '<zeebe:taskSchedule dueDate="2026-12-04T08:00:00Z" />');

forEachBackend('api: due dates in working days', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });
  beforeEach(() => api.clock.pin(T0));
  let last = '';

  async function office() {
    const tenant = await makeTenant(api);
    last = tenant;
    const admin = await makeUser(api, tenant, uname('admin'), ['admin', 'analyst']);
    const staff = await makeUser(api, tenant, uname('staf'), ['staff'], ['loket']);
    for (const [file, name] of [[STANDARD, 'reklame.bpmn'], [FEEL_DUE, 'surat.bpmn'], [FIXED, 'rapat.bpmn']] as const) {
      const res = await api.http.post('/api/deployments').set(bearer(admin)).attach('files', file, name);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    }
    return { admin, staff };
  }

  async function start(staff: string, processKey: string): Promise<{ id: string; dueDate: string; workingDaysLeft: number }> {
    const res = await api.http.post('/api/process-instances').set(bearer(staff)).send({ processKey });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.tasks[0];
  }

  async function task(staff: string, id: string): Promise<{ dueDate: string; workingDaysLeft: number | null }> {
    return (await api.http.get(`/api/tasks/${id}`).set(bearer(staff))).body;
  }

  it('given alur:sla workingDays="3", then the task is due Friday at the same local time with 3 working days left', async () => {
    const { staff } = await office();
    const t = await start(staff, 'izin-reklame');
    expect(t.dueDate).to.equal('2026-12-04T08:00:00.000Z');
    expect(t.workingDaysLeft).to.equal(3);
    const listed = await api.http.get('/api/tasks').set(bearer(staff));
    expect(listed.body.items[0]).to.include({ dueDate: '2026-12-04T08:00:00.000Z', workingDaysLeft: 3 });
    api.clock.pin(new Date('2026-12-07T02:00:00Z')); // Monday 09:00 WIB: Friday 15:00 has passed
    expect((await task(staff, t.id)).workingDaysLeft).to.equal(-1);
    api.clock.pin(new Date('2026-12-08T02:00:00Z'));
    expect((await task(staff, t.id)).workingDaysLeft).to.equal(-2);
  });

  it('given pending and passed working-day due dates, when a holiday is added and removed, then only the pending ones move, and back', async () => {
    const { admin, staff } = await office();
    const standard = await start(staff, 'izin-reklame'); // due Fri 4 Dec
    const feel = await start(staff, 'balas-surat'); // due Wed 2 Dec
    const fixed = await start(staff, 'rapat'); // due Fri 4 Dec, not in working days
    expect(feel.dueDate).to.equal('2026-12-02T08:00:00.000Z');

    api.clock.pin(new Date('2026-12-03T02:00:00Z')); // Thursday 09:00 WIB: the FEEL one has passed
    const election = { date: '2026-12-04', name: 'Pemungutan suara', kind: 'national' };
    expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(election)).status).to.equal(201);
    expect((await task(staff, standard.id)).dueDate).to.equal('2026-12-07T08:00:00.000Z'); // Monday 15:00 WIB
    expect((await task(staff, standard.id)).workingDaysLeft).to.equal(1);
    expect((await task(staff, feel.id)).dueDate).to.equal('2026-12-02T08:00:00.000Z');
    expect((await task(staff, feel.id)).workingDaysLeft).to.equal(-1);
    expect((await task(staff, fixed.id)).dueDate).to.equal('2026-12-04T08:00:00.000Z');

    // A Wednesday holiday too: counted from the same start (Tuesday 15:00), three days is Tuesday 8th.
    expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send({ ...election, date: '2026-12-02' })).status).to.equal(201);
    expect((await task(staff, standard.id)).dueDate).to.equal('2026-12-08T08:00:00.000Z');
    expect((await task(staff, feel.id)).dueDate).to.equal('2026-12-02T08:00:00.000Z');

    expect((await api.http.delete('/api/calendar/holidays/2026-12-04').set(bearer(admin))).status).to.equal(204);
    expect((await api.http.delete('/api/calendar/holidays/2026-12-02').set(bearer(admin))).status).to.equal(204);
    expect((await task(staff, standard.id)).dueDate).to.equal('2026-12-04T08:00:00.000Z');
    expect((await task(staff, feel.id)).dueDate).to.equal('2026-12-02T08:00:00.000Z');
  });

  it('given a task opened before the snapshot kept its working-day plan, when migration task_working_day_plan has run, then a holiday moves its due date', async () => {
    const { admin, staff } = await office();
    const t = await start(staff, 'izin-reklame'); // due Fri 4 Dec, counted from Tue 1 Dec 15:00 WIB
    const other = await start(staff, 'izin-reklame');
    // As such a task was left (04:00-06:36 UTC on 7 Dec 2026): the row knows its plan, the snapshot does not.
    for (const id of [t.id, other.id]) {
      const row = await api.db.knex('user_task').where({ id }).first();
      await api.db.knex.raw("update process_instance set snapshot = snapshot #- array['els', ?, 'd'] where id = ?", [String(row.key), row.instance_id]);
    }
    const holiday = { date: '2026-12-03', name: 'Penutupan kantor', kind: 'closure' };
    expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(holiday)).status).to.equal(201);
    expect((await task(staff, t.id)).dueDate, 'without its plan the re-plan cannot move it').to.equal('2026-12-04T08:00:00.000Z');
    expect((await api.http.delete('/api/calendar/holidays/2026-12-03').set(bearer(admin))).status).to.equal(204);

    const instanceOf = async () => api.db.knex('process_instance').where({ id: (await api.db.knex('user_task').where({ id: t.id }).first()).instance_id }).first();
    const before = await instanceOf();
    await copyTaskPlans(api.db.knex);
    await copyTaskPlans(api.db.knex); // a second run finds nothing left to copy
    const instance = await instanceOf();
    expect(instance.version, 'one copy, one version').to.equal(before.version + 1);
    expect(instance.snapshot.els[String((await api.db.knex('user_task').where({ id: t.id }).first()).key)].d).to.deep.include({ n: 3, at: '2026-12-04T08:00:00.000Z' });

    expect((await api.http.post('/api/calendar/holidays').set(bearer(admin)).send(holiday)).status).to.equal(201);
    expect((await task(staff, t.id)).dueDate).to.equal('2026-12-07T08:00:00.000Z');
    expect((await task(staff, other.id)).dueDate).to.equal('2026-12-07T08:00:00.000Z');
    const history = await api.http.get(`/api/process-instances/${instance.id}/history`).set(bearer(admin));
    expect(history.body.items.map((h: { type: string }) => h.type)).to.include('deadline.replanned');
  });

  it('given a holiday on a day after every pending due date, then the re-plan reads no case; on the day of one, it reads that case', async () => {
    const { staff } = await office();
    await start(staff, 'izin-reklame'); // due Fri 4 Dec
    await start(staff, 'balas-surat'); // due Wed 2 Dec
    const calendar = await loadCalendar(api.db.knex, last);
    const later = { ...calendar, data: { ...calendar.data, holidays: [...calendar.data.holidays!, '2026-12-07'] } };
    expect(await replanDeadlines(api.engine.deps, last, later, { day: '2026-12-07' })).to.deep.equal({ examined: 0, moved: 0 });
    const friday = { ...calendar, data: { ...calendar.data, holidays: [...calendar.data.holidays!, '2026-12-04'] } };
    expect(await replanDeadlines(api.engine.deps, last, friday, { day: '2026-12-04' })).to.deep.equal({ examined: 1, moved: 1 });
    expect(await replanDeadlines(api.engine.deps, last, friday), 'a zone or weekend change reads every case').to.deep.equal({ examined: 2, moved: 0 });
  });

  it('given a completed task, when the calendar changes, then its due date stays', async () => {
    const { admin, staff } = await office();
    const t = await start(staff, 'izin-reklame');
    expect((await api.http.post(`/api/tasks/${t.id}/complete`).set(bearer(staff)).send({})).status).to.equal(200);
    await api.http.post('/api/calendar/holidays').set(bearer(admin)).send({ date: '2026-12-03', name: 'Penutupan kantor', kind: 'closure' });
    const done = await api.http.get(`/api/tasks/${t.id}`).set(bearer(staff));
    expect(done.body.dueDate).to.equal('2026-12-04T08:00:00.000Z');
  });
});
