/** task, manualTask: nothing to wait for — the token passes straight through. */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';

export const passThrough: Behaviour = {
  activate(rt, key) {
    completeElement(rt, key);
  },
};
