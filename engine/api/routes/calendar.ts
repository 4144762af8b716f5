/** The tenant's working-day calendar (API.md, "Working days and deadlines"). */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { calendarBody, holidayBody } from '../schemas.js';
import type { HolidayKind } from '../../store/calendars.js';

export function calendarRoutes(r: Routes, deps: RouteDeps): void {
  const { reads, admin } = deps;

  r.add({ method: 'get', path: '/api/calendar', tag: 'calendar', summary: 'The tenant\'s working-day calendar: zone, weekend (ISO weekdays) and holidays between from and to', query: [
    { name: 'from', schema: { type: 'string', format: 'date' } }, { name: 'to', schema: { type: 'string', format: 'date' } },
  ] }, ({ actor, query }: Ctx<unknown, { from?: string; to?: string }>) => reads.calendar(actor, { from: query.from, to: query.to }));

  r.add<{ zone?: string; weekend?: number[] }>({ method: 'put', path: '/api/calendar', tag: 'calendar', summary: 'Set the zone and weekend (admin); pending working-day deadlines are planned again', body: calendarBody },
    ({ actor, body }) => admin.setCalendar(actor, body));

  r.add<{ date: string; name: string; kind: HolidayKind; source?: string }>({ method: 'post', path: '/api/calendar/holidays', tag: 'calendar', summary: 'Add a holiday (admin); pending working-day deadlines behind it move', body: holidayBody, responses: { 201: 'added' } },
    async ({ actor, body, res }) => {
      const h = await admin.addHoliday(actor, body);
      res.status(201);
      return { date: h.date, name: h.name, kind: h.kind, ...(h.source ? { source: h.source } : {}) };
    });

  r.add({ method: 'delete', path: '/api/calendar/holidays/:date', tag: 'calendar', summary: 'Remove a holiday (admin); pending working-day deadlines behind it move', responses: { 204: 'removed' } },
    async ({ actor, req }) => { await admin.removeHoliday(actor, String(req.params.date)); });
}
