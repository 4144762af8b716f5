/**
 * Read-only questions adapters ask of an instance state: the variables an element instance sees
 * (what a job or a task form gets), the active elements (for the API and the diagram), the open
 * incidents. Pure functions over the snapshot.
 */
import type { Variables } from './inputs.js';
import { ROOT_KEY, type InstanceState, type Incident } from './state.js';

/** Variables visible from element instance `key`: scopes from the root down, inner shadows outer. */
export function visibleVariables(state: InstanceState, key: number): Variables {
  const chain: (Variables | undefined)[] = [];
  for (let k: number | undefined = key; k !== undefined; k = state.els[k]?.p) {
    const inst = state.els[k];
    if (!inst) break;
    chain.push(inst.v);
  }
  const out: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(out, chain[i]);
  return out;
}

/** The process variables: the root scope while running, the final ones after the end. */
export function processVariables(state: InstanceState): Variables {
  return { ...(state.els[ROOT_KEY]?.v ?? state.final ?? {}) };
}

/** Every active element id (containers included, the process itself excluded), in key order, without duplicates. */
export function activeElements(state: InstanceState): string[] {
  const ids = new Set<string>();
  for (const k of Object.keys(state.els).map(Number).sort((a, b) => a - b)) {
    if (k !== ROOT_KEY) ids.add(state.els[k].e);
  }
  return [...ids];
}

export function openIncidents(state: InstanceState): (Incident & { elementId: string; elementKey: number })[] {
  const out: (Incident & { elementId: string; elementKey: number })[] = [];
  for (const k of Object.keys(state.els).map(Number)) {
    const inst = state.els[k];
    if (inst.inc) out.push({ ...inst.inc, elementId: inst.e, elementKey: k });
  }
  return out;
}

/** Every active element instance but the process's own: its key, element and the key of the instance it runs in (the root's key when at the top). */
export function activeElementInstances(state: InstanceState): { key: number; elementId: string; parentKey: number | null }[] {
  return Object.keys(state.els).map(Number).filter((k) => k !== ROOT_KEY).sort((a, b) => a - b)
    .map((k) => ({ key: k, elementId: state.els[k].e, parentKey: state.els[k].p ?? null }));
}
