/**
 * Each tenant's working-day calendar (API.md, "Working days and deadlines"): read for every step
 * (FEEL's working-day functions, service-standard deadlines) through a short-lived cache, and
 * changed by admins. A tenant that never changed its calendar works by the one Alur ships
 * (engine/calendar/indonesia-holidays.json) in Asia/Jakarta — or the installation's ALUR_TIMEZONE —
 * with Saturday and Sunday off; its first change copies that calendar into its own rows.
 *
 * Other processes (API replicas, workers) see a change within the cache's lifetime (30 s); the
 * deadlines they planned meanwhile on the older version are planned again, because every re-plan
 * takes what was computed on a version older than the current one.
 */
import { insertAudit } from '../store/audit.js';
import { auditRow, difference } from './people.js';
import type { Knex } from 'knex';
import shipped from '../calendar/indonesia-holidays.json' with { type: 'json' };
import type { CalendarData } from '../calendar/working-days.mjs';
import { offsetMinutes } from '../calendar/working-days.mjs';
import { workingDaysLeft, slaReport, dueSoonBefore, type CaseSla, type SlaReport, type SlaState } from '../core/index.js';
import type { EngineDeps } from './context.js';
import type { Db } from '../store/db.js';
import { findCalendar, listHolidays, lockCalendar, insertCalendar, updateCalendar, insertHoliday, deleteHoliday, type HolidayRow, type HolidayKind, type CalendarRow } from '../store/calendars.js';
import { requireRole, tenantOf, type Actor } from './actor.js';
import { Conflict, InvalidInput, NotFound } from './errors.js';
import { entry, text } from '../messages/index.js';
import { replanDeadlines } from './replan.js';

export const DEFAULT_ZONE = 'Asia/Jakarta';
export const DEFAULT_WEEKEND = [6, 7];
export const HOLIDAY_KINDS: HolidayKind[] = ['national', 'cuti-bersama', 'regional', 'closure'];

/** The calendar Alur ships: national holidays and cuti bersama with their decrees. */
export function shippedHolidays(): HolidayRow[] {
  return shipped.holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind as HolidayKind, source: h.source }));
}

/** Which years the shipped calendar covers, and whether each is complete. */
export const SHIPPED_YEARS: Record<string, { complete: boolean; decrees: string[]; note?: string }> = shipped.years;

export interface TenantCalendar {
  zone: string;
  weekend: number[];
  holidays: HolidayRow[];
  /** 0 while the tenant works by the shipped calendar; raised by every change. */
  version: number;
  /** What the core is handed: the same object for as long as the cache keeps it. */
  data: CalendarData;
}

function calendarOf(zone: string, weekend: number[], holidays: HolidayRow[], version: number): TenantCalendar {
  return { zone, weekend, holidays, version, data: Object.freeze({ zone, weekend: [...weekend], holidays: holidays.map((h) => h.date) }) };
}

/** Reads the tenant's calendar from the tables (no cache). */
export async function loadCalendar(db: Db, tenant: string, defaultZone = DEFAULT_ZONE): Promise<TenantCalendar> {
  const row = await findCalendar(db, tenant);
  if (!row) return calendarOf(defaultZone, DEFAULT_WEEKEND, shippedHolidays(), 0);
  return calendarOf(row.zone, row.weekend, await listHolidays(db, tenant), row.version);
}

/**
 * How long a process keeps a tenant's calendar: a step reads it for free meanwhile (a read per
 * tenant and process every 30 s instead of one per command).
 */
export const CALENDAR_TTL_MS = 30_000;

/** Calendars by tenant, each kept for `ttlMs` (a change made in this process drops its entry at once). */
export class CalendarCache {
  private readonly entries = new Map<string, { at: number; calendar: Promise<TenantCalendar> }>();

  constructor(private readonly ttlMs = CALENDAR_TTL_MS, private readonly maxEntries = 10_000) {}

  get(db: Db, tenant: string, defaultZone?: string): Promise<TenantCalendar> {
    const hit = this.entries.get(tenant);
    const now = performance.now();
    if (hit && now - hit.at < this.ttlMs) return hit.calendar;
    const calendar = loadCalendar(db, tenant, defaultZone);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tenant, { at: now, calendar });
    calendar.catch(() => this.entries.delete(tenant));
    return calendar;
  }

  forget(tenant: string): void {
    this.entries.delete(tenant);
  }
}

