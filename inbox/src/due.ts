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

/** Camunda priorities run 0–100 with 50 the default; the inbox names three bands. */
export function priorityBand(priority: number | null): 'high' | 'normal' | 'low' {
  if (priority === null || priority === undefined) return 'normal';
  if (priority >= 75) return 'high';
  if (priority <= 25) return 'low';
  return 'normal';
}
