/**
 * endEvent: none (the token ends), terminate (ends every token of its scope), and the throwing
 * kinds — error, escalation, message, signal, compensation — which throw, then end the token.
 */
import type { Behaviour } from './behaviour.js';
import { completeElement, finishInstance, terminate } from '../flow.js';
import { ROOT_KEY } from '../state.js';
import { throwEvent } from '../throw.js';

export const endEvent: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    if (def.event?.kind === 'terminate') {
      const scope = inst.p!;
      if (scope === ROOT_KEY) {
        // The end event itself completed; only the other tokens are terminated.
        delete rt.state.els[key];
        rt.log({ type: 'element.completed', elementId: def.id, key });
        return finishInstance(rt, 'terminated');
      }
      for (const child of rt.children(scope)) if (child !== key) terminate(rt, child);
      if (rt.state.joins?.[scope]) {
        delete rt.state.joins[scope];
        if (Object.keys(rt.state.joins).length === 0) delete rt.state.joins;
      }
      completeElement(rt, key);
      return;
    }
    throwEvent(rt, key, def);
  },
};
