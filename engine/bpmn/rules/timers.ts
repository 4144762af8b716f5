/**
 * Timer event definitions: exactly one of timeDate/timeDuration/timeCycle, with a value that is
 * FEEL (`=…`, syntax-checked) or a literal the core can schedule (timer-values.ts); cycles only
 * where something repeats (start events, boundary events).
 */
import { feelError } from '../../expressions/feel.js';
import { TIMER_KINDS, timerValueError, type TimerAttribute } from './timer-values.js';
import { allFlowElements, bodyOf, eventDefinitions, feelOf, is, problem, type Problem, type Rule } from './util.js';
import { allOf, text } from '../../messages/index.js';

export const timerValues: Rule = {
  name: 'timer-values',
  description: 'Timers have one ISO 8601 date, duration or cycle the engine can schedule (or a FEEL expression).',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:Event')) continue;
      // Literals are checked for every timer, process start timers included, so the designer's
      // live lint flags them; FEEL on a start timer is evaluated at deployment by the service
      // (engine/service/start-timers.ts), the only place that can.
      for (const def of eventDefinitions(node)) {
        if (def.$type !== 'bpmn:TimerEventDefinition') continue;
        const set = (Object.keys(TIMER_KINDS) as TimerAttribute[]).filter((k) => def[k] !== undefined);
        if (set.length !== 1) {
          problems.push(problem(node, set.length === 0 ? text('bpmn.timer-none') : text('bpmn.timer-several', { kinds: allOf(set) })));
          continue;
        }
        // A catch event waits once; BPMN leaves a repeating one undefined and Camunda 8 refuses it.
        if (set[0] === 'timeCycle' && is(node, 'bpmn:IntermediateCatchEvent')) {
          problems.push(problem(node, text('bpmn.timer-cycle-catch')));
          continue;
        }
        const raw = bodyOf(def[set[0]]);
        if (raw === undefined) {
          problems.push(problem(node, text('bpmn.timer-empty', { kind: set[0] })));
          continue;
        }
        const value = ctx.translate(raw, 'timer').trim();
        const feel = feelOf(value);
        const error = feel !== undefined ? feelError(feel) : timerValueError(set[0], value);
        if (error) problems.push(problem(node, text('bpmn.timer-value', { kind: set[0], reason: error })));
      }
    }
    return problems;
  },
};
