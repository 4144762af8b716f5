/**
 * The FEEL functions `add working days(from, n)`, `working days between(from, to)` and
 * `is working day(d)`, bound to one calendar (data, see working-days.mjs). Both evaluators — the
 * inline one (engine/expressions/feel.ts) and the sandbox worker — put these in the context, so an
 * expression counts the same days wherever it runs.
 *
 * A null argument gives null, as FEEL's built-ins do; anything else that is not a date, a date and
 * time or an ISO string of one fails the expression with a message saying so (a deadline that
 * silently became null would never fire). `calls`, when given, receives every `add working days`
 * call as { from, n, result }: the engine keeps the one that produced a deadline so that a calendar
 * change can compute it again from the same starting point.
 */
import { date, dateAndTime } from 'feelin';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.mjs';

export const WORKING_DAY_FUNCTIONS = ['add working days', 'working days between', 'is working day'];

function isoOf(value, name, what) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // FeelDate and FeelDateTime carry a year; a time of day or a duration does not.
  if (typeof value === 'object' && typeof value.iso === 'string' && 'year' in value) return value.iso;
  throw new Error(`${name}: ${what} must be a date or a date and time`);
}

function toFeel(iso) {
  return iso.length === 10 ? date(iso) : dateAndTime(iso);
}

/**
 * The working-day call whose result is the expression's value (`plain`, as JSON): the deadline it
 * gave can be computed again from { from, n } on another calendar. Undefined when the value was
 * not one call's result as it stands (e.g. shifted by a duration afterwards).
 */
export function plannedBy(calls, plain) {
  if (typeof plain !== 'string') return undefined;
  for (let i = calls.length - 1; i >= 0; i--) if (calls[i].result === plain) return { from: calls[i].from, n: calls[i].n };
  return undefined;
}

export function workingDayFunctions(calendar, calls) {
  return {
    'add working days': (from, n) => {
      const start = isoOf(from, 'add working days', 'from');
      if (start === null || n === null || n === undefined) return null;
      const count = typeof n === 'number' ? n : Number(n);
      if (!Number.isInteger(count)) throw new Error(`add working days: n must be a whole number, not ${JSON.stringify(n)}`);
      const result = toFeel(addWorkingDays(calendar, start, count));
      calls?.push({ from: start, n: count, result: JSON.parse(JSON.stringify(result)) });
      return result;
    },
    'working days between': (from, to) => {
      const a = isoOf(from, 'working days between', 'from');
      const b = isoOf(to, 'working days between', 'to');
      if (a === null || b === null) return null;
      return workingDaysBetween(calendar, a, b);
    },
    'is working day': (d) => {
      const at = isoOf(d, 'is working day', 'the day');
      return at === null ? null : isWorkingDay(calendar, at);
    },
  };
}
