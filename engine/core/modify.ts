/**
 * Modifying a running instance by hand (an operator moving a stuck case): terminate the active
 * instances of some elements and activate others, in one step. Activations are queued first and
 * terminations applied after, so terminating a scope's last token while activating another in it
 * does not end the scope. An activated element runs its behaviour as if a token had arrived:
 * input mappings, boundary events subscribed, timers planned, a task or job opened. Its missing
 * containers (embedded and event subprocesses) are created on the way, listening to their own
 * boundary events and event subprocesses; inside a multi-instance activity an element is
 * activated only in an inner instance that runs (named by `ancestor` when several do).
 * A scope left without tokens by the terminations is terminated itself (an inner multi-instance
 * instance counts as ended for its body; the process scope ends the instance as terminated).
 * Terminating a converging gateway drops the tokens waiting at it (the join bookkeeping).
 *
 * `checkModification` is the refusal, element by element, before anything changes; the handler
 * applies only what it accepts.
 */
import type { ElementDef, ProcessModel } from './model.js';
import type { Runtime } from './runtime.js';
import { ExpressionFailure } from './runtime.js';
import { ROOT_KEY, type InstanceState } from './state.js';
import type { Variables } from './inputs.js';
import { terminate, finishInstance } from './flow.js';
import { applyInputs } from './variables.js';
import { openBoundaries, openEventSubprocesses } from './subscriptions.js';
import { raiseIncident } from './incidents.js';
import { innerEnded, isBody, isInner } from './elements/multi-instance.js';
import { problemOf, reasonOf, refOf, type ElementProblem, type ProblemParam } from './problems.js';

export interface Modification {
  /**
   * By element (every active instance of it) or by element instance `key` (that one only — one
   * inner instance of a multi-instance body, one of two tokens at the same task); with both, the
   * key must be an instance of that element.
   */
  terminate?: { elementId?: string; key?: number }[];
  activate?: { elementId: string; variables?: Variables; /** The container instance to activate in, when several run. */ ancestor?: number }[];
}

/** What cannot be honoured; the catalog words each code (`modify.<code>`). */
export type ModificationCode =
  | 'instance-not-active' | 'nothing-to-do' | 'key-not-active' | 'key-other-element' | 'termination-unnamed'
  | 'process-not-terminable' | 'not-an-element' | 'not-active' | 'process-not-activatable' | 'boundary-event'
  | 'start-event' | 'compensation-handler' | 'multi-instance-not-running' | 'ancestor-not-running'
  | 'container-runs-several' | 'ancestor-not-a-container';

export type ModificationProblem = ElementProblem<ModificationCode>;

/** Every element of `mod` that cannot be honoured, each named; empty when it can be applied. */
export function checkModification(model: ProcessModel, state: InstanceState, mod: Modification): ModificationProblem[] {
  const problems: ModificationProblem[] = [];
  const at = (id: string, code: ModificationCode, params: Record<string, ProblemParam> = {}) => problems.push(problemOf(model, id, code, params));
  const ref = (id: string) => refOf(model, id);
  if (state.status !== 'active') return [problemOf(model, model.id, 'instance-not-active', { status: state.status })];
  if (!mod.terminate?.length && !mod.activate?.length) return [problemOf(model, model.id, 'nothing-to-do')];
  for (const { elementId, key } of mod.terminate ?? []) {
    if (key !== undefined) {
      const inst = key === ROOT_KEY ? undefined : state.els[key];
      if (!inst) at(elementId ?? `#${key}`, 'key-not-active', { key });
      else if (elementId !== undefined && inst.e !== elementId) at(elementId, 'key-other-element', { key, of: ref(inst.e), element: ref(elementId) });
      continue;
    }
    if (elementId === undefined) at(model.id, 'termination-unnamed');
    else if (elementId === model.id) at(elementId, 'process-not-terminable');
    else if (!model.elements[elementId]) at(elementId, 'not-an-element', { element: elementId, process: model.name ?? model.id });
    else if (!isActive(state, elementId)) at(elementId, 'not-active', { element: ref(elementId) });
  }
  for (const a of mod.activate ?? []) {
    const problem = activationProblem(model, state, a.elementId, a.ancestor);
    if (problem) problems.push(problem);
  }
  return problems;
}

function isActive(state: InstanceState, elementId: string): boolean {
  if (Object.values(state.els).some((i) => i.e === elementId)) return true;
  return Object.values(state.joins ?? {}).some((g) => (g[elementId]?.length ?? 0) > 0);
}

