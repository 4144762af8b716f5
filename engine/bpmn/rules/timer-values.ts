/**
 * Literal timer values are judged by the core's own timer arithmetic (`planTimer` in
 * engine/core/timers.ts), so a deployment accepts exactly the dates, durations and cycles the
 * engine can schedule: a value that passes here can never become an incident at run time.
 */
import { planTimer, type TimerKind } from '../../core/timers.js';

export type TimerAttribute = 'timeDate' | 'timeDuration' | 'timeCycle';

export const TIMER_KINDS: Record<TimerAttribute, TimerKind> = { timeDate: 'date', timeDuration: 'duration', timeCycle: 'cycle' };

/**
 * The instant a literal is planned from. Only whether a duration lands within the representable
 * dates depends on it (about 270,000 years ahead), so a fixed one keeps compiling deterministic.
 */
const REFERENCE_NOW = '2000-01-01T00:00:00.000Z';

/** Why the core cannot schedule the literal `text` of `attribute`, or undefined when it can. */
export function timerValueError(attribute: TimerAttribute, text: string): string | undefined {
  const plan = planTimer(TIMER_KINDS[attribute], text, REFERENCE_NOW);
  return plan.ok ? undefined : plan.problem;
}
