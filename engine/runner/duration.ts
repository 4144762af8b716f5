/**
 * ISO 8601 durations (`P3D`, `PT2H30M`, `P1Y2M`, `P2W`, `-P1D`) added to instants. Years and months
 * move the calendar (31 January + P1M = 3 March, as Date does); days are 24 hours (UTC, so no DST).
 */
import { parseDuration as parseIso, type Duration } from '../core/timers.js';

/** Parses a duration (the core's parser); throws a clear error naming the text when it is not one. */
export function parseDuration(text: string): Duration {
  const d = parseIso(text);
  if (!d) throw new Error(`not an ISO 8601 duration: ${JSON.stringify(text)}`);
  return d;
}

/** Adds a (possibly negative) duration to an instant. */
export function addDuration(at: Date, text: string): Date {
  const d = parseDuration(text);
  // The core's parser accepts a leading minus; clock offsets use it to go back in time.
  const sign = text.trim().startsWith('-') ? -1 : 1;
  const ms = Math.round((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60_000 + d.seconds * 1000);
  const result = new Date(at.getTime());
  if (d.years || d.months) result.setUTCMonth(result.getUTCMonth() + sign * (d.years * 12 + d.months));
  return new Date(result.getTime() + sign * ms);
}

/** Milliseconds a duration spans from `at` (months depend on the start). */
export function durationMs(text: string, at: Date = new Date(0)): number {
  return addDuration(at, text).getTime() - at.getTime();
}
