/**
 * Timer start events: a new version's timers replace the previous version's; firing one starts
 * an instance at that start event and, for a cycle, schedules the next round. A start timer is
 * computed when its definition is deployed, before any instance (or variable) exists, so one
 * whose first due time cannot be computed then is refused at deployment (`startTimerProblems`)
 * instead of never firing.
 */
import { randomUUID } from 'node:crypto';
import type { ProcessModel, TimerDef } from '../core/index.js';
import { parseDuration, parseInstant } from '../core/timers.js';
import { inlineEvaluator, type FeelEvaluator } from '../expressions/feel.js';
import { unboundNames } from '../bpmn/rules/feel-tree.js';
import type { DefinitionRow, DefinitionHead } from '../store/definitions.js';
import { deleteStartTimers, type TimerRow } from '../store/timers.js';
import { addDuration } from '../runner/duration.js';
import type { CommandContext } from './context.js';
import { InvalidInput, type ErrorItem } from './errors.js';
import { text } from '../messages/index.js';

export type FirstDue = { ok: true; due: Date; repeat: TimerRow['repeat'] } | { ok: false; reason: string };

const ATTRIBUTE = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' } as const;

/**
 * First due time and repetition of a start timer at `now`, or why it cannot be computed. A date
 * already past is kept as it is, so it is due at once (Camunda 8 fires a past timeDate at once).
 */
export function firstDue(timer: TimerDef, now: Date, feel: FeelEvaluator = inlineEvaluator): FirstDue {
  let text: unknown;
  if ('value' in timer.expr) text = timer.expr.value;
  else {
    const r = feel.evaluate(timer.expr.feel, {}, now.toISOString());
    if (!r.ok) return { ok: false, reason: r.error };
    if (r.value === null || r.value === undefined) {
      const names = unboundNames(timer.expr.feel);
      // FEEL reads a missing variable as null; at deployment every variable is missing.
      return { ok: false, reason: names.length ? `no variable ${names.join(', ')} (a start timer is computed before any instance exists)` : 'it evaluates to null' };
    }
    text = r.value;
  }
  if (typeof text !== 'string') return { ok: false, reason: `it evaluates to ${JSON.stringify(text)}, not ${WANTED[timer.type]}` };
  const value = text.trim();
  if (timer.type === 'date') {
    const at = parseInstant(value);
    if (at === undefined) return { ok: false, reason: dateProblem(value) };
    return { ok: true, due: new Date(at), repeat: null };
  }
  if (timer.type === 'duration') {
    const problem = durationProblem(value);
    if (problem) return { ok: false, reason: problem };
    return dueAfter(now, value, null);
  }
  return firstOfCycle(value, now);
}

const WANTED = {
  date: 'an ISO 8601 date-time (e.g. 2027-01-01T08:00:00Z)',
  duration: 'an ISO 8601 duration (e.g. PT15M)',
  cycle: 'an ISO 8601 repeating interval (e.g. R3/PT10M or R/2027-01-01T08:00:00Z/P1D)',
};

