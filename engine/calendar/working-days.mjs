/**
 * Working-day arithmetic over a calendar given as data: `{ zone, weekend, holidays }` — the zone
 * the office keeps (IANA name or offset), its days off as ISO weekday numbers (Monday 1 … Sunday
 * 7) and its holidays as local dates (YYYY-MM-DD). Pure and deterministic: it reads no clock, no
 * store and no environment; whoever calls it hands the calendar in.
 *
 * Plain JavaScript (with working-days.d.mts beside it) because the bounded FEEL evaluator's worker
 * thread runs without a TypeScript loader and must count exactly as the engine does.
 *
 * Semantics (API.md, "Working days and deadlines"): `addWorkingDays(from, n)` is the date n
 * working days after from's local date, days counted strictly after it (Friday + 1 and Saturday + 1
 * are both Monday), at from's local time; n = 0 is from itself. `workingDaysBetween(from, to)`
 * counts the working days after from's date up to and including to's date (negative when to is
 * earlier). A date-time is read in the calendar's zone: 23:30 WIB on Friday is still Friday.
 */

const DAY_MS = 86_400_000;
/** No deadline in a public service runs past a century; a calendar without working days must not loop. */
const MAX_SPAN_DAYS = 36_600;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?(?:@([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*)|\[([^\]]+)\])?$/;

/** Minutes east of UTC of `zone` at `at`; throws on a zone that is neither an offset nor an IANA name. */
/**
 * One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and a
 * calendar change counts every pending deadline of a tenant in a few of these calls each.
 */
const formatters = new Map();
function formatterOf(zone) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
}

