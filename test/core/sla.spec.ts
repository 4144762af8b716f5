/**
 * The case's service standard in the core (API.md 1.1, "Working days and deadlines"): `alur:sla`
 * on the process makes the case due N working days after it started; an `alur:slaPause` element
 * stops the clock while it is active; the case ends met or missed; a calendar change counts every
 * pending working-day deadline again — SLA, task due dates, timers — and no passed one.
 * Hand-checked on the 2026 calendar: T0 is Tuesday 1 December 2026, 15:00 WIB (08:00 UTC).
 */
import { expect } from 'chai';
import { step, slaReport, type ProcessModel, type InstanceState, type StepResult, type Input } from '../../engine/core/index.js';
import { compile } from './support.js';
import type { CalendarData } from '../../engine/calendar/working-days.mjs';

const CAL: CalendarData = { zone: 'Asia/Jakarta', weekend: [6, 7], holidays: ['2026-12-24', '2026-12-25'] };
const withHoliday = (...dates: string[]): CalendarData => ({ ...CAL, holidays: [...(CAL.holidays ?? []), ...dates] });
const T0 = '2026-12-01T08:00:00.000Z';
/** Local WIB time as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

function doc(body: string, processExt = '<alur:sla workingDays="5"/>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:alur="http://alur.go.id/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="izin" isExecutable="true"><bpmn:extensionElements>${processExt}</bpmn:extensionElements>${body}</bpmn:process>
</bpmn:definitions>`;
}
const task = (id: string, ext = '') => `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask/>${ext}</bpmn:extensionElements></bpmn:userTask>`;
const f = (id: string, a: string, b: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${a}" targetRef="${b}"/>`;

/** Verifikasi → Kelengkapan berkas (the applicant's turn: the clock stands) → Keputusan. */
const PAUSING = doc(`<bpmn:startEvent id="S"/>${task('Verifikasi')}${task('Kelengkapan', '<alur:slaPause reason="menunggu pemohon"/>')}${task('Keputusan')}<bpmn:endEvent id="E"/>
  ${f('a', 'S', 'Verifikasi')}${f('b', 'Verifikasi', 'Kelengkapan')}${f('c', 'Kelengkapan', 'Keputusan')}${f('d4', 'Keputusan', 'E')}`);

/** A task due in 3 working days and a timer at `add working days(now(), 3)` beside it. */
const DEADLINES = doc(`<bpmn:startEvent id="S"/><bpmn:parallelGateway id="G"/>${task('Periksa', '<alur:sla workingDays="3"/>')}
  <bpmn:intermediateCatchEvent id="Tunggu"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=add working days(now(), 3)</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  ${task('Setelah')}<bpmn:endEvent id="E1"/><bpmn:endEvent id="E2"/>
  ${f('a', 'S', 'G')}${f('b', 'G', 'Periksa')}${f('c', 'G', 'Tunggu')}${f('d4', 'Periksa', 'E1')}${f('e', 'Tunggu', 'Setelah')}${f('g', 'Setelah', 'E2')}`);

async function model(xml: string): Promise<ProcessModel> {
  return (await compile(xml))[0];
}

class Case {
  state!: InstanceState;
  history: StepResult['history'] = [];
  constructor(readonly m: ProcessModel) {}
  start(now: string, calendar = CAL): StepResult {
    return this.take(step(this.m, null, { type: 'instance.start', instanceId: 'c1', processId: this.m.id }, now, { calendar }));
  }
  input(input: Input, now: string, calendar = CAL): StepResult {
    return this.take(step(this.m, this.state, input, now, { calendar }));
  }
  complete(elementId: string, now: string): StepResult {
    const key = Number(Object.entries(this.state.els).find(([, e]) => e.e === elementId && e.w?.k === 'task')![0]);
    return this.input({ type: 'task.complete', key }, now);
  }
  private take(r: StepResult): StepResult {
    this.state = r.state;
    this.history.push(...r.history);
    return r;
  }
}

