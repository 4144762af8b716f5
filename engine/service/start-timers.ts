/**
 * Timer start events: a new version's timers replace the previous version's; firing one starts
 * an instance at that start event and, for a cycle, schedules the next round.
 */
import { randomUUID } from 'node:crypto';
import type { TimerDef } from '../core/index.js';
import { inlineEvaluator } from '../expressions/feel.js';
import type { DefinitionRow, DefinitionHead } from '../store/definitions.js';
import { insertStartTimer, deleteStartTimers, type TimerRow } from '../store/timers.js';
import { addDuration } from '../runner/duration.js';
import type { TxContext } from './context.js';

/** First due time and repetition of a start timer, or undefined when it cannot be evaluated. */
export function firstDue(timer: TimerDef, now: Date): { due: Date; repeat: TimerRow['repeat'] } | undefined {
  let text: unknown;
  if ('value' in timer.expr) text = timer.expr.value;
  else {
    const r = inlineEvaluator.evaluate(timer.expr.feel, {}, now.toISOString());
    if (!r.ok) return undefined;
    text = r.value;
  }
  if (typeof text !== 'string') return undefined;
  try {
    if (timer.type === 'date') {
      const due = new Date(text);
      return Number.isNaN(due.getTime()) ? undefined : { due, repeat: null };
    }
    if (timer.type === 'duration') return { due: addDuration(now, text), repeat: null };
    const m = /^R(\d*)\/(?:([^/]+)\/)?(P[^/]+)$/.exec(text);
    if (!m) return undefined;
    const start = m[2] ? new Date(m[2]) : now;
    const left = m[1] === '' ? null : Number(m[1]) - 1;
    return { due: m[2] ? start : addDuration(now, m[3]), repeat: left === 0 ? null : { left, every: m[3] } };
  } catch {
    return undefined;
  }
}

export async function scheduleStartTimers(tx: TxContext, def: DefinitionRow, previous: DefinitionHead | undefined): Promise<void> {
  if (previous) await deleteStartTimers(tx.trx, [previous.id]);
  for (const elementId of def.model.timerStarts) {
    const ev = def.model.elements[elementId]?.event;
    if (ev?.kind !== 'timer') continue;
    const first = firstDue(ev.timer, tx.now);
    if (!first) continue;
    await insertStartTimer(tx.trx, { id: randomUUID(), tenant_id: def.tenant_id, instance_id: null, key: null, definition_id: def.id, element_id: elementId, due_at: first.due, repeat: first.repeat });
    tx.wake = true;
  }
}
