/**
 * The minimum interval of timer cycles (ALUR_TIMER_MIN_CYCLE_SECONDS, one minute by default):
 * a timer start event `R/PT0.001S` once started 74,000 instances in 8 minutes and froze the
 * server for every tenant. Every literal cycle — start events, boundary events, event-subprocess
 * starts — and every start timer's FEEL cycle (computed at deployment anyway) is checked here, so
 * a shorter one is refused with a 400 naming the element. A FEEL cycle computed at run time is
 * judged by the core with the same minimum (an incident), and rounds of cycles stored before the
 * minimum existed are spaced at least the minimum apart when they are planned.
 */
import type { ProcessModel } from '../core/index.js';
import { cycleIntervalMs, parseCycle } from '../core/timers.js';
import type { FeelEvaluator } from '../expressions/feel.js';
import { text } from '../messages/index.js';
import type { ErrorItem } from './errors.js';
import { firstDue } from './start-timers.js';

/** The interval as people write it: seconds below a minute, else minutes. */
export function describeInterval(ms: number): string {
  return ms % 60_000 === 0 ? `PT${ms / 60_000}M` : `PT${ms / 1000}S`;
}

/** The cycle text of element `id`'s timer, literal or (for a start event) as computed now; undefined when it is no cycle or not known before run time. */
function cycleOf(model: ProcessModel, id: string, now: Date, feel?: FeelEvaluator): string | undefined {
  const el = model.elements[id];
  const ev = el?.event;
  if (ev?.kind !== 'timer' || ev.timer.type !== 'cycle') return undefined;
  if ('value' in ev.timer.expr) return String(ev.timer.expr.value);
  if (!model.timerStarts.includes(id)) return undefined;
  const first = firstDue(ev.timer, now, feel);
  return first.ok && first.repeat ? `R/${first.repeat.every}` : undefined;
}

/** Every timer cycle of `model` repeating more often than `minMs`, as deployment errors naming the element. */
export function cycleMinimumProblems(model: ProcessModel, minMs: number, now: Date, feel?: FeelEvaluator): ErrorItem[] {
  if (minMs <= 0) return [];
  const problems: ErrorItem[] = [];
  for (const id of Object.keys(model.elements)) {
    const cycle = cycleOf(model, id, now, feel);
    const parsed = cycle === undefined ? undefined : parseCycle(cycle);
    if (!parsed) continue;
    const ms = cycleIntervalMs(parsed.everyText, now.getTime());
    if (ms === undefined || ms >= minMs) continue;
    // Named as the analyst named it on the canvas; by its kind and id only when it has no name.
    const name = model.elements[id]?.name?.replace(/\s+/g, ' ').trim();
    const element = name ? `“${name}”` : text('bpmn.unnamed-element', { type: text(`element.${model.elements[id].type}`), id });
    const message = text('timer.cycle-too-short', { element, every: parsed.everyText, minimum: describeInterval(minMs) });
    problems.push({ element: id, message: String(message), text: message });
  }
  return problems;
}
