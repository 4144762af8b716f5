/**
 * Working-day calendars per tenant (tenant_calendar, calendar_holiday). Dates travel as text
 * (YYYY-MM-DD) both ways: a `date` read as a JavaScript Date would shift with the machine's zone.
 */
import type { Db } from './db.js';

export type HolidayKind = 'national' | 'cuti-bersama' | 'regional' | 'closure';
export interface HolidayRow { date: string; name: string; kind: HolidayKind; source: string | null }
export interface CalendarRow { tenant_id: string; zone: string; weekend: number[]; version: number; updated_at: Date }

export async function findCalendar(db: Db, tenant: string): Promise<CalendarRow | undefined> {
  const row = await db('tenant_calendar').where({ tenant_id: tenant }).first();
  return row ? { ...row, weekend: row.weekend.map(Number) } : undefined;
}

/** Locks the tenant's calendar row for a change (in a transaction). */
export async function lockCalendar(db: Db, tenant: string): Promise<CalendarRow | undefined> {
  const row = await db('tenant_calendar').where({ tenant_id: tenant }).forUpdate().first();
  return row ? { ...row, weekend: row.weekend.map(Number) } : undefined;
}

/** The tenant's holidays between two dates (inclusive; either may be absent), by date. */
export async function listHolidays(db: Db, tenant: string, from?: string, to?: string): Promise<HolidayRow[]> {
  const q = db('calendar_holiday').where({ tenant_id: tenant }).select(db.raw("to_char(date, 'YYYY-MM-DD') as date"), 'name', 'kind', 'source').orderBy('calendar_holiday.date');
  if (from) q.where('calendar_holiday.date', '>=', from);
  if (to) q.where('calendar_holiday.date', '<=', to);
  return q;
}

/**
 * Creates the tenant's own calendar with these holidays (its first change, from the shipped one);
 * false, writing nothing, when it has one already (a concurrent first change won).
 */
export async function insertCalendar(db: Db, row: CalendarRow, holidays: HolidayRow[]): Promise<boolean> {
  const inserted = await db('tenant_calendar').insert(row).onConflict('tenant_id').ignore().returning('tenant_id');
  if (inserted.length === 0) return false;
  for (let i = 0; i < holidays.length; i += 500) {
    await db('calendar_holiday').insert(holidays.slice(i, i + 500).map((h) => ({ tenant_id: row.tenant_id, ...h })));
  }
  return true;
}

/** Saves zone, weekend and the next version. */
export async function updateCalendar(db: Db, tenant: string, change: { zone: string; weekend: number[]; version: number; updated_at: Date }): Promise<void> {
  await db('tenant_calendar').where({ tenant_id: tenant }).update(change);
}

/** Adds a holiday; false when the tenant already has one that day. */
export async function insertHoliday(db: Db, tenant: string, h: HolidayRow): Promise<boolean> {
  const rows = await db('calendar_holiday').insert({ tenant_id: tenant, ...h }).onConflict(['tenant_id', 'date']).ignore().returning('tenant_id');
  return rows.length === 1;
}

/** Removes the holiday of that date; false when there was none. */
export async function deleteHoliday(db: Db, tenant: string, date: string): Promise<boolean> {
  return (await db('calendar_holiday').where({ tenant_id: tenant, date }).delete().returning('tenant_id')).length === 1;
}
