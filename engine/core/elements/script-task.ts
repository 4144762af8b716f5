/** scriptTask (zeebe:script): a FEEL expression whose value lands in the result variable. */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';

export const scriptTask: Behaviour = {
  activate(rt, key) {
    const def = rt.el(rt.mustInst(key).e);
    const { expression, resultVariable } = def.script!;
    const value = rt.evalFeel(expression, key);
    completeElement(rt, key, { vars: resultVariable ? { [resultVariable]: value } : {} });
  },
};
