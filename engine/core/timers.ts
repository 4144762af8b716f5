/**
 * ISO 8601 time arithmetic for timer events, without reading the clock: every function takes
 * `now` as an ISO string. Durations: PnYnMnDTnHnMnS and PnW; dates: YYYY-MM-DD[Thh:mm[:ss[.f]]]
 * with Z or an offset (none is UTC); cycles: R[n]/<duration> and R[n]/<start>/<duration>.
 * `planTimer` is the one judge of what a timer value can be: the core schedules with it and the
 * deployment rule (engine/bpmn/rules/timer-values.ts) refuses with it, so the two cannot drift.
 * `dateProblem` is the same judge for a user task's dueDate/followUpDate (the element opening the
 * task and the rule engine/bpmn/rules/tasks.ts both use it).
 */

const DURATION = /^(-)?P(?=\d|T\d)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;
/** A zone name after a date-time: `…[Asia/Jakarta]` (ISO/Java) or `…@Asia/Jakarta` (FEEL). */
const ZONE_NAME = /\d\[[^\]]*\]|\d@[A-Za-z]/;

/** A parsed duration; `negative` is a leading minus (the runner's clock offsets go back in time). */
export interface Duration { negative: boolean; years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }

export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { negative: m[1] === '-', years: n(2), months: n(3), weeks: n(4), days: n(5), hours: n(6), minutes: n(7), seconds: n(8) };
}

