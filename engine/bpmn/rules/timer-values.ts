/**
 * Literal timer values are judged by the core's own timer arithmetic (`planTimer` in
 * engine/core/timers.ts), so a deployment accepts exactly the dates, durations and cycles the
 * engine can schedule: a value that passes here can never become an incident at run time. The
 * core's reason comes back as catalog text (`timer-value.*`), so the reader gets it in their language.
 */
import { planTimer, type TimerKind, type TimerReason, type TimerReasonCode } from '../../core/timers.js';
import { text, type Text, type MessageKey } from '../../messages/index.js';

export type TimerAttribute = 'timeDate' | 'timeDuration' | 'timeCycle';

export const TIMER_KINDS: Record<TimerAttribute, TimerKind> = { timeDate: 'date', timeDuration: 'duration', timeCycle: 'cycle' };

/**
 * The instant a literal is planned from. Only whether a duration lands within the representable
 * dates depends on it (about 270,000 years ahead), so a fixed one keeps compiling deterministic.
 */
const REFERENCE_NOW = '2000-01-01T00:00:00.000Z';

// A reason the core learns without a catalog entry is a type error here, not English in an Indonesian answer.
const everyReasonHasText: `timer-value.${TimerReasonCode}` extends MessageKey ? true : never = true;
void everyReasonHasText;

/** A core timer reason as catalog text; `in-cycle` carries the reason found inside the cycle. */
export function timerReasonText(reason: TimerReason): Text {
  const inner = reason.inner ? { reason: timerReasonText(reason.inner) } : {};
  return text(`timer-value.${reason.code}`, { ...reason.params, ...inner });
}

/** Why the core cannot schedule the literal `text` of `attribute`, or undefined when it can. */
export function timerValueError(attribute: TimerAttribute, value: string): Text | undefined {
  const plan = planTimer(TIMER_KINDS[attribute], value, REFERENCE_NOW);
  return plan.ok ? undefined : timerReasonText(plan.reason);
}
