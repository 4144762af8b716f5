/**
 * The time zone FEEL's `now()` and `today()` speak. The engine's clock is UTC; a regency in Java
 * works in WIB (+07:00), so without this `today()` at 06:30 WIB is still yesterday and a letter
 * dated with it carries the wrong day. Indonesia keeps no daylight saving, so WIB, WITA and WIT are
 * fixed offsets; any IANA zone (`Asia/Jakarta`) or fixed offset (`+07:00`) is accepted.
 */

import { offsetMinutes } from '../calendar/working-days.mjs';

/** Minutes east of UTC of `zone` at `at`; throws on a zone that is neither an offset nor an IANA name. */
export { offsetMinutes };

/** The instant `utcIso` written as wall time of `zone` with its offset, e.g. 2026-11-30T06:30:00.000+07:00. */
export function zonedIso(utcIso: string, zone: string): string {
  const at = new Date(utcIso);
  if (Number.isNaN(at.getTime())) return utcIso;
  const minutes = offsetMinutes(zone, at);
  const wall = new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, -1);
  if (minutes === 0) return `${wall}Z`;
  const abs = Math.abs(minutes);
  return `${wall}${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
