/**
 * intermediateThrowEvent: none passes through; link jumps to its catch in the same scope;
 * message, signal, escalation and compensation throw and (unless interrupted) move on.
 */
import type { Behaviour } from './behaviour.js';
import type { ElementDef } from '../model.js';
import type { Runtime } from '../runtime.js';
import { completeElement } from '../flow.js';
import { throwEvent } from '../throw.js';

/** The link catch event a link throw jumps to: same scope, same link name. */
export function linkTarget(rt: Runtime, def: ElementDef): ElementDef | undefined {
  if (def.type !== 'intermediateThrowEvent' || def.event?.kind !== 'link') return undefined;
  const name = def.event.linkName;
  return Object.values(rt.model.elements).find(
    (e) => e.type === 'intermediateCatchEvent' && e.parent === def.parent && e.event?.kind === 'link' && e.event.linkName === name,
  );
}

export const throwEventBehaviour: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    if (def.event?.kind === 'link') {
      const target = linkTarget(rt, def);
      if (target) rt.push({ a: 'activate', e: target.id, scope: inst.p! });
      completeElement(rt, key, { flows: [] });
      return;
    }
    throwEvent(rt, key, def);
  },
};
