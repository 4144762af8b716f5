/** sendTask without a job: publishes its message (payload = its input-mapped variables) and moves on. */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';
import { publishMessage } from '../throw.js';

export const messageTask: Behaviour = {
  activate(rt, key) {
    const def = rt.el(rt.mustInst(key).e);
    publishMessage(rt, key, def.message!.messageName, def.message!.correlationKey);
    completeElement(rt, key);
  },
};
