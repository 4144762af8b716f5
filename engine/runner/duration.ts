/**
 * ISO 8601 durations (`P3D`, `PT2H30M`, `P1Y2M`, `P2W`, `-P1D`) added to instants. Years and months
 * move the calendar (31 January + P1M = 3 March, as Date does); days are 24 hours (UTC, so no DST).
 */
const PATTERN = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration { sign: 1 | -1; years: number; months: number; ms: number }

/** Parses a duration; throws a clear error naming the text when it is not one. */
export function parseDuration(text: string): Duration {
  const m = PATTERN.exec(text.trim());
  if (!m || text.trim() === 'P' || /T$/.test(text.trim())) throw new Error(`not an ISO 8601 duration: ${JSON.stringify(text)}`);
  const n = (i: number) => Number(m[i] ?? 0);
  const ms = (((n(4) * 7 + n(5)) * 24 + n(6)) * 60 + n(7)) * 60_000 + Math.round(n(8) * 1000);
  return { sign: m[1] ? -1 : 1, years: n(2), months: n(3), ms };
}

export function addDuration(at: Date, text: string): Date {
  const d = parseDuration(text);
  const result = new Date(at.getTime());
  if (d.years || d.months) result.setUTCMonth(result.getUTCMonth() + d.sign * (d.years * 12 + d.months));
  return new Date(result.getTime() + d.sign * d.ms);
}

/** Milliseconds a duration spans from `at` (months depend on the start). */
export function durationMs(text: string, at: Date = new Date(0)): number {
  return addDuration(at, text).getTime() - at.getTime();
}