function dateProblem(text: string): string {
  if (/\[|@/.test(text)) return `${JSON.stringify(text)} names a time zone; give an offset instead (e.g. 2027-01-01T08:00:00+07:00)`;
  return `${JSON.stringify(text)} is not ${WANTED.date}`;
}

function durationProblem(text: string): string | undefined {
  if (!parseDuration(text)) return `${JSON.stringify(text)} is not ${WANTED.duration}`;
  if (text.startsWith('-')) return `${JSON.stringify(text)} is a negative duration`;
  return undefined;
}

function dueAfter(from: Date, every: string, repeat: TimerRow['repeat']): FirstDue {
  const due = addDuration(from, every);
  if (Number.isNaN(due.getTime())) return { ok: false, reason: `${JSON.stringify(every)} lies beyond any representable date` };
  return { ok: true, due, repeat };
}

/** `R<n>/<duration>` or `R<n>/<start>/<duration>`; an absent n repeats for ever. */
function firstOfCycle(text: string, now: Date): FirstDue {
  const parts = text.split('/');
  const reps = /^R(\d*)$/.exec(parts[0]);
  if (!reps || parts.length < 2 || parts.length > 3) return { ok: false, reason: `${JSON.stringify(text)} is not ${WANTED.cycle}` };
  if (parts.length === 3 && parseDuration(parts[1])) {
    return { ok: false, reason: `${JSON.stringify(text)} gives an end instead of a start; only R<n>/<start>/<duration> is supported` };
  }
  const every = parts[parts.length - 1];
  const problem = durationProblem(every);
  if (problem) return { ok: false, reason: `in cycle ${JSON.stringify(text)}: ${problem}` };
  // A zero-length interval would start instances back to back for ever.
  if (addDuration(now, every).getTime() <= now.getTime()) return { ok: false, reason: `in cycle ${JSON.stringify(text)}: ${JSON.stringify(every)} repeats without any pause` };
  if (reps[1] !== '' && Number(reps[1]) === 0) return { ok: false, reason: `${JSON.stringify(text)} repeats zero times, so it never fires` };
  const left = reps[1] === '' ? null : Number(reps[1]) - 1;
  const repeat = left === 0 ? null : { left, every };
  if (parts.length === 2) return dueAfter(now, every, repeat);
  const start = parseInstant(parts[1]);
  if (start === undefined) return { ok: false, reason: `in cycle ${JSON.stringify(text)}: ${dateProblem(parts[1])}` };
  // A start already past fires at once; later rounds follow from the firing, so the missed
  // rounds since the start are not all fired in a burst.
  return { ok: true, due: new Date(Math.max(start, now.getTime())), repeat };
}

/** Why each timer start event of `model` cannot be scheduled at `now`; empty when all can. */
export function startTimerProblems(model: ProcessModel, now: Date, feel?: FeelEvaluator): ErrorItem[] {
  const problems: ErrorItem[] = [];
  for (const elementId of model.timerStarts) {
    const ev = model.elements[elementId]?.event;
    if (ev?.kind !== 'timer') continue;
    const first = firstDue(ev.timer, now, feel);
    if (!first.ok) problems.push(startTimerProblem(elementId, ev.timer, first.reason));
  }
  return problems;
}

function startTimerProblem(elementId: string, timer: TimerDef, reason: string): ErrorItem {
  const source = 'feel' in timer.expr ? `=${timer.expr.feel}` : String(timer.expr.value);
  return { element: elementId, message: `startEvent ${elementId}: timer ${ATTRIBUTE[timer.type]} ${JSON.stringify(source)} cannot be computed at deployment: ${reason}` };
}

export async function scheduleStartTimers(cx: CommandContext, def: DefinitionRow, previous: DefinitionHead | undefined): Promise<void> {
  if (previous) await deleteStartTimers(cx.uow.db, [previous.id]);
  for (const elementId of def.model.timerStarts) {
    const ev = def.model.elements[elementId]?.event;
    if (ev?.kind !== 'timer') continue;
    const first = firstDue(ev.timer, cx.uow.now, cx.deps.feel);
    // deploy() refused these already; a timer that never fires must never pass unnoticed.
    // The refusal names this evaluation's own reason: evaluating again could disagree (a FEEL
    // budget exceeded on a loaded machine) and refuse with "0 problems".
    if (!first.ok) throw new InvalidInput(text('deploy.rejected', { count: 1 }), [startTimerProblem(elementId, ev.timer, first.reason)]);
    await cx.uow.write([{ type: 'timer.insert-start', row: { id: randomUUID(), tenant_id: def.tenant_id, instance_id: null, key: null, definition_id: def.id, element_id: elementId, due_at: first.due, repeat: first.repeat } }]);
  }
}

/** Rounds a timer start event may skip looking for its next one (a cycle of seconds after months down). */
const MAX_SKIPPED_ROUNDS = 10_000;

/**
 * The round of a start-event cycle after the one that just fired at `due`: the first on the
 * cycle's own grid that is still ahead of `now`. Rounds missed while the engine was down are
 * skipped, not fired in a burst on restart, and count against `R<n>` — the cycle keeps its
 * schedule and its end (Quartz's "next with remaining count"). Rounds are at least `minMs` apart.
 * Undefined when none is left.
 */
export function nextRound(due: Date, repeat: { left: number | null; every: string }, now: Date, minMs = 0): { due: Date; left: number | null; every: string } | undefined {
  let at = new Date(due);
  let left = repeat.left;
  for (let skipped = 0; ; skipped++) {
    if (left !== null && left <= 0) return undefined;
    // A cycle stored before the minimum was set (or raised) still waits at least the minimum.
    at = new Date(Math.max(addDuration(at, repeat.every).getTime(), at.getTime() + minMs));
    left = left === null ? null : left - 1;
    if (at.getTime() > now.getTime()) return { due: at, left, every: repeat.every };
    if (skipped >= MAX_SKIPPED_ROUNDS) return { due: new Date(Math.max(addDuration(now, repeat.every).getTime(), now.getTime() + minMs)), left, every: repeat.every };
  }
}
