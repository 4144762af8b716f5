/**
 * Timer event definitions: exactly one of timeDate/timeDuration/timeCycle, with a value that is
 * FEEL (`=…`, syntax-checked) or a valid ISO 8601 literal.
 */
import { checkFeel } from '../../expressions/feel.js';
import { cycleError, dateError, durationError } from './timer-values.js';
import { allFlowElements, bodyOf, eventDefinitions, feelOf, is, problem, type Problem, type Rule } from './util.js';

const CHECKS = { timeDate: dateError, timeDuration: durationError, timeCycle: cycleError };

export const timerValues: Rule = {
  name: 'timer-values',
  description: 'Timers have one valid ISO 8601 date, duration or cycle (or a FEEL expression).',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:Event')) continue;
      for (const def of eventDefinitions(node)) {
        if (def.$type !== 'bpmn:TimerEventDefinition') continue;
        const set = (Object.keys(CHECKS) as (keyof typeof CHECKS)[]).filter((k) => def[k] !== undefined);
        if (set.length !== 1) {
          problems.push(problem(node, set.length === 0 ? 'timer has no timeDate, timeDuration or timeCycle' : `timer sets ${set.join(' and ')}; set exactly one`));
          continue;
        }
        const raw = bodyOf(def[set[0]]);
        if (raw === undefined) {
          problems.push(problem(node, `timer ${set[0]} is empty`));
          continue;
        }
        const text = ctx.translate(raw, 'timer').trim();
        const feel = feelOf(text);
        const error = feel !== undefined ? checkFeel(feel) : CHECKS[set[0]](text);
        if (error) problems.push(problem(node, `timer ${set[0]}: ${error}`));
      }
    }
    return problems;
  },
};