export function offsetMinutes(zone, at) {
  const fixed = /^(?:Z|UTC|([+-])(\d{2}):?(\d{2}))$/.exec(String(zone).trim());
  if (fixed) return fixed[1] ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) : 0;
  let name;
  try {
    name = formatterOf(zone).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    throw new Error(`unknown time zone ${JSON.stringify(zone)}: give an IANA name (Asia/Jakarta) or an offset (+07:00)`);
  }
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!m) throw new Error(`cannot read the offset of time zone ${JSON.stringify(zone)}`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

function offsetText(minutes) {
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a valid Y-M-D, or undefined for a day the calendar lacks (30 February). */
function dayNumber(y, m, d) {
  const ms = Date.UTC(y, m - 1, d);
  const t = new Date(ms);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

function ymd(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday (Monday 1 … Sunday 7) of a day number. */
function weekday(day) {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
}

/**
 * A calendar checked once: zone readable, weekend ISO weekdays, holidays as a set of local dates.
 * @param {{ zone?: string, weekend?: number[], holidays?: Array<string | { date: string }> }} calendar
 */
export function compileCalendar(calendar) {
  const zone = calendar?.zone ?? 'UTC';
  offsetMinutes(zone, new Date(0));
  const weekend = new Set((calendar?.weekend ?? [6, 7]).map(Number));
  for (const w of weekend) if (!Number.isInteger(w) || w < 1 || w > 7) throw new Error(`weekend day ${w} is not an ISO weekday (1 Monday … 7 Sunday)`);
  const holidays = new Set();
  for (const h of calendar?.holidays ?? []) {
    const date = typeof h === 'string' ? h : h?.date;
    const m = DATE_ONLY.exec(String(date));
    const day = m && dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day === undefined || day === null) throw new Error(`holiday ${JSON.stringify(date)} is not a date (YYYY-MM-DD)`);
    holidays.add(day);
  }
  return { zone, weekend, holidays, hasWorkingDay: weekend.size < 7 };
}

const compiled = new WeakMap();
function compiledOf(calendar) {
  if (calendar && typeof calendar === 'object' && 'hasWorkingDay' in calendar && calendar.holidays instanceof Set) return calendar;
  let c = compiled.get(calendar);
  if (!c) {
    c = compileCalendar(calendar);
    if (calendar && typeof calendar === 'object') compiled.set(calendar, c);
  }
  return c;
}

function isWorking(cal, day) {
  return !cal.weekend.has(weekday(day)) && !cal.holidays.has(day);
}

/**
 * Reads a date or date-time (ISO string, optionally with an offset, a `@Zone` or `[Zone]`) as a
 * local day of the calendar's zone. A date-time with an offset or zone is an instant, moved into
 * the calendar's zone; one without is already local wall time.
 * @returns {{ kind: 'date', day: number } | { kind: 'date-time', day: number, time: string } | undefined}
 */
export function readLocal(calendar, text) {
  const cal = compiledOf(calendar);
  const t = String(text).trim();
  const d = DATE_ONLY.exec(t);
  if (d) {
    const day = dayNumber(Number(d[1]), Number(d[2]), Number(d[3]));
    return day === undefined ? undefined : { kind: 'date', day };
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === undefined || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
  const wallMs = day * DAY_MS + ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6] ?? 0)) * 1000 + Math.round(Number(m[7] ?? 0) * 1000);
  const named = m[9] ?? m[10];
  let instant;
  if (m[8] !== undefined) instant = wallMs - offsetMinutes(m[8], new Date(wallMs)) * 60_000;
  else if (named !== undefined) instant = wallMs - offsetMinutes(named, new Date(wallMs)) * 60_000;
  const local = instant === undefined ? wallMs : instant + offsetMinutes(cal.zone, new Date(instant)) * 60_000;
  const localDay = Math.floor(local / DAY_MS);
  const time = new Date(local).toISOString().slice(11, 23);
  return { kind: 'date-time', day: localDay, time };
}

/** The local date-time of `day` at wall `time` (hh:mm:ss.sss) in the calendar's zone, with its offset. */
function writeLocal(cal, day, time) {
  const wallMs = Date.parse(`${ymd(day)}T${time}Z`);
  const minutes = offsetMinutes(cal.zone, new Date(wallMs - offsetMinutes(cal.zone, new Date(wallMs)) * 60_000));
  const clock = time.endsWith('.000') ? time.slice(0, 8) : time;
  return `${ymd(day)}T${clock}${offsetText(minutes)}`;
}

function must(calendar, text, what) {
  const local = readLocal(calendar, text);
  if (!local) throw new Error(`${what} ${JSON.stringify(String(text))} is not a date or date and time`);
  return local;
}

function stepDays(cal, day, n) {
  if (!Number.isInteger(n)) throw new Error(`the number of working days must be a whole number, not ${n}`);
  if (n === 0) return day;
  if (!cal.hasWorkingDay) throw new Error('the calendar has no working day (every weekday is off)');
  const dir = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  let d = day;
  for (let i = 0; left > 0; i++) {
    if (i > MAX_SPAN_DAYS) throw new Error(`${n} working days reach beyond a century`);
    d += dir;
    if (isWorking(cal, d)) left--;
  }
  return d;
}

/** `from` plus n working days (see the header); a date gives a date, a date-time a date-time in the calendar's zone. */
export function addWorkingDays(calendar, from, n) {
  const cal = compiledOf(calendar);
  const local = must(cal, from, 'from');
  if (n === 0) return String(from).trim();
  const day = stepDays(cal, local.day, n);
  return local.kind === 'date' ? ymd(day) : writeLocal(cal, day, local.time);
}

/** Working days after `from`'s local date up to and including `to`'s; negative when `to` is earlier. */
export function workingDaysBetween(calendar, from, to) {
  const cal = compiledOf(calendar);
  const a = must(cal, from, 'from').day;
  const b = must(cal, to, 'to').day;
  if (Math.abs(b - a) > MAX_SPAN_DAYS) throw new Error('the dates lie more than a century apart');
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorking(cal, d)) count++;
  return sign * count;
}

/** Whether `at`'s local date is a working day. */
export function isWorkingDay(calendar, at) {
  const cal = compiledOf(calendar);
  return isWorking(cal, must(cal, at, 'date').day);
}

/** The local date (YYYY-MM-DD) of an instant or date in the calendar's zone. */
export function localDate(calendar, at) {
  return ymd(must(compiledOf(calendar), at, 'date').day);
}
