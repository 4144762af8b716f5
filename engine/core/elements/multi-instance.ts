/**
 * Multi-instance activities. The element instance is a *body* holding one *inner* instance per
 * item of `inputCollection` (or `loopCardinality` times) — all at once when parallel, one after
 * another when sequential. Each inner result (`outputElement`) lands at its index in
 * `outputCollection`; `completionCondition` may end the body early, terminating the rest.
 */
import type { Behaviour } from './behaviour.js';
import type { Runtime } from '../runtime.js';
import { ExpressionFailure } from '../runtime.js';
import { completeElement, terminate } from '../flow.js';
import { propagate } from '../variables.js';

/** Activations each multi-instance item adds to the step's loop guard (see Runtime.extraActivations). */
const ACTIVATIONS_PER_ITEM = 10;

export function isBody(rt: Runtime, key: number): boolean {
  return rt.state.els[key]?.mi !== undefined;
}

export function isInner(rt: Runtime, key: number): boolean {
  const inst = rt.state.els[key];
  if (!inst || inst.p === undefined) return false;
  const parent = rt.state.els[inst.p];
  return parent?.mi !== undefined && parent.e === inst.e;
}

export const multiInstanceBody: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const mi = def.multiInstance!;
    let items: unknown[] | undefined;
    let total: number;
    if (mi.inputCollection) {
      const value = rt.evalFeel(mi.inputCollection, key);
      if (!Array.isArray(value)) throw new ExpressionFailure(`inputCollection of ${def.id} must be a list, got ${JSON.stringify(value)}`);
      items = value;
      total = value.length;
    } else {
      total = Number(rt.evalFeel(mi.loopCardinality ?? '1', key));
      if (!Number.isInteger(total) || total < 0) throw new ExpressionFailure(`loopCardinality of ${def.id} must be a non-negative integer`);
    }
    if (total > rt.maxMultiInstanceItems) {
      // Checked before any inner instance exists: 20,000 items would block every tenant while they are created.
      throw new ExpressionFailure(`${def.id} would run ${total} instances; one multi-instance may run at most ${rt.maxMultiInstanceItems} (ALUR_MAX_MULTI_INSTANCE_ITEMS)`, 'multi-instance-limit', { element: def.id, count: total, max: rt.maxMultiInstanceItems });
    }
    inst.mi = { next: 0, total, done: 0, ...(items ? { items } : {}), ...(mi.outputCollection ? { out: new Array(total).fill(null) } : {}) };
    if (total === 0) return finishBody(rt, key);
    // A collection of 12,000 ASN is work, not a cycle: each item may run a few elements in this step.
    rt.extraActivations += total * ACTIVATIONS_PER_ITEM;
    const n = mi.sequential ? 1 : total;
    for (let i = 0; i < n; i++) spawnInner(rt, key);
  },
};

function spawnInner(rt: Runtime, bodyKey: number): void {
  const body = rt.mustInst(bodyKey);
  const def = rt.el(body.e);
  const i = body.mi!.next++;
  const vars: Record<string, unknown> = { loopCounter: i + 1 };
  if (def.multiInstance!.inputElement) vars[def.multiInstance!.inputElement] = body.mi!.items ? body.mi!.items[i] : null;
  // As in Zeebe: an output element that names a variable starts as a local null of the inner instance,
  // so each instance's result stays its own instead of parallel instances overwriting one outer variable.
  const out = def.multiInstance!.outputElement?.trim();
  const name = out && /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(out) ? out.split('.')[0] : undefined;
  if (name && !(name in vars)) vars[name] = null;
  rt.push({ a: 'activate', e: def.id, scope: bodyKey, lc: i + 1, vars });
}

/** Called while an inner instance completes (before it is removed): collect, then maybe finish. */
export function innerCompleting(rt: Runtime, innerKey: number): void {
  const inner = rt.mustInst(innerKey);
  const bodyKey = inner.p!;
  const body = rt.mustInst(bodyKey);
  const mi = rt.el(body.e).multiInstance!;
  if (mi.outputElement && body.mi!.out) body.mi!.out[(inner.lc ?? 1) - 1] = rt.evalFeel(mi.outputElement, innerKey);
  const completed = body.mi!.done + 1;
  const active = rt.children(bodyKey).length - 1;
  const done = mi.completionCondition !== undefined && rt.evalFeel(mi.completionCondition, innerKey, {
    numberOfInstances: body.mi!.total,
    numberOfCompletedInstances: completed,
    numberOfActiveInstances: active,
    numberOfTerminatedInstances: 0,
  }) === true;
  // Counted only once the condition evaluated: a failing condition is retried without counting twice.
  body.mi!.done = completed;
  // The inner instance is removed by the caller; what follows runs from the agenda.
  if (done || body.mi!.done >= body.mi!.total) rt.push({ a: 'complete', key: bodyKey });
  else if (mi.sequential && body.mi!.next < body.mi!.total) spawnInner(rt, bodyKey);
}

/**
 * An inner instance ended without completing (a modification terminated what ran inside it): it
 * counts as done for its body, which goes on with the next item (sequential) or completes once
 * every item is done. Nothing is collected for it (its output stays null).
 */
export function innerEnded(rt: Runtime, bodyKey: number): void {
  const body = rt.inst(bodyKey);
  if (!body?.mi) return;
  body.mi.done++;
  const mi = rt.el(body.e).multiInstance!;
  if (body.mi.done >= body.mi.total) rt.push({ a: 'complete', key: bodyKey });
  else if (mi.sequential && body.mi.next < body.mi.total) spawnInner(rt, bodyKey);
}

/** Completing the body: the rest of the inner instances stop, the output collection is set. */
export function finishBody(rt: Runtime, bodyKey: number): void {
  const body = rt.mustInst(bodyKey);
  const mi = rt.el(body.e).multiInstance!;
  for (const child of rt.children(bodyKey)) terminate(rt, child);
  if (mi.outputCollection) propagate(rt, body.p, { [mi.outputCollection]: body.mi!.out ?? [] });
  completeElement(rt, bodyKey);
}
