/**
 * boundaryEvent: only ever activated once its event has happened (see triggers.ts); it then
 * leaves along its outgoing flows in the activity's scope.
 */
import type { Behaviour } from './behaviour.js';
import { completeElement } from '../flow.js';

export const boundaryEvent: Behaviour = {
  activate(rt, key) {
    completeElement(rt, key);
  },
};
