/**
 * Timer start events: a new version's timers replace the previous version's; firing one starts
 * an instance at that start event and, for a cycle, schedules the next round. A start timer is
 * computed when its definition is deployed, before any instance (or variable) exists, so one
 * whose first due time cannot be computed then is refused at deployment (`startTimerProblems`)
 * instead of never firing.
 */
import { randomUUID } from 'node:crypto';
import type { ProcessModel, TimerDef } from '../core/index.js';
import { parseInstant, planTimer } from '../core/timers.js';
import { timerReasonText } from '../bpmn/rules/timer-values.js';
import { inlineEvaluator, type FeelEvaluator } from '../expressions/feel.js';
import { unboundNames } from '../bpmn/rules/feel-tree.js';
import type { DefinitionRow, DefinitionHead } from '../store/definitions.js';
import { deleteStartTimers, type TimerRow } from '../store/timers.js';
import { addDuration } from '../runner/duration.js';
import type { CommandContext } from './context.js';
import { InvalidInput, type ErrorItem } from './errors.js';
import { phrase, text, type Text } from '../messages/index.js';

/** `reason` in English (logs, specs); `text` the same as catalog text, for the reader's language. */
export type FirstDue = { ok: true; due: Date; repeat: TimerRow['repeat'] } | { ok: false; reason: string; text: Text };

const ATTRIBUTE = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' } as const;
const WANTED = { date: 'start-timer.want-date', duration: 'start-timer.want-duration', cycle: 'start-timer.want-cycle' } as const;

const refused = (why: Text): FirstDue => ({ ok: false, reason: phrase(why, 'en'), text: why });

/**
 * First due time and repetition of a start timer at `now`, or why it cannot be computed. The value
 * is judged by the core's `planTimer`, as a literal is at deployment and a timer at run time. A
 * date already past is kept as it is, so it is due at once (Camunda 8 fires a past timeDate at once).
 */
export function firstDue(timer: TimerDef, now: Date, feel: FeelEvaluator = inlineEvaluator): FirstDue {
  let value: unknown;
  if ('value' in timer.expr) value = timer.expr.value;
  else {
    const r = feel.evaluate(timer.expr.feel, {}, now.toISOString());
    // The evaluator's own words (English) say why; the catalog says around them what failed.
    if (!r.ok) return refused(text('start-timer.feel-failed', { detail: r.error }));
    if (r.value === null || r.value === undefined) {
      const names = unboundNames(timer.expr.feel);
      // FEEL reads a missing variable as null; at deployment every variable is missing.
      return refused(names.length ? text('start-timer.no-variable', { names: names.join(', ') }) : text('start-timer.null'));
    }
    value = r.value;
  }
  if (typeof value !== 'string') return refused(text('start-timer.wrong-type', { value: JSON.stringify(value), wanted: text(WANTED[timer.type]) }));
  const written = value.trim();
  const plan = planTimer(timer.type, written, now.toISOString());
  if (!plan.ok) return refused(timerReasonText(plan.reason));
  if (timer.type === 'date') return { ok: true, due: new Date(parseInstant(written)!), repeat: null };
  if (timer.type === 'duration') return dueAfter(now, written, null);
  return firstOfCycle(written, now);
}

function dueAfter(from: Date, every: string, repeat: TimerRow['repeat']): FirstDue {
  const due = addDuration(from, every);
  if (Number.isNaN(due.getTime())) return refused(text('timer-value.beyond-dates', { value: JSON.stringify(every) }));
  return { ok: true, due, repeat };
}

/** `R<n>/<duration>` or `R<n>/<start>/<duration>` (planTimer has judged it); an absent n repeats for ever. */
function firstOfCycle(cycle: string, now: Date): FirstDue {
  const parts = cycle.split('/');
  const reps = /^R(\d*)$/.exec(parts[0])!;
  const every = parts[parts.length - 1];
  const left = reps[1] === '' ? null : Number(reps[1]) - 1;
  const repeat = left === 0 ? null : { left, every };
  if (parts.length === 2) return dueAfter(now, every, repeat);
  // A start already past fires at once; later rounds follow from the firing, so the missed
  // rounds since the start are not all fired in a burst.
  return { ok: true, due: new Date(Math.max(parseInstant(parts[1])!, now.getTime())), repeat };
}

/** Why each timer start event of `model` cannot be scheduled at `now`; empty when all can. */
export function startTimerProblems(model: ProcessModel, now: Date, feel?: FeelEvaluator): ErrorItem[] {
  const problems: ErrorItem[] = [];
  for (const elementId of model.timerStarts) {
    const ev = model.elements[elementId]?.event;
    if (ev?.kind !== 'timer') continue;
    const first = firstDue(ev.timer, now, feel);
    if (!first.ok) problems.push(startTimerProblem(model, elementId, ev.timer, first.text));
  }
  return problems;
}

/** The refusal of one start timer, after the start event by its name (`bpmn.at`, as the deploy rules write it). */
function startTimerProblem(model: ProcessModel, elementId: string, timer: TimerDef, reason: Text): ErrorItem {
  const source = 'feel' in timer.expr ? `=${timer.expr.feel}` : String(timer.expr.value);
  const why = text('start-timer.uncomputable', { attribute: ATTRIBUTE[timer.type], source: JSON.stringify(source), reason });
  const name = model.elements[elementId]?.name?.replace(/\s+/g, ' ').trim();
  return {
    element: elementId,
    message: `startEvent ${elementId}: ${phrase(why, 'en')}`,
    text: text('bpmn.at', { type: text('element.startEvent'), name: name ? `“${name}”` : elementId, message: why }),
  };
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
    if (!first.ok) throw new InvalidInput(text('deploy.rejected', { count: 1 }), [startTimerProblem(def.model, elementId, ev.timer, first.text)]);
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
