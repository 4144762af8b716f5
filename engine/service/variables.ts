/**
 * Variables visible at an element instance: its own scope and every enclosing scope up to the
 * process, inner names shadowing outer ones. Used to hand a job handler or a task form its data
 * at run time instead of copying variables into job rows.
 */
import { ROOT_KEY, type InstanceState } from '../core/index.js';

export function visibleVariables(state: InstanceState, key: number): Record<string, unknown> {
  const chain: Record<string, unknown>[] = [];
  const seen = new Set<number>();
  let current: number | undefined = key;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const el: InstanceState['els'][number] | undefined = state.els[current];
    if (!el) break;
    if (el.v) chain.push(el.v);
    current = el.p;
  }
  if (!seen.has(ROOT_KEY) && state.els[ROOT_KEY]?.v) chain.push(state.els[ROOT_KEY].v!);
  return Object.assign({}, ...chain.reverse());
}

/** The root scope's variables (the process variables). */
export function rootVariables(state: InstanceState): Record<string, unknown> {
  return { ...(state.els[ROOT_KEY]?.v ?? state.final ?? {}) };
}

/** Every active element id, containers included, in key order without repeats (the root excluded). */
export function activeElements(state: InstanceState): string[] {
  const ids = Object.entries(state.els)
    .filter(([k]) => Number(k) !== ROOT_KEY)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, el]) => el.e);
  return [...new Set(ids)];
}
