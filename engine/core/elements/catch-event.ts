/**
 * intermediateCatchEvent and receiveTask: wait for their timer, message or signal. A link catch
 * (reached from its link throw) and a none catch pass straight through.
 */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';
import { openSubscription } from '../subscriptions.js';

export const catchEvent: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const sub = openSubscription(rt, key, def, key);
    if (sub === undefined) {
      completeElement(rt, key);
      return;
    }
    inst.s = 'waiting';
    inst.w = { k: 'event' };
  },
};