/** Epoch ms `d` after `ms` (calendar months/years in UTC); NaN beyond the representable dates. */
function shift(ms: number, d: Duration): number {
  const sign = d.negative ? -1 : 1;
  const t = new Date(ms);
  if (d.years || d.months) t.setUTCMonth(t.getUTCMonth() + sign * (d.years * 12 + d.months));
  const span = (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
  return new Date(t.getTime() + sign * span).getTime();
}

/** Adds a duration to an instant (calendar months/years in UTC); a negative one goes back. */
export function addDuration(now: string, d: Duration): string {
  return new Date(shift(Date.parse(now), d)).toISOString();
}

/**
 * An ISO date or date-time as epoch milliseconds, or undefined when it is not one or names a day
 * the calendar lacks (JavaScript would roll 30 February over to March). A date-time without an
 * offset, and a date alone (midnight), are read as UTC: the core must not depend on the machine.
 */
export function parseInstant(text: string): number | undefined {
  const t = text.trim();
  const m = DATE.exec(t);
  if (!m) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  const calendar = new Date(Date.UTC(n(1), n(2) - 1, n(3)));
  if (calendar.getUTCMonth() !== n(2) - 1 || calendar.getUTCDate() !== n(3)) return undefined;
  if (n(4) > 23 || n(5) > 59 || n(6) > 59 || n(8) > 23 || n(9) > 59) return undefined;
  const ms = Date.parse(m[4] !== undefined && m[7] === undefined ? `${t}Z` : t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isDate(text: string): boolean {
  return parseInstant(text) !== undefined;
}

export interface Cycle { repetitions: number | null; every: Duration; everyText: string; start?: string }

/** Parses the shape of `R3/PT10M`, `R/PT1H` or `R3/2026-01-01T00:00:00Z/PT1H` (`planTimer` judges it). */
export function parseCycle(text: string): Cycle | undefined {
  const parts = text.trim().split('/');
  const m = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!m || parts.length < 2 || parts.length > 3) return undefined;
  const repetitions = m[1] === '' ? null : Number(m[1]);
  const everyText = parts[parts.length - 1];
  const start = parts.length === 3 ? parts[1] : undefined;
  const every = parseDuration(everyText);
  if (!every || (start !== undefined && !isDate(start))) return undefined;
  return { repetitions, every, everyText, start };
}

export type TimerKind = 'date' | 'duration' | 'cycle';
export interface TimerDue { due: string; cycle?: { left: number | null; every: string } }

/**
 * Why a timer value cannot be scheduled, as data: the core knows no message catalog, so the
 * deployment rules write `code` and `params` in the reader's language (catalog `timer-value.*`,
 * engine/messages/catalog/timer-values.ts) while incidents and logs keep the English of
 * `TIMER_REASONS`. `in-cycle` wraps the reason found inside a cycle.
 */
export interface TimerReason { code: TimerReasonCode; params: Record<string, string>; inner?: TimerReason }

/** The English of each reason; a spec checks the catalog's English is the same text. */
export const TIMER_REASONS = {
  'zone-name': "{value} names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)",
  'no-such-date': '{value} is not a valid calendar date-time (no such day, hour or offset); write one that exists, e.g. 2027-02-28T08:00:00+07:00',
  'not-date': '{value} is not an ISO 8601 date-time; write e.g. 2027-01-01T08:00:00+07:00 or 2027-01-01T01:00:00Z',
  'not-duration': '{value} is not an ISO 8601 duration (e.g. PT15M, P3D)',
  'negative-duration': '{value} is a negative duration, and a timer cannot wait backwards; write {positive}',
  'month-fraction': '{value} has a fraction of a month, which has no fixed length; write whole months or days (e.g. P1M or P45D)',
  'beyond-dates': '{value} lies beyond any date the engine can represent; write a shorter duration',
  'too-short': '{value} repeats more often than the minimum interval of {seconds} s; write a longer interval (e.g. {example})',
  'in-cycle': 'in cycle {cycle}: {reason}',
  cron: '{value} is a cron expression, which the engine does not run; write an ISO 8601 repeating interval (e.g. R/2027-01-01T09:00:00+07:00/P1D for every day at 09:00)',
  'not-cycle': '{value} is not an ISO 8601 repeating interval the engine runs; write R<n>/<duration> (e.g. R3/PT10M) or R<n>/<start>/<duration> (e.g. R/2027-01-01T08:00:00+07:00/P1D)',
  'end-after-duration': '{value} gives an end date, which the engine does not run; write {head}/{every} and let R<n> count the rounds (or {head}/<start>/{every} to begin at a set time)',
  'end-after-start': '{value} gives an end date, which the engine does not run; write {head}/{start}/<interval> (e.g. {head}/{start}/P1D)',
  'zero-interval': '{value} is no time at all, so it would fire back to back for ever; write an interval above zero (e.g. {example})',
  'zero-repetitions': '{value} repeats zero times, so it never fires; write {once} to fire once',
} as const;
export type TimerReasonCode = keyof typeof TIMER_REASONS;

/** A reason in English (incidents, logs, the rules' English message). */
export function timerReasonText(reason: TimerReason): string {
  const values: Record<string, string> = { ...reason.params, ...(reason.inner ? { reason: timerReasonText(reason.inner) } : {}) };
  return TIMER_REASONS[reason.code].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A timer's first due time, or why the engine cannot compute it, saying what to write instead. */
export type TimerPlan = { ok: true; due: TimerDue } | { ok: false; problem: string; reason: TimerReason };

const q = (text: string) => JSON.stringify(text);
const because = (code: TimerReasonCode, params: Record<string, string>, inner?: TimerReason): TimerReason => (inner ? { code, params, inner } : { code, params });
const refuse = (reason: TimerReason): TimerPlan => ({ ok: false, problem: timerReasonText(reason), reason });

const zoneReason = (text: string) => because('zone-name', { value: q(text) });

/** Why `text` is not a date-time `parseInstant` reads, saying what to write instead; undefined when it is one. */
export function dateReason(value: string): TimerReason | undefined {
  const text = value.trim();
  if (parseInstant(text) !== undefined) return undefined;
  if (ZONE_NAME.test(text)) return zoneReason(text);
  return because(DATE.test(text) ? 'no-such-date' : 'not-date', { value: q(text) });
}

/** `dateReason` in English. */
export function dateProblem(value: string): string | undefined {
  const reason = dateReason(value);
  return reason && timerReasonText(reason);
}

/** The duration `text` as a shift from `now`, or why a timer cannot wait it. */
function readDuration(text: string, now: number): { ok: true; d: Duration; after: number } | { ok: false; reason: TimerReason } {
  const d = parseDuration(text);
  if (!d) return { ok: false, reason: because('not-duration', { value: q(text) }) };
  // Read as +5 minutes it would fire at the wrong time, read backwards it would be due before it began.
  if (d.negative) return { ok: false, reason: because('negative-duration', { value: q(text), positive: text.trim().slice(1) }) };
  // setUTCMonth drops a fraction of a month, so P0.5M would silently be no time at all.
  if (!Number.isInteger(d.years * 12 + d.months)) return { ok: false, reason: because('month-fraction', { value: q(text) }) };
  const after = shift(now, d);
  if (Number.isNaN(after)) return { ok: false, reason: because('beyond-dates', { value: q(text) }) };
  return { ok: true, d, after };
}

/** The interval of a cycle in milliseconds, measured from `from` (calendar months vary; the shortest matters little). */
export function cycleIntervalMs(every: string, from: number): number | undefined {
  const d = parseDuration(every);
  if (!d || d.negative) return undefined;
  const after = shift(from, d);
  return Number.isNaN(after) ? undefined : after - from;
}

/** Why a cycle repeating every `every` is too tight for a `minMs` minimum, or undefined when it is not. */
export function cycleTooShort(every: string, minMs: number, from: number): string | undefined {
  const reason = cycleTooShortReason(every, minMs, from);
  return reason && timerReasonText(reason);
}

function cycleTooShortReason(every: string, minMs: number, from: number): TimerReason | undefined {
  const ms = cycleIntervalMs(every, from);
  if (ms === undefined || minMs <= 0 || ms >= minMs) return undefined;
  return because('too-short', { value: q(every), seconds: String(minMs / 1000), example: `PT${Math.max(1, Math.ceil(minMs / 60_000))}M` });
}

function planCycle(text: string, now: number, minCycleMs = 0): TimerPlan {
  const inCycle = (inner: TimerReason) => refuse(because('in-cycle', { cycle: q(text) }, inner));
  // Checked before splitting at "/": zone names contain one (Asia/Jakarta).
  if (ZONE_NAME.test(text)) return refuse(zoneReason(text));
  const parts = text.split('/');
  const reps = /^R(\d*)$/.exec(parts[0]);
  if (!reps && /^\S+(\s+\S+){4,6}$/.test(text)) return refuse(because('cron', { value: q(text) }));
  if (!reps || parts.length < 2 || parts.length > 3) return refuse(because('not-cycle', { value: q(text) }));
  if (parts.length === 3 && parseInstant(parts[2]) !== undefined) {
    return refuse(parseDuration(parts[1])
      ? because('end-after-duration', { value: q(text), head: parts[0], every: parts[1] })
      : because('end-after-start', { value: q(text), head: parts[0], start: parts[1] }));
  }
  const start = parts.length === 3 ? parts[1] : undefined;
  const startReason = start === undefined ? undefined : dateReason(start);
  if (startReason) return inCycle(startReason);
  const everyText = parts[parts.length - 1];
  const every = readDuration(everyText, now);
  if (!every.ok) return inCycle(every.reason);
  // A zero interval would fire back to back for ever.
  if (every.after <= now) return inCycle(because('zero-interval', { value: q(everyText), example: [...parts.slice(0, -1), 'PT1M'].join('/') }));
  // A cycle of milliseconds starts instances (or fires a boundary) faster than the server can serve anyone else.
  const tooShort = cycleTooShortReason(everyText, minCycleMs, now);
  if (tooShort) return inCycle(tooShort);
  if (reps[1] !== '' && Number(reps[1]) === 0) return refuse(because('zero-repetitions', { value: q(text), once: text.replace(/^R0+/, 'R1') }));
  const at = start === undefined ? undefined : parseInstant(start)!;
  const due = new Date(at !== undefined && at > now ? at : every.after).toISOString();
  return { ok: true, due: { due, cycle: { left: reps[1] === '' ? null : Number(reps[1]) - 1, every: everyText } } };
}

/**
 * The first due time at `now` of a timer of `kind` whose (evaluated) value is `text`. A cycle
 * repeating more often than `minCycleMs` (the engine's configured minimum; 0: none) is refused.
 */
export function planTimer(kind: TimerKind, text: string, now: string, minCycleMs = 0): TimerPlan {
  const t = text.trim();
  const nowMs = Date.parse(now);
  if (kind === 'date') {
    const reason = dateReason(t);
    return reason ? refuse(reason) : { ok: true, due: { due: new Date(parseInstant(t)!).toISOString() } };
  }
  if (kind === 'duration') {
    const d = readDuration(t, nowMs);
    return d.ok ? { ok: true, due: { due: new Date(d.after).toISOString() } } : refuse(d.reason);
  }
  return planCycle(t, nowMs, minCycleMs);
}

/** The due time of a timer given its kind and (evaluated) text; undefined when `planTimer` refuses it. */
export function dueTime(kind: TimerKind, text: string, now: string): TimerDue | undefined {
  const plan = planTimer(kind, text, now);
  return plan.ok ? plan.due : undefined;
}
