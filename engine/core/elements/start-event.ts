/** startEvent: the token is born here and moves on at once (a triggered start brings its variables). */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';

export const startEvent: Behaviour = {
  activate(rt, key) {
    completeElement(rt, key);
  },
};
