/**
 * Classifies a task's due date for highlighting: overdue, due soon (within a working day), or
 * neither. Pure; `now` is passed in so the list can be tested and re-evaluated on each poll.
 */
export type Urgency = 'overdue' | 'soon' | 'none';

const NEAR_DUE_MS = 24 * 60 * 60 * 1000;

export function urgency(dueDate: string | null, now: Date): Urgency {
  if (!dueDate) return 'none';
  const due = Date.parse(dueDate);
  if (Number.isNaN(due)) return 'none';
  if (due < now.getTime()) return 'overdue';
  if (due - now.getTime() <= NEAR_DUE_MS) return 'soon';
  return 'none';
}

/**
 * The working days a task has left (the server's workingDaysLeft, by the regency's calendar) as a
 * message: "sisa 2 hari kerja", "terlambat 1 hari kerja"; undefined without a due date. English
 * has a singular key for one day.
 */
export function workingDaysMessage(left: number | null | undefined): { key: 'due.working-left' | 'due.working-left-one' | 'due.working-late' | 'due.working-late-one'; n: number } | undefined {
  if (left === null || left === undefined || !Number.isInteger(left)) return undefined;
  const n = Math.abs(left);
  if (left < 0) return { key: n === 1 ? 'due.working-late-one' : 'due.working-late', n };
  return { key: n === 1 ? 'due.working-left-one' : 'due.working-left', n };
}

/** Camunda priorities run 0–100 with 50 the default; the inbox names three bands. */
export function priorityBand(priority: number | null): 'high' | 'normal' | 'low' {
  if (priority === null || priority === undefined) return 'normal';
  if (priority >= 75) return 'high';
  if (priority <= 25) return 'low';
  return 'normal';
}
