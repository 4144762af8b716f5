/**
 * Variable scopes with Zeebe's rules: input mappings create local variables of an element
 * instance; output mappings (or, without them, all variables a completion brings) are propagated
 * upward to the nearest scope that already defines each name, else to the process scope.
 */
import type { IoMapping } from './model.js';
import { ROOT_KEY } from './state.js';
import type { Runtime } from './runtime.js';
import { InputRefused } from './errors.js';
import { isInner } from './elements/multi-instance.js';

/** Sets `path` (dotted: `a.b.c`) in `target`, creating nested objects as needed. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = obj[parts[i]];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) obj[parts[i]] = {};
    else obj[parts[i]] = { ...(next as Record<string, unknown>) };
    obj = obj[parts[i]] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]] = value;
}

/** Evaluates mappings against a context, returning the variables they produce. */
export function evaluateMappings(rt: Runtime, mappings: IoMapping[], key: number, extra?: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of mappings) {
    const value = 'feel' in m.source ? rt.evalFeel(m.source.feel, key, { ...extra, ...out }) : m.source.value;
    const root = m.target.split('.')[0];
    if (m.target.includes('.') && out[root] === undefined) {
      const existing = { ...rt.visible(key), ...extra }[root];
      if (existing && typeof existing === 'object') out[root] = { ...(existing as object) };
    }
    setPath(out, m.target, value);
  }
  return out;
}

export function setLocal(rt: Runtime, key: number, vars: Record<string, unknown>): void {
  const inst = rt.mustInst(key);
  inst.v = { ...inst.v, ...vars };
}

/**
 * A variable a person's input changed, for history (issue 16: every change by a person keeps its
 * old and new value). `old` is absent when the variable did not exist; `scope` names the element
 * instance holding it when that is not the process scope. History is the tenant's, read like the
 * case; values never go to logs or job payloads.
 */
export interface VariableChange { name: string; scope?: number; old?: unknown; new: unknown }

/** Appends to `changes` the change of `name` in scope `key` from `before` to `value`; an unchanged value is no change. */
export function noteChange(changes: VariableChange[], key: number, before: Record<string, unknown> | undefined, name: string, value: unknown): void {
  const had = !!before && Object.prototype.hasOwnProperty.call(before, name);
  const old = had ? before![name] : undefined;
  // Values are JSON data (checkVariables, FEEL results), so their JSON text compares them.
  if (had && JSON.stringify(old) === JSON.stringify(value)) return;
  changes.push({ name, ...(key !== ROOT_KEY ? { scope: key } : {}), ...(had ? { old } : {}), new: value });
}

/**
 * Propagates `vars` from scope `from` upward: each name lands in the nearest scope (starting at
 * `from`) that defines it locally, or in the process scope. With `changes`, each value that changed
 * is noted there with its old value.
 */
export function propagate(rt: Runtime, from: number | undefined, vars: Record<string, unknown> | undefined, changes?: VariableChange[]): void {
  if (!vars) return;
  const names = Object.keys(vars);
  if (names.length === 0) return;
  for (const name of names) {
    let target = ROOT_KEY;
    for (let k: number | undefined = from; k !== undefined; k = rt.state.els[k]?.p) {
      const inst = rt.state.els[k];
      if (!inst) break;
      if (inst.v && Object.prototype.hasOwnProperty.call(inst.v, name)) {
        target = k;
        break;
      }
    }
    const inst = rt.state.els[target];
    if (!inst) continue;
    if (changes) noteChange(changes, target, inst.v, name, vars[name]);
    inst.v = { ...inst.v, [name]: vars[name] };
  }
  rt.log({ type: 'variables.updated', key: from, data: { names } });
}

/**
 * Finishes the variables of an element instance that completes with `vars` (task/job/message
 * variables): with output mappings, they are local inputs to the mappings; otherwise propagated as is.
 */
export function completeVariables(rt: Runtime, key: number, vars: Record<string, unknown> | undefined, changes?: VariableChange[]): void {
  const inst = rt.mustInst(key);
  const def = rt.el(inst.e);
  // An inner multi-instance element starts at its own scope: its locals (item, output element) take their names.
  const from = isInner(rt, key) ? key : inst.p;
  if (def.outputs && def.outputs.length > 0) {
    const produced = evaluateMappings(rt, def.outputs, key, vars);
    propagate(rt, from, produced, changes);
  } else {
    propagate(rt, from, vars, changes);
  }
}

/** Input mappings of an element instance become its local variables. */
export function applyInputs(rt: Runtime, key: number): void {
  const def = rt.el(rt.mustInst(key).e);
  if (!def.inputs || def.inputs.length === 0) return;
  // An inner multi-instance element maps in its own scope, where its item and loopCounter live.
  const parent = isInner(rt, key) ? key : rt.mustInst(key).p ?? key;
  const vars = evaluateMappings(rt, def.inputs, parent);
  setLocal(rt, key, vars);
}

/**
 * Checks that submitted variables are an object (the boundary between user input and the core) and
 * returns their JSON copy — exactly what a store persists, so the in-memory and durable hosts hold
 * the same state, the state never shares objects with the caller, and nothing callable reaches FEEL
 * (functions are dropped, dates become ISO strings). What JSON cannot hold (cycles, BigInt) is refused.
 */
export function checkVariables(vars: unknown): Record<string, unknown> | undefined {
  if (vars === undefined || vars === null) return undefined;
  if (typeof vars !== 'object' || Array.isArray(vars)) throw new InputRefused('variables must be an object', 'invalid', 'variables-not-object');
  try {
    return JSON.parse(JSON.stringify(vars)) as Record<string, unknown>;
  } catch (err) {
    throw new InputRefused(`variables are not JSON data: ${(err as Error).message}`, 'invalid', 'variables-not-json');
  }
}