/** The containers of `def`, innermost first, up to (not including) the process. */
function containersOf(model: ProcessModel, def: ElementDef): ElementDef[] {
  const out: ElementDef[] = [];
  for (let p = def.parent; p !== model.id; p = model.elements[p].parent) out.push(model.elements[p]);
  return out;
}

/** Instances of container `c` that an element inside it can run in (inner instances of a multi-instance one). */
function scopesOf(state: InstanceState, c: ElementDef): number[] {
  const out: number[] = [];
  for (const k of Object.keys(state.els).map(Number)) {
    const inst = state.els[k];
    if (inst.e !== c.id) continue;
    const parent = inst.p === undefined ? undefined : state.els[inst.p];
    const inner = parent?.mi !== undefined && parent.e === inst.e;
    if (c.multiInstance ? inner : inst.mi === undefined) out.push(k);
  }
  return out;
}

interface Placement { scope: number; create: ElementDef[] }

/** Where an activation of `elementId` goes: the deepest running container instance, and the containers to create below it. */
function place(model: ProcessModel, state: InstanceState, elementId: string, ancestor?: number): Placement | ModificationProblem {
  const def = model.elements[elementId];
  const containers = containersOf(model, def);
  const element = refOf(model, elementId);
  for (let i = 0; i < containers.length; i++) {
    const scopes = scopesOf(state, containers[i]);
    const container = refOf(model, containers[i].id);
    if (scopes.length === 0) {
      if (containers[i].multiInstance) return problemOf(model, elementId, 'multi-instance-not-running', { element, container });
      continue;
    }
    const scope = ancestor !== undefined ? (scopes.includes(ancestor) ? ancestor : undefined) : scopes.length === 1 ? scopes[0] : undefined;
    if (scope === undefined) {
      return ancestor !== undefined
        ? problemOf(model, elementId, 'ancestor-not-running', { ancestor, container })
        : problemOf(model, elementId, 'container-runs-several', { container, count: scopes.length, element, ancestors: scopes });
    }
    return { scope, create: containers.slice(0, i).reverse() };
  }
  if (ancestor !== undefined && ancestor !== ROOT_KEY) return problemOf(model, elementId, 'ancestor-not-a-container', { ancestor, element });
  return { scope: ROOT_KEY, create: containers.slice().reverse() };
}

function activationProblem(model: ProcessModel, state: InstanceState, elementId: string, ancestor?: number): ModificationProblem | undefined {
  const def = model.elements[elementId];
  if (!def) return elementId === model.id ? problemOf(model, elementId, 'process-not-activatable') : problemOf(model, elementId, 'not-an-element', { element: elementId, process: model.name ?? model.id });
  const element = refOf(model, elementId);
  if (def.type === 'boundaryEvent') return problemOf(model, elementId, 'boundary-event', { element });
  if (def.type === 'startEvent') return problemOf(model, elementId, 'start-event', { element });
  if (def.isForCompensation) return problemOf(model, elementId, 'compensation-handler', { element });
  const placement = place(model, state, elementId, ancestor);
  return 'code' in placement ? placement : undefined;
}

/** Applies a checked modification; returns a reason when it no longer applies (nothing changed then). */
export function modify(rt: Runtime, mod: Modification, user?: string): string | undefined {
  const problems = checkModification(rt.model, rt.state, mod);
  if (problems.length) return reasonOf(problems);
  const terminations = mod.terminate ?? [];
  const byKey = terminations.flatMap((t) => (t.key !== undefined ? [t.key] : []));
  const doomed = terminationTargets(rt, terminations.flatMap((t) => (t.key === undefined && t.elementId !== undefined ? [t.elementId] : [])), byKey);
  rt.log({ type: 'instance.modified', elementId: rt.state.processId, key: ROOT_KEY, user, data: {
    terminated: terminations.map((t) => t.elementId ?? rt.state.els[t.key!].e), activated: (mod.activate ?? []).map((a) => a.elementId),
    ...(byKey.length ? { terminatedKeys: byKey } : {}),
  } });
  for (const a of mod.activate ?? []) activate(rt, a.elementId, a.variables, a.ancestor);
  const parents = new Set<number>();
  for (const key of doomed.keys) {
    const inst = rt.inst(key);
    if (!inst) continue;
    // One inner instance of a multi-instance body, named by its key, counts as done for the body
    // (as an inner instance emptied by terminations does), so the others can still complete it.
    const inner = isInner(rt, key);
    terminate(rt, key);
    if (inner) innerEnded(rt, inst.p!);
    else if (inst.p !== undefined) parents.add(inst.p);
  }
  for (const [scope, gateway] of doomed.joins) {
    const joins = rt.state.joins?.[scope];
    if (!joins?.[gateway]) continue;
    delete joins[gateway];
    rt.log({ type: 'element.terminated', elementId: gateway, data: { scope, waitingTokens: true } });
    if (Object.keys(joins).length === 0) delete rt.state.joins![scope];
    if (Object.keys(rt.state.joins!).length === 0) delete rt.state.joins;
    parents.add(scope);
  }
  for (const p of parents) endIfEmpty(rt, p);
  return undefined;
}

