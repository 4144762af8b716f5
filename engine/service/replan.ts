/**
 * A calendar change moves the deadlines that have not passed yet (API.md, "Working days and
 * deadlines"): every open task whose due date was counted in working days is counted again from
 * the same starting point on the new calendar. Done in batches of short statements outside any
 * long transaction, so commands keep running meanwhile; a task closed between the read and the
 * write keeps its row. Running it twice gives the same dates (it is a function of the calendar).
 */
import type { Knex } from 'knex';
import { addWorkingDays } from '../calendar/working-days.mjs';
import type { TenantCalendar } from './calendars.js';
import { pendingTaskDues, moveTaskDues } from '../store/working-day-deadlines.js';

export interface Replanned { examined: number; moved: number }

export async function replanDeadlines(knex: Knex, tenant: string, calendar: TenantCalendar, now: Date, batch = 2_000): Promise<Replanned> {
  let after: string | null = null;
  let examined = 0;
  let moved = 0;
  for (;;) {
    const rows = await pendingTaskDues(knex, tenant, now, after, batch);
    if (rows.length === 0) break;
    examined += rows.length;
    after = rows[rows.length - 1].id;
    const moves: Array<{ id: string; due_at: Date }> = [];
    for (const row of rows) {
      const due = new Date(addWorkingDays(calendar.data, row.due_from, row.due_working_days));
      if (due.getTime() !== new Date(row.due_at).getTime()) moves.push({ id: row.id, due_at: due });
    }
    moved += await moveTaskDues(knex, tenant, moves);
    if (rows.length < batch) break;
  }
  return { examined, moved };
}
