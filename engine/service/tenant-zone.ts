/**
 * The time zone a tenant's office keeps: the date of a registration number (and whatever else is
 * written in the office's calendar) is read in it. It is the zone of the tenant's working-day
 * calendar (GET /api/calendar → zone): Asia/Jakarta, or the installation's ALUR_TIMEZONE, until the
 * tenant sets its own.
 */
import type { EngineDeps } from './context.js';
import type { Db } from '../store/db.js';
import { tenantCalendar } from './calendars.js';

export async function tenantZone(ctx: { trx: Db; deps: EngineDeps }, tenant: string): Promise<string> {
  return (await tenantCalendar(ctx, ctx.trx, tenant)).zone;
}
