/**
 * Compensation: an activity with a compensation boundary event is remembered when it completes;
 * a compensation throw runs the handlers of the remembered activities of its scope (most recent
 * first), optionally waiting for them before it moves on.
 */
import type { ElementDef } from './model.js';
import type { Runtime } from './runtime.js';
import { completeElement } from './flow.js';

function handlerOf(rt: Runtime, def: ElementDef): string | undefined {
  for (const b of def.boundaryEvents ?? []) {
    const boundary = rt.el(b);
    if (boundary.event?.kind === 'compensate' && boundary.compensationHandler) return boundary.compensationHandler;
  }
  return undefined;
}

export function recordCompensable(rt: Runtime, scope: number, def: ElementDef): void {
  if (!handlerOf(rt, def)) return;
  ((rt.state.comp ??= {})[scope] ??= []).push(def.id);
}

export function throwCompensation(rt: Runtime, key: number, activityRef: string | undefined, wait: boolean): void {
  const inst = rt.mustInst(key);
  const scope = inst.p!;
  const records = rt.state.comp?.[scope] ?? [];
  const chosen = records.filter((id) => activityRef === undefined || id === activityRef).reverse();
  if (rt.state.comp?.[scope]) {
    rt.state.comp[scope] = records.filter((id) => !(activityRef === undefined || id === activityRef));
    if (rt.state.comp[scope].length === 0) delete rt.state.comp[scope];
    if (Object.keys(rt.state.comp).length === 0) delete rt.state.comp;
  }
  rt.log({ type: 'compensation.thrown', elementId: inst.e, key, data: { activities: chosen } });
  for (const id of chosen) rt.push({ a: 'activate', e: handlerOf(rt, rt.el(id))!, scope, ...(wait ? { f: key } : {}) });
  if (wait && chosen.length > 0) {
    inst.s = 'waiting';
    inst.w = { k: 'compensation', open: chosen.length };
  } else completeElement(rt, key);
}

/** A handler finished: the throw event waiting for it moves on when it was the last. */
export function compensationHandlerDone(rt: Runtime, throwerKey: number): void {
  const thrower = rt.inst(throwerKey);
  if (thrower?.w?.k !== 'compensation') return;
  if (--thrower.w.open > 0) return;
  delete thrower.w;
  thrower.s = 'active';
  rt.push({ a: 'complete', key: throwerKey });
}
