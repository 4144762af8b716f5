/**
 * The case's service standard (API.md 1.1, "Working days and deadlines"): `<alur:sla
 * workingDays="N"/>` on the process makes the case due N working days after it started, by the
 * tenant's calendar (UU 25/2009 Pasal 21, PermenPANRB 15/2014: *jangka waktu pelayanan*). While an
 * element marked `<alur:slaPause/>` is active — the office waits on the applicant, e.g. to complete
 * the file — the clock stops, and the due date moves later by the working days spent there.
 *
 * What the state keeps is where the deadline is counted from (start, pauses), never only the
 * result: a calendar change (a holiday added or removed) counts it again (`replanSla`). The state
 * of the SLA at a moment (`slaReport`) is a function of the state, the calendar and that moment.
 */
import { addWorkingDays, workingDaysBetween, localDate, offsetMinutes } from '../calendar/working-days.mjs';
import type { CalendarData } from '../calendar/working-days.mjs';
import { zonedIso } from '../expressions/time-zone.js';
import { PLAIN_CALENDAR } from '../expressions/feel.js';
import type { Runtime } from './runtime.js';
import type { CaseSla } from './state.js';
import { ROOT_KEY } from './state.js';
import type { ProcessModel } from './model.js';

export type SlaState = 'on-track' | 'due-soon' | 'overdue' | 'met' | 'missed';
export const SLA_STATES: readonly SlaState[] = ['on-track', 'due-soon', 'overdue', 'met', 'missed'];

/** The working days of the process's `alur:sla`, or undefined when it has none (or a malformed one the deployment refused). */
export function processWorkingDays(model: ProcessModel): number | undefined {
  const text = model.extra?.slaWorkingDays;
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text);
}

const calendarOr = (calendar: CalendarData | undefined): CalendarData => calendar ?? PLAIN_CALENDAR;

/** The due instant (ISO, UTC) of `sla` on `calendar`: N working days plus those spent paused, after the start. */
export function slaDue(calendar: CalendarData | undefined, sla: Pick<CaseSla, 'n' | 'from' | 'pauses'>): string {
  const cal = calendarOr(calendar);
  let days = sla.n;
  for (const [from, to] of sla.pauses ?? []) days += workingDaysBetween(cal, from, to);
  return new Date(addWorkingDays(cal, sla.from, days)).toISOString();
}

/**
 * Working days from `now` until `due`: the working days after today up to and including the due
 * day (0 when it is due later today); once overdue, minus the working days since the due day, at
 * least -1 (an hour late is "terlambat 1 hari kerja"). Null without a due date.
 */
export function workingDaysLeft(calendar: CalendarData | undefined, now: Date, due: Date | null): number | null {
  if (!due) return null;
  const cal = calendarOr(calendar);
  if (due.getTime() >= now.getTime()) return workingDaysBetween(cal, now.toISOString(), due.toISOString());
  return -Math.max(1, workingDaysBetween(cal, due.toISOString(), now.toISOString()));
}

/** The state while the case runs: overdue past the due instant, due-soon with one working day or less left. */
export function runningState(left: number, due: Date, at: Date): SlaState {
  if (due.getTime() < at.getTime()) return 'overdue';
  return left <= 1 ? 'due-soon' : 'on-track';
}

/**
 * The instant from which a running case has more than one working day left at `now`: the local
 * midnight that begins the second working day after today. A due instant before it (and not
 * past) is `due-soon` — so a search can judge running clocks by their due instant alone.
 */
export function dueSoonBefore(calendar: CalendarData | undefined, now: Date): Date {
  const cal = calendarOr(calendar);
  const second = addWorkingDays(cal, localDate(cal, now.toISOString()), 2);
  const utcMidnight = Date.parse(`${second}T00:00:00Z`);
  return new Date(utcMidnight - offsetMinutes(cal.zone ?? 'UTC', new Date(utcMidnight)) * 60_000);
}

/** Opens the case's SLA when the process has one (the start step). */
export function openSla(rt: Runtime): void {
  const n = processWorkingDays(rt.model);
  if (n === undefined) return;
  const cal = calendarOr(rt.calendar);
  const sla: CaseSla = { n, from: zonedIso(rt.now, cal.zone ?? 'UTC'), due: '' };
  sla.due = slaDue(cal, sla);
  rt.state.sla = sla;
  rt.log({ type: 'sla.started', elementId: rt.model.id, data: { workingDays: n, dueAt: sla.due } });
}