const caches = new WeakMap<EngineDeps, CalendarCache>();
function cacheOf(deps: EngineDeps): CalendarCache {
  if (deps.calendars) return deps.calendars;
  let cache = caches.get(deps);
  if (!cache) caches.set(deps, (cache = new CalendarCache()));
  return cache;
}

/** The tenant's calendar as the engine uses it now. */
export function tenantCalendar(ctx: { deps: EngineDeps }, db: Db, tenant: string): Promise<TenantCalendar> {
  return cacheOf(ctx.deps).get(db, tenant, ctx.deps.timeZone ?? DEFAULT_ZONE);
}

// ---- the API's reads and changes ----------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function checkDate(date: string, path: string): void {
  const m = DATE.exec(date);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !d || d.toISOString().slice(0, 10) !== date) throw new InvalidInput(text('calendar.date-invalid', { date }), [entry({ path }, text('calendar.date-invalid', { date }))]);
}

export interface CalendarView { zone: string; weekend: number[]; holidays: Array<{ date: string; name: string; kind: HolidayKind; source?: string }> }

/** GET /api/calendar: any user of the tenant; holidays between from and to when given. */
export async function readCalendar(knex: Knex, deps: EngineDeps, actor: Actor, range: { from?: string; to?: string }): Promise<CalendarView> {
  const tenant = tenantOf(actor);
  if (range.from) checkDate(range.from, 'from');
  if (range.to) checkDate(range.to, 'to');
  if (range.from && range.to && range.from > range.to) throw new InvalidInput(text('calendar.range-invalid'), [entry({ path: 'from' }, text('calendar.range-invalid'))]);
  const cal = await loadCalendar(knex, tenant, deps.timeZone ?? DEFAULT_ZONE);
  const holidays = cal.holidays.filter((h) => (!range.from || h.date >= range.from) && (!range.to || h.date <= range.to));
  return { zone: cal.zone, weekend: cal.weekend, holidays: holidays.map((h) => ({ date: h.date, name: h.name, kind: h.kind, ...(h.source ? { source: h.source } : {}) })) };
}

/** Told after a calendar change committed: re-plans the tenant's pending working-day deadlines. */
export type CalendarChanged = (tenant: string, calendar: TenantCalendar) => Promise<void> | void;

type CalendarChange = Partial<Pick<CalendarRow, 'zone' | 'weekend'>> & { holiday?: { action: 'holiday-added' | 'holiday-removed'; row: Record<string, unknown> } };

/** `day`: the holiday added or removed (only deadlines due from then on can move); none for a zone or weekend change. */
async function change(knex: Knex, deps: EngineDeps, actor: Actor, apply: (trx: Knex.Transaction, row: CalendarRow) => Promise<CalendarChange>, day?: string): Promise<void> {
  requireRole(actor, text('action.change-calendar'), 'admin');
  const tenant = tenantOf(actor);
  const now = deps.clock.now();
  await knex.transaction(async (trx) => {
    let row = await lockCalendar(trx, tenant);
    if (!row) {
      // The first change copies the shipped calendar; a concurrent first change waits on the key.
      const fresh = { tenant_id: tenant, zone: deps.timeZone ?? DEFAULT_ZONE, weekend: DEFAULT_WEEKEND, version: 0, updated_at: now };
      await insertCalendar(trx, fresh, shippedHolidays());
      row = (await lockCalendar(trx, tenant))!;
    }
    const changed = await apply(trx, row);
    const next = { zone: changed.zone ?? row.zone, weekend: changed.weekend ?? row.weekend };
    await updateCalendar(trx, tenant, { ...next, version: row.version + 1, updated_at: now });
    // The audit of administration (API 1.1): who changed the working days, with before and after.
    const diff = changed.holiday
      ? changed.holiday.action === 'holiday-added' ? { before: null, after: changed.holiday.row } : { before: changed.holiday.row, after: null }
      : difference({ zone: row.zone, weekend: row.weekend }, next);
    await insertAudit(trx, [auditRow(tenant, actor, 'calendar', tenant, changed.holiday?.action ?? 'changed', diff.before, diff.after)]);
  });
  cacheOf(deps).forget(tenant);
  const calendar = await tenantCalendar({ deps }, knex, tenant);
  await replanDeadlines(deps, tenant, calendar, { day });
  // Other processes may still plan on the old calendar until their cache expires: count again then.
  const again = setTimeout(() => {
    loadCalendar(knex, tenant, deps.timeZone ?? DEFAULT_ZONE).then((latest) => replanDeadlines(deps, tenant, latest, { day })).catch(() => undefined);
  }, CALENDAR_TTL_MS + 1_000);
  again.unref();
  await deps.onCalendarChanged?.(tenant, calendar);
}