describe('core: the case SLA in working days', () => {
  it('given alur:sla workingDays="5" started Tuesday 15:00 WIB, then the case is due the next Tuesday 15:00 WIB and on track', async () => {
    const c = new Case(await model(PAUSING));
    const r = c.start(T0);
    expect(c.state.sla).to.deep.include({ n: 5, due: '2026-12-08T08:00:00.000Z' });
    expect(r.history.find((h) => h.type === 'sla.started')?.data).to.deep.equal({ workingDays: 5, dueAt: '2026-12-08T08:00:00.000Z' });
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-03T09:00:00')))).to.deep.equal({ workingDays: 5, dueAt: '2026-12-08T08:00:00.000Z', state: 'on-track', workingDaysLeft: 3, paused: false });
    // Monday: one working day left (Tuesday) is due soon; Tuesday 16:00 WIB is overdue.
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-07T09:00:00')))).to.include({ state: 'due-soon', workingDaysLeft: 1 });
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-08T16:00:00')))).to.include({ state: 'overdue', workingDaysLeft: -1 });
  });

  it('given a process without alur:sla, then the case has no SLA', async () => {
    const c = new Case(await model(doc(`<bpmn:startEvent id="S"/>${task('T')}<bpmn:endEvent id="E"/>${f('a', 'S', 'T')}${f('b', 'T', 'E')}`, '')));
    c.start(T0);
    expect(c.state.sla).to.equal(undefined);
  });

  it('given the applicant completes the file from Wednesday to Monday, then the clock stands, the due date moves by those 3 working days and the history says so', async () => {
    const c = new Case(await model(PAUSING));
    c.start(T0);
    const paused = c.complete('Verifikasi', wib('2026-12-02T10:00:00'));
    expect(paused.history.find((h) => h.type === 'sla.paused')).to.deep.include({ elementId: 'Kelengkapan', data: { dueAt: '2026-12-08T08:00:00.000Z' } });
    // While paused: the days left stay those of Wednesday (Thu, Fri, Mon, Tue = 4), the due date keeps moving.
    const friday = slaReport(CAL, c.state.sla!, new Date(wib('2026-12-04T11:00:00')));
    expect(friday).to.deep.include({ state: 'on-track', workingDaysLeft: 4, paused: true, pausedSince: wib('2026-12-02T10:00:00'), dueAt: '2026-12-10T08:00:00.000Z' });
    const resumed = c.complete('Kelengkapan', wib('2026-12-07T10:00:00'));
    expect(resumed.history.find((h) => h.type === 'sla.resumed')).to.deep.include({ elementId: 'Kelengkapan', data: { pausedSince: wib('2026-12-02T10:00:00'), workingDaysPaused: 3, dueAt: '2026-12-11T08:00:00.000Z' } });
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-10T09:00:00')))).to.include({ state: 'due-soon', workingDaysLeft: 1, paused: false });
    const ended = c.complete('Keputusan', wib('2026-12-11T16:00:00'));
    expect(ended.history.find((h) => h.type === 'sla.missed')?.data).to.deep.equal({ dueAt: '2026-12-11T08:00:00.000Z', workingDaysLeft: -1 });
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-20T09:00:00')))).to.include({ state: 'missed', workingDaysLeft: -1 });
  });

  it('given the decision comes Friday 14:00 WIB, one hour before the due time, then the SLA is met with 0 days left', async () => {
    const c = new Case(await model(PAUSING));
    c.start(T0);
    c.complete('Verifikasi', wib('2026-12-02T10:00:00'));
    c.complete('Kelengkapan', wib('2026-12-07T10:00:00'));
    const ended = c.complete('Keputusan', wib('2026-12-11T14:00:00'));
    expect(ended.history.map((h) => h.type)).to.include('sla.met');
    expect(slaReport(CAL, c.state.sla!, new Date(wib('2026-12-20T09:00:00')))).to.include({ state: 'met', workingDaysLeft: 0 });
  });

  it('given an applicant turn within one day, then no working day is paused and the due date stays', async () => {
    const c = new Case(await model(PAUSING));
    c.start(T0);
    c.complete('Verifikasi', wib('2026-12-02T10:00:00'));
    c.complete('Kelengkapan', wib('2026-12-02T14:00:00'));
    expect(c.state.sla!.due).to.equal('2026-12-08T08:00:00.000Z');
    expect(c.state.sla!.pauses).to.deep.equal([['2026-12-02T10:00:00.000+07:00', '2026-12-02T14:00:00.000+07:00']]);
  });

  it('given a holiday added on Friday 4 December, when re-planned on Wednesday, then the SLA, the task and the timer move one working day and the history names each', async () => {
    const c = new Case(await model(DEADLINES));
    const started = c.start(T0);
    expect(c.state.sla!.due).to.equal('2026-12-08T08:00:00.000Z');
    expect(started.effects.find((e) => e.type === 'timer.schedule')).to.deep.include({ dueAt: '2026-12-04T08:00:00.000Z' });
    const r = c.input({ type: 'deadlines.replan' }, wib('2026-12-02T09:00:00'), withHoliday('2026-12-04'));
    expect(r.ignored).to.equal(undefined);
    expect(c.state.sla!.due).to.equal('2026-12-09T08:00:00.000Z');
    expect(r.effects).to.deep.include({ type: 'task.due', key: r.effects.find((e) => e.type === 'task.due')!.key, dueAt: '2026-12-07T08:00:00.000Z' });
    expect(r.effects.find((e) => e.type === 'timer.schedule')).to.deep.include({ elementId: 'Tunggu', dueAt: '2026-12-07T08:00:00.000Z' });
    expect(r.history.filter((h) => h.type === 'deadline.replanned').map((h) => [h.elementId, h.data])).to.deep.equal([
      ['izin', { deadline: 'sla', from: '2026-12-08T08:00:00.000Z', to: '2026-12-09T08:00:00.000Z' }],
      ['Periksa', { deadline: 'task', from: '2026-12-04T08:00:00.000Z', to: '2026-12-07T08:00:00.000Z' }],
      ['Tunggu', { deadline: 'timer', from: '2026-12-04T08:00:00.000Z', to: '2026-12-07T08:00:00.000Z' }],
    ]);
    // Removed again: everything back where it was; the same calendar twice moves nothing.
    const back = c.input({ type: 'deadlines.replan' }, wib('2026-12-02T10:00:00'));
    expect(back.effects.map((e) => e.type).sort()).to.deep.equal(['task.due', 'timer.schedule']);
    expect(c.state.sla!.due).to.equal('2026-12-08T08:00:00.000Z');
    expect(c.input({ type: 'deadlines.replan' }, wib('2026-12-02T11:00:00')).ignored).to.match(/no working-day deadline/);
  });

  it('given deadlines already passed, when a holiday before them is added, then they stay (an overdue case stays overdue)', async () => {
    const c = new Case(await model(DEADLINES));
    c.start(T0);
    // Monday 7 December 10:00 WIB: the task (Fri 4) and the timer (Fri 4) have passed; the SLA (Tue 8) has not.
    const late = c.input({ type: 'deadlines.replan' }, wib('2026-12-07T10:00:00'), withHoliday('2026-12-03'));
    expect(late.effects).to.deep.equal([]);
    expect(late.history.filter((h) => h.type === 'deadline.replanned').map((h) => h.data!.deadline)).to.deep.equal(['sla']);
    expect(c.state.sla!.due).to.equal('2026-12-09T08:00:00.000Z');
  });

  it('given a holiday inside a pause, then the due date stays (the clock stood that day anyway)', async () => {
    const c = new Case(await model(PAUSING));
    c.start(T0);
    c.complete('Verifikasi', wib('2026-12-02T10:00:00'));
    c.complete('Kelengkapan', wib('2026-12-07T10:00:00'));
    expect(c.input({ type: 'deadlines.replan' }, wib('2026-12-08T09:00:00'), withHoliday('2026-12-03')).ignored).to.match(/no working-day deadline/);
    expect(c.state.sla!.due).to.equal('2026-12-11T08:00:00.000Z');
  });

  it('given a paused case, when a holiday after the pause began is added, then the due date and the days left at the pause move', async () => {
    const c = new Case(await model(PAUSING));
    c.start(T0);
    c.complete('Verifikasi', wib('2026-12-02T10:00:00'));
    expect(c.state.sla!.paused!.left).to.equal(4);
    c.input({ type: 'deadlines.replan' }, wib('2026-12-03T09:00:00'), withHoliday('2026-12-07'));
    expect(c.state.sla!.due).to.equal('2026-12-09T08:00:00.000Z');
    expect(c.state.sla!.paused!.left).to.equal(4);
    expect(slaReport(withHoliday('2026-12-07'), c.state.sla!, new Date(wib('2026-12-03T09:00:00')))).to.include({ workingDaysLeft: 4, state: 'on-track' });
  });
});

describe('core: searching SLA states by the due instant', () => {
  it('given due instants around the threshold, then due-soon is exactly "due before dueSoonBefore and not past"', async () => {
    const { dueSoonBefore, workingDaysLeft } = await import('../../engine/core/sla.js');
    // Thursday 3 December 20:00 WIB: the second working day after today is Monday 7 (Friday is the first).
    const now = new Date(wib('2026-12-03T20:00:00'));
    expect(dueSoonBefore(CAL, now).toISOString()).to.equal(wib('2026-12-07T00:00:00'));
    // With Friday a holiday: Monday is the first working day, Tuesday the second.
    expect(dueSoonBefore(withHoliday('2026-12-04'), now).toISOString()).to.equal(wib('2026-12-08T00:00:00'));
    for (const local of ['2026-12-03T21:00:00', '2026-12-04T23:59:00', '2026-12-06T12:00:00', '2026-12-07T00:00:00', '2026-12-07T08:00:00', '2026-12-24T08:00:00']) {
      const due = new Date(wib(local));
      const soon = due < dueSoonBefore(CAL, now);
      expect(workingDaysLeft(CAL, now, due)! <= 1, local).to.equal(soon);
    }
  });
});
