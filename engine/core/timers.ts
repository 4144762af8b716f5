/**
 * ISO 8601 time arithmetic for timer events, without reading the clock: every function takes
 * `now` as an ISO string. Durations: PnYnMnDTnHnMnS and PnW; cycles: R[n]/<duration>.
 */

const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration { years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }

export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(2), months: n(3), weeks: n(4), days: n(5), hours: n(6), minutes: n(7), seconds: n(8) };
}

/** Adds a duration to an instant (calendar months/years in UTC). */
export function addDuration(now: string, d: Duration): string {
  const t = new Date(now);
  if (d.years || d.months) t.setUTCMonth(t.getUTCMonth() + d.years * 12 + d.months);
  const ms = (((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000;
  return new Date(t.getTime() + ms).toISOString();
}

export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim()) && !Number.isNaN(Date.parse(text.trim()));
}

/**
 * An ISO date or date-time as epoch milliseconds. A date-time without an offset is read as UTC:
 * JavaScript would read it in the machine's time zone, and the core must not depend on the machine.
 */
export function parseInstant(text: string): number | undefined {
  const t = text.trim();
  if (!isDate(t)) return undefined;
  const ms = Date.parse(t.includes('T') && !/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? `${t}Z` : t);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface Cycle { repetitions: number | null; every: Duration; everyText: string; start?: string }

/** Parses `R3/PT10M`, `R/PT1H` or `R3/2026-01-01T00:00:00Z/PT1H`. */
export function parseCycle(text: string): Cycle | undefined {
  const parts = text.trim().split('/');
  const m = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!m) return undefined;
  const repetitions = m[1] === '' ? null : Number(m[1]);
  const durationText = parts.length === 3 ? parts[2] : parts[1];
  const start = parts.length === 3 ? parts[1] : undefined;
  const every = durationText ? parseDuration(durationText) : undefined;
  if (!every || (start && !isDate(start))) return undefined;
  return { repetitions, every, everyText: durationText!, start };
}

/** The due time of a timer given its kind and (evaluated) text; undefined when the text is invalid. */
export function dueTime(kind: 'date' | 'duration' | 'cycle', text: string, now: string): { due: string; cycle?: { left: number | null; every: string } } | undefined {
  if (kind === 'date') {
    const at = parseInstant(text);
    return at === undefined ? undefined : { due: new Date(at).toISOString() };
  }
  if (kind === 'duration') {
    const d = parseDuration(text);
    return d ? { due: addDuration(now, d) } : undefined;
  }
  const c = parseCycle(text);
  if (!c) return undefined;
  const start = c.start === undefined ? undefined : parseInstant(c.start);
  const first = start !== undefined && start > Date.parse(now) ? new Date(start).toISOString() : addDuration(now, c.every);
  return { due: first, cycle: { left: c.repetitions === null ? null : c.repetitions - 1, every: c.everyText } };
}
