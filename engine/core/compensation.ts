/**
 * Compensation (BPMN 2.0 §10.5.6, §13.5.5). A completed activity with a compensation handler is
 * remembered in its scope; so is a completed subprocess the model marks `compensable`, with what was
 * compensable inside it and its variables at completion. A compensation throw undoes the remembered
 * activities of its scope (or only the one it names), most recent first: a handler runs in the scope;
 * a completed subprocess comes back as a restored scope holding its snapshot variables, where its
 * compensation event subprocess runs or, without one, what it remembered is undone the same way.
 * The throw may wait until everything it started has finished.
 */
import type { ElementDef } from './model.js';
import type { Runtime } from './runtime.js';
import { ROOT_KEY, type Compensable, type ElementInstance } from './state.js';
import { checkScope, completeElement } from './flow.js';
import { isBody, isInner } from './elements/multi-instance.js';

function handlerOf(rt: Runtime, def: ElementDef): string | undefined {
  for (const b of def.boundaryEvents ?? []) {
    const boundary = rt.el(b);
    if (boundary.event?.kind === 'compensate' && boundary.compensationHandler) return boundary.compensationHandler;
  }
  return undefined;
}

const idOf = (c: Compensable): string => (typeof c === 'string' ? c : c.e);

function remember(rt: Runtime, scope: number, records: Compensable[]): void {
  if (records.length > 0) ((rt.state.comp ??= {})[scope] ??= []).push(...records);
}

/** Element instance `key` completes (still in the state, its own records not yet dropped). */
export function recordCompensable(rt: Runtime, key: number, inst: ElementInstance, def: ElementDef): void {
  const scope = inst.p!;
  if (handlerOf(rt, def)) {
    // As in Camunda 8, the handler of a multi-instance activity runs once, for the body.
    if (!isInner(rt, key)) remember(rt, scope, [def.id]);
    return;
  }
  if (!def.compensable) return;
  const inner = rt.state.comp?.[key] ?? [];
  // A multi-instance body hands on the records of its completed inner instances, one each.
  if (isBody(rt, key)) return remember(rt, scope, inner);
  if (inner.length === 0 && !def.compensable.esp) return;
  const vars = inst.v && Object.keys(inst.v).length > 0 ? inst.v : undefined;
  remember(rt, scope, [{ e: def.id, ...(inner.length > 0 ? { c: inner } : {}), ...(vars ? { v: vars } : {}) }]);
}

/**
 * The scopes a throw from element instance `key` compensates: its own, and when it is thrown inside
 * an event subprocess (a compensation event subprocess above all), the scope that event subprocess
 * belongs to — whose completed activities are what it is there to undo.
 */
function targetScopes(rt: Runtime, key: number): number[] {
  const scope = rt.mustInst(key).p!;
  if (scope === ROOT_KEY || !rt.el(rt.mustInst(scope).e).triggeredByEvent) return [scope];
  return [scope, rt.mustInst(scope).p!];
}

export function throwCompensation(rt: Runtime, key: number, activityRef: string | undefined, wait: boolean): void {
  const inst = rt.mustInst(key);
  const chosen: { scope: number; record: Compensable }[] = [];
  const wanted = (c: Compensable) => activityRef === undefined || idOf(c) === activityRef;
  for (const scope of targetScopes(rt, key)) {
    const records = rt.state.comp?.[scope];
    if (!records) continue;
    for (let i = records.length - 1; i >= 0; i--) if (wanted(records[i])) chosen.push({ scope, record: records[i] });
    const left = records.filter((c) => !wanted(c));
    if (left.length > 0) rt.state.comp![scope] = left;
    else {
      delete rt.state.comp![scope];
      if (Object.keys(rt.state.comp!).length === 0) delete rt.state.comp;
    }
  }
  rt.log({ type: 'compensation.thrown', elementId: inst.e, key, data: { activities: chosen.map((c) => idOf(c.record)) } });
  for (const { scope, record } of chosen) compensate(rt, record, scope, wait ? key : undefined);
  if (wait && chosen.length > 0) {
    inst.s = 'waiting';
    inst.w = { k: 'compensation', open: chosen.length };
  } else completeElement(rt, key);
}

/** Undoes one remembered activity in `scope`; `thrower`: the throw event waiting for it. */
function compensate(rt: Runtime, record: Compensable, scope: number, thrower: number | undefined): void {
  const waiting = thrower !== undefined ? { f: thrower } : {};
  if (typeof record === 'string') {
    rt.push({ a: 'activate', e: handlerOf(rt, rt.el(record))!, scope, ...waiting });
    return;
  }
  const def = rt.el(record.e);
  const key = rt.newKey();
  rt.state.els[key] = { e: def.id, p: scope, s: 'active', r: true, ...(record.v ? { v: { ...record.v } } : {}), ...waiting };
  rt.log({ type: 'element.activated', elementId: def.id, key, data: { compensation: true } });
  const esp = def.compensable?.esp;
  if (esp) {
    // The event subprocess stands for the whole subprocess; a compensation throw inside it reaches these.
    if (record.c) (rt.state.comp ??= {})[key] = [...record.c];
    const start = (rt.el(esp).children ?? []).find((c) => rt.el(c).type === 'startEvent');
    rt.push({ a: 'activate', e: esp, scope: key, start });
    return;
  }
  const inner = record.c ?? [];
  for (let i = inner.length - 1; i >= 0; i--) compensate(rt, inner[i], key, undefined);
  // Recorded only with something inside to undo; an empty one (a model changed under it) just ends.
  if (inner.length === 0) rt.push({ a: 'complete', key });
}

/** A restored subprocess ran empty: its compensation is over (nothing of its own completion repeats). */
export function finishRestored(rt: Runtime, key: number): void {
  const inst = rt.mustInst(key);
  for (const sub of rt.subsOwnedBy(key)) rt.removeSub(sub, true);
  delete rt.state.els[key];
  rt.forgetScope(key);
  rt.log({ type: 'element.completed', elementId: inst.e, key });
  if (inst.f !== undefined) compensationHandlerDone(rt, inst.f);
  checkScope(rt, inst.p!);
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