/** The active element that stops the clock, if any (the first by key). */
function pausingElement(rt: Runtime): string | undefined {
  if (rt.state.status !== 'active') return undefined;
  for (const k of Object.keys(rt.state.els).map(Number).sort((a, b) => a - b)) {
    if (k === ROOT_KEY) continue;
    const e = rt.state.els[k].e;
    if (rt.model.elements[e]?.slaPause) return e;
  }
  return undefined;
}

/**
 * After every step: the clock stops when an `alur:slaPause` element became active, runs again when
 * none is active any more (the working days in between move the due date), and the SLA ends with
 * the case — met when it ended by its due instant, missed after it. An element that starts and
 * ends within one step never stops the clock.
 */
export function followSla(rt: Runtime): void {
  const sla = rt.state.sla;
  if (!sla || sla.end) return;
  const cal = calendarOr(rt.calendar);
  const here = zonedIso(rt.now, cal.zone ?? 'UTC');
  const pauser = pausingElement(rt);
  if (sla.paused && !pauser) {
    const { at, e } = sla.paused;
    delete sla.paused;
    sla.pauses = [...(sla.pauses ?? []), [at, here]];
    sla.due = slaDue(cal, sla);
    rt.log({ type: 'sla.resumed', elementId: e, data: { pausedSince: new Date(at).toISOString(), workingDaysPaused: workingDaysBetween(cal, at, here), dueAt: sla.due } });
  } else if (!sla.paused && pauser) {
    sla.paused = { at: here, e: pauser, left: workingDaysLeft(cal, new Date(rt.now), new Date(sla.due))! };
    rt.log({ type: 'sla.paused', elementId: pauser, data: { dueAt: sla.due } });
  }
  if (rt.state.status !== 'active') {
    const met = Date.parse(rt.now) <= Date.parse(sla.due);
    sla.end = { at: rt.now, state: met ? 'met' : 'missed' };
    rt.log({ type: met ? 'sla.met' : 'sla.missed', elementId: rt.model.id, data: { dueAt: sla.due, workingDaysLeft: workingDaysLeft(cal, new Date(rt.now), new Date(sla.due)) } });
  }
}

/**
 * Counts the due date again on the calendar the step was given (a calendar change): unless the
 * SLA ended, or its due instant already passed (a passed deadline stays where it was — for a
 * paused case, passed when it was paused). Returns whether it moved (history `deadline.replanned`).
 */
export function replanSla(rt: Runtime): boolean {
  const sla = rt.state.sla;
  if (!sla || sla.end) return false;
  const reference = sla.paused ? Date.parse(sla.paused.at) : Date.parse(rt.now);
  if (Date.parse(sla.due) <= reference) return false;
  const due = slaDue(rt.calendar, sla);
  if (due === sla.due) return false;
  rt.log({ type: 'deadline.replanned', elementId: rt.model.id, data: { deadline: 'sla', from: sla.due, to: due } });
  sla.due = due;
  if (sla.paused) sla.paused.left = workingDaysLeft(rt.calendar, new Date(sla.paused.at), new Date(due))!;
  return true;
}

/** What the API shows of a case's SLA (API.md: `sla: { workingDays, dueAt, state, workingDaysLeft }`), and whether its clock stands. */
export interface SlaReport {
  workingDays: number;
  dueAt: string;
  state: SlaState;
  workingDaysLeft: number;
  paused: boolean;
  /** While paused: since when (the working days from then on move `dueAt`). */
  pausedSince?: string;
}

/**
 * The SLA of a case at `now`. While paused, the days left are those left when the clock stopped
 * and `dueAt` is where the deadline lands if the clock runs again now; once ended, `met` or
 * `missed`, with the working days that were left (negative: late) when the case ended.
 */
export function slaReport(calendar: CalendarData | undefined, sla: CaseSla, now: Date): SlaReport {
  const cal = calendarOr(calendar);
  const due = new Date(sla.due);
  if (sla.end) {
    return { workingDays: sla.n, dueAt: sla.due, state: sla.end.state, workingDaysLeft: workingDaysLeft(cal, new Date(sla.end.at), due)!, paused: false };
  }
  if (sla.paused) {
    const at = new Date(sla.paused.at);
    const left = sla.paused.left;
    const projected = slaDue(cal, { ...sla, pauses: [...(sla.pauses ?? []), [sla.paused.at, zonedIso(now.toISOString(), cal.zone ?? 'UTC')]] });
    return { workingDays: sla.n, dueAt: projected, state: runningState(left, due, at), workingDaysLeft: left, paused: true, pausedSince: at.toISOString() };
  }
  const left = workingDaysLeft(cal, now, due)!;
  return { workingDays: sla.n, dueAt: sla.due, state: runningState(left, due, now), workingDaysLeft: left, paused: false };
}