/** The element instances to terminate (outermost only: terminate takes their insides) and the join tokens to drop. */
function terminationTargets(rt: Runtime, elementIds: string[], instanceKeys: number[] = []): { keys: number[]; joins: [number, string][] } {
  const ids = new Set(elementIds);
  const named = new Set(instanceKeys);
  const targeted = (k: number | undefined) => k !== undefined && rt.state.els[k] !== undefined && (ids.has(rt.state.els[k].e) || named.has(k));
  const keys: number[] = [];
  for (const k of Object.keys(rt.state.els).map(Number)) {
    if (!targeted(k)) continue;
    // Skip anything inside another target (an inner instance of a targeted body, a task in a targeted subprocess).
    let inside = false;
    for (let p = rt.state.els[k].p; p !== undefined; p = rt.state.els[p]?.p) if (targeted(p)) inside = true;
    if (!inside) keys.push(k);
  }
  const joins: [number, string][] = [];
  for (const [scope, gateways] of Object.entries(rt.state.joins ?? {})) {
    for (const g of Object.keys(gateways)) if (ids.has(g)) joins.push([Number(scope), g]);
  }
  return { keys, joins };
}

function activate(rt: Runtime, elementId: string, variables: Variables | undefined, ancestor: number | undefined): void {
  const placement = place(rt.model, rt.state, elementId, ancestor) as Placement;
  let scope = placement.scope;
  for (const container of placement.create) {
    const created = createScope(rt, container, scope);
    if (created === undefined) return;
    scope = created;
  }
  if (variables && Object.keys(variables).length) {
    const inst = rt.mustInst(scope);
    inst.v = { ...inst.v, ...variables };
  }
  // A converging gateway activated by hand passes now: the tokens that had arrived at it go with
  // it, or they would wait there forever and keep the scope from completing.
  const joins = rt.state.joins?.[scope];
  if (joins?.[elementId]) {
    delete joins[elementId];
    if (Object.keys(joins).length === 0) delete rt.state.joins![scope];
    if (Object.keys(rt.state.joins!).length === 0) delete rt.state.joins;
  }
  rt.push({ a: 'activate', e: elementId, scope });
}

/** A container instance without running its start: inputs, boundary events and event subprocesses, as on entry. */
function createScope(rt: Runtime, def: ElementDef, parent: number): number | undefined {
  const key = rt.newKey();
  rt.state.els[key] = { e: def.id, p: parent, s: 'active' };
  rt.log({ type: 'element.activated', elementId: def.id, key });
  try {
    applyInputs(rt, key);
    openBoundaries(rt, key, def);
    openEventSubprocesses(rt, key, def.children ?? []);
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    raiseIncident(rt, key, err.incidentType, err.message, 'activate', err.params);
    return undefined;
  }
  return key;
}

/** A scope the terminations left without tokens ends: terminated, and its own scope checked in turn. */
function endIfEmpty(rt: Runtime, key: number): void {
  const inst = rt.inst(key);
  if (!inst || rt.state.status !== 'active') return;
  if ((rt.pending.get(key) ?? 0) > 0 || rt.children(key).length > 0) return;
  if (Object.values(rt.state.joins?.[key] ?? {}).some((a) => a.length > 0)) return;
  if (key === ROOT_KEY) return finishInstance(rt, 'terminated');
  if (isBody(rt, key)) {
    const parent = inst.p!;
    terminate(rt, key);
    return endIfEmpty(rt, parent);
  }
  const parent = inst.p!;
  const inner = isInner(rt, key);
  terminate(rt, key);
  if (inner) innerEnded(rt, parent);
  else endIfEmpty(rt, parent);
}
