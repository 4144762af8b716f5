/**
 * The time zone a tenant's office keeps: the date of a registration number (and whatever else is
 * written in the office's calendar) is read in it. The one place that decides it, so per-tenant
 * calendars (issue 14, `GET /api/calendar` → `zone`) switch every user at once: until they exist
 * it is the zone configured for the whole installation (ALUR_TIMEZONE, EngineDeps.timeZone), else UTC.
 */
import type { EngineDeps } from './context.js';
import type { Db } from '../store/db.js';

export async function tenantZone(ctx: { trx: Db; deps: EngineDeps }, _tenant: string): Promise<string> {
  return ctx.deps.timeZone ?? 'UTC';
}