/** PUT /api/calendar { zone?, weekend? } (admins). */
export async function setCalendar(knex: Knex, deps: EngineDeps, actor: Actor, body: { zone?: string; weekend?: number[] }): Promise<CalendarView> {
  if (body.zone !== undefined) {
    try {
      offsetMinutes(body.zone, new Date(0));
    } catch {
      throw new InvalidInput(text('calendar.zone-unknown', { zone: body.zone }), [entry({ path: 'zone' }, text('calendar.zone-unknown', { zone: body.zone }))]);
    }
  }
  const weekend = body.weekend === undefined ? undefined : [...new Set(body.weekend)].sort();
  if (weekend && weekend.length === 7) throw new InvalidInput(text('calendar.no-working-day'), [entry({ path: 'weekend' }, text('calendar.no-working-day'))]);
  await change(knex, deps, actor, async () => ({ zone: body.zone, weekend }));
  return readCalendar(knex, deps, actor, {});
}

/** POST /api/calendar/holidays { date, name, kind } (admins); 409 when the day is already a holiday. */
export async function addHoliday(knex: Knex, deps: EngineDeps, actor: Actor, body: { date: string; name: string; kind: HolidayKind; source?: string }): Promise<HolidayRow> {
  checkDate(body.date, 'date');
  const holiday: HolidayRow = { date: body.date, name: body.name, kind: body.kind, source: body.source ?? null };
  await change(knex, deps, actor, async (trx, row) => {
    if (!(await insertHoliday(trx, row.tenant_id, holiday))) {
      const existing = (await listHolidays(trx, row.tenant_id, body.date, body.date))[0];
      throw new Conflict(text('calendar.holiday-exists', { date: body.date, name: existing?.name ?? '' }));
    }
    return { holiday: { action: 'holiday-added', row: { ...holiday } } };
  }, body.date);
  return holiday;
}

/** DELETE /api/calendar/holidays/{date} (admins); 404 when that day is no holiday. */
export async function removeHoliday(knex: Knex, deps: EngineDeps, actor: Actor, date: string): Promise<void> {
  checkDate(date, 'date');
  await change(knex, deps, actor, async (trx, row) => {
    const [removed] = await listHolidays(trx, row.tenant_id, date, date);
    if (!(await deleteHoliday(trx, row.tenant_id, date))) throw new NotFound(text('calendar.holiday-not-found', { date }));
    return { holiday: { action: 'holiday-removed', row: { ...(removed ?? { date }) } } };
  }, date);
}

/** Working days from `now` until `due` (API.md `workingDaysLeft`; core/sla.ts, where the case SLA counts the same way). */
export { workingDaysLeft };

/** The tenant's `workingDaysLeft` for task views, by its calendar at the engine's now. */
export async function daysLeftOf(deps: EngineDeps, tenant: string): Promise<(due: Date | null) => number | null> {
  const calendar = await tenantCalendar({ deps }, deps.knex, tenant);
  const now = deps.clock.now();
  return (due) => workingDaysLeft(calendar.data, now, due);
}

/** The case SLA at the engine's now by the tenant's calendar (API.md `sla: { workingDays, dueAt, state, workingDaysLeft }`), null without one. */
export async function slaOf(deps: EngineDeps, tenant: string): Promise<(sla: CaseSla | null | undefined) => SlaReport | null> {
  const calendar = await tenantCalendar({ deps }, deps.knex, tenant);
  const now = deps.clock.now();
  return (sla) => (sla ? slaReport(calendar.data, sla, now) : null);
}

/** What a search by `slaState` needs at the engine's now: the state, now, and where due-soon ends by the tenant's calendar. */
export async function slaSearch(deps: EngineDeps, tenant: string, state: SlaState): Promise<{ state: SlaState; now: Date; soon: Date }> {
  const calendar = await tenantCalendar({ deps }, deps.knex, tenant);
  const now = deps.clock.now();
  return { state, now, soon: dueSoonBefore(calendar.data, now) };
}
