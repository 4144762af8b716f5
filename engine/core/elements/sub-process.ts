/**
 * subProcess: a new scope. An embedded one starts at its none start event; an event subprocess
 * starts at the start event that was triggered. Its event subprocesses listen while it is active;
 * it completes when no token is left inside (flow.ts checkScope).
 */
import type { Behaviour } from './behaviour.js';
import { ExpressionFailure } from '../runtime.js';
import { openEventSubprocesses } from '../subscriptions.js';

export const subProcess: Behaviour = {
  activate(rt, key, start) {
    const def = rt.el(rt.mustInst(key).e);
    const children = def.children ?? [];
    openEventSubprocesses(rt, key, children);
    if (def.triggeredByEvent) {
      if (!start) throw new ExpressionFailure(`event subprocess ${def.id} activated without a trigger`);
      rt.push({ a: 'activate', e: start, scope: key, trig: {} });
      return;
    }
    const startEvent = children.map((id) => rt.el(id)).find((c) => c.type === 'startEvent' && (!c.event || c.event.kind === 'none'));
    if (!startEvent) throw new ExpressionFailure(`subprocess ${def.id} has no none start event`);
    rt.push({ a: 'activate', e: startEvent.id, scope: key });
  },
};
