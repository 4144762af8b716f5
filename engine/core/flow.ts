/**
 * Token movement: activating elements, completing them along their outgoing flows, terminating
 * subtrees, completing scopes that ran empty, and draining the agenda until every token waits or
 * ends. Element-specific behaviour lives in elements/*.ts; this file owns only the lifecycle.
 */
import type { ElementDef } from './model.js';
import { ROOT_KEY } from './state.js';
import type { Action, Runtime } from './runtime.js';
import { ExpressionFailure } from './runtime.js';
import { applyInputs, completeVariables, type VariableChange } from './variables.js';
import { behaviourOf } from './elements/index.js';
import { openBoundaries } from './subscriptions.js';
import { arriveAtJoin, settleJoins } from './joins.js';
import { finishBody, innerCompleting, isBody, isInner } from './elements/multi-instance.js';
import { compensationHandlerDone, finishRestored, recordCompensable } from './compensation.js';
import { raiseIncident } from './incidents.js';

/** Drains the agenda; then fires inclusive joins that no token can still reach; repeats. */
export function run(rt: Runtime): void {
  for (;;) {
    while (rt.agenda.length > 0) {
      const action = rt.agenda.shift()!;
      if (action.a === 'activate') activate(rt, action);
      else if (rt.inst(action.key)) {
        if (isBody(rt, action.key)) finishBody(rt, action.key);
        else completeElement(rt, action.key);
      }
    }
    if (!settleJoins(rt)) return;
  }
}

function activate(rt: Runtime, action: Extract<Action, { a: 'activate' }>): void {
  rt.pending.set(action.scope, (rt.pending.get(action.scope) ?? 1) - 1);
  const scope = rt.inst(action.scope);
  if (!scope || rt.state.status !== 'active') return;
  const def = rt.el(action.e);
  if (action.flow && def.incoming.length > 1 && !arriveAtJoin(rt, def, action.scope, action.flow)) {
    checkScope(rt, action.scope);
    return;
  }
  const key = rt.newKey();
  rt.state.els[key] = { e: def.id, p: action.scope, s: 'active' };
  const inst = rt.state.els[key];
  if (action.lc !== undefined) inst.lc = action.lc;
  if (action.vars) inst.v = { ...action.vars };
  if (action.f !== undefined) inst.f = action.f;
  rt.log({ type: 'element.activated', elementId: def.id, key });
  if (++rt.activations > rt.maxActivations + rt.extraActivations) {
    const max = rt.maxActivations + rt.extraActivations;
    raiseIncident(rt, key, 'loop-limit', `more than ${max} elements ran in one step without waiting (a cycle without a wait state?)`, 'activate', { max });
    return;
  }
  // Each expression has its own budget, but a cycle of them under the element budget can still hold
  // the server for minutes: past the step's time budget, what the step reaches next waits as an incident.
  if (rt.timeBudget?.exceeded()) {
    raiseIncident(rt, key, 'step-time', `the step ran longer than ${rt.timeBudget.ms} ms without waiting (ALUR_STEP_TIMEOUT_MS); resolving the incident runs on from here`, 'activate', { ms: rt.timeBudget.ms });
    return;
  }
  if (action.trig) {
    // Through completeElement, so a failing output mapping of the event is an incident, not an exception.
    completeElement(rt, key, { vars: action.trig });
    return;
  }
  enter(rt, key, action.start);
}

/** Runs an element instance's behaviour (again, when an incident is retried). */
export function enter(rt: Runtime, key: number, start?: string): void {
  const inst = rt.mustInst(key);
  const def = rt.el(inst.e);
  try {
    if (def.loop?.testBefore && !rt.evalCondition(def.loop.condition ?? 'false', inst.p ?? key)) {
      completeElement(rt, key, { skipLoop: true });
      return;
    }
    if (!isInner(rt, key)) applyInputsUnlessBody(rt, key, def);
    else applyInputs(rt, key);
    if (!isInner(rt, key) && def.boundaryEvents) openBoundaries(rt, key, def);
    behaviourOf(def, rt, key).activate(rt, key, start);
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    raiseIncident(rt, key, err.incidentType, err.message, 'activate', err.params);
  }
}

function applyInputsUnlessBody(rt: Runtime, key: number, def: ElementDef): void {
  // A multi-instance body maps inputs per inner instance, not once for the body.
  if (!def.multiInstance) applyInputs(rt, key);
}

export interface CompleteOptions {
  /** Variables the completion brings (task, job, message, child instance). */
  vars?: Record<string, unknown>;
  /** Flows to take instead of the element's outgoing flows (gateways decide these themselves). */
  flows?: string[];
  skipLoop?: boolean;
  /** Where a person's completion notes the variables it changed, with their old values (task.completed). */
  changes?: VariableChange[];
}

/** Completes element instance `key`: output mappings, outgoing flows, then its scope may complete. */
export function completeElement(rt: Runtime, key: number, opts: CompleteOptions = {}): void {
  if (key === ROOT_KEY) return finishInstance(rt, 'completed');
  const inst = rt.mustInst(key);
  if (inst.r) return finishRestored(rt, key);
  const def = rt.el(inst.e);
  let flows: string[];
  let again: boolean;
  try {
    if (!isBody(rt, key) && (opts.vars || def.outputs?.length)) completeVariables(rt, key, opts.vars, opts.changes);
    if (isInner(rt, key)) innerCompleting(rt, key);
    flows = opts.flows ?? (isInner(rt, key) ? [] : selectOutgoing(rt, def, key));
    // Decided before the element is gone, so a failing loop condition leaves an incident to resolve.
    again = !opts.skipLoop && !!def.loop && loopAgain(rt, def, inst.p!, inst.lc ?? 1);
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    // Output mappings read the completion's variables, which were not propagated: they stay with the
    // element (Zeebe keeps them local too), so the retry after the incident maps the same data, not nulls.
    if (opts.vars && def.outputs?.length && !isBody(rt, key)) inst.v = { ...inst.v, ...opts.vars };
    raiseIncident(rt, key, err.incidentType, err.message, 'complete', err.params);
    return;
  }
  for (const sub of rt.subsOwnedBy(key)) rt.removeSub(sub, true);
  recordCompensable(rt, key, inst, def);
  delete rt.state.els[key];
  rt.forgetScope(key);
  rt.log({ type: 'element.completed', elementId: def.id, key });
  if (inst.f !== undefined) compensationHandlerDone(rt, inst.f);
  const parent = rt.inst(inst.p!);
  if (parent && isBody(rt, inst.p!) && parent.e === inst.e) return;
  if (again) {
    rt.push({ a: 'activate', e: def.id, scope: inst.p!, lc: (inst.lc ?? 1) + 1 });
    return;
  }
  takeFlows(rt, inst.p!, flows);
  checkScope(rt, inst.p!);
}

function loopAgain(rt: Runtime, def: ElementDef, scope: number, iteration: number): boolean {
  const loop = def.loop!;
  if (loop.maximum !== undefined && iteration >= loop.maximum) return false;
  if (!loop.condition) return loop.maximum !== undefined;
  return rt.evalCondition(loop.condition, scope);
}

/**
 * Outgoing flows of a non-gateway element: every unconditional flow, every conditional flow whose
 * condition is true, and the default flow when no conditional flow is true (BPMN 2.0 §10.3.1).
 */
function selectOutgoing(rt: Runtime, def: ElementDef, key: number): string[] {
  const out: string[] = [];
  let anyTrue = false;
  for (const id of def.outgoing) {
    if (id === def.defaultFlow) continue;
    const flow = rt.model.flows[id];
    if (flow.condition === undefined) out.push(id);
    else if (rt.evalCondition(flow.condition, key)) {
      anyTrue = true;
      out.push(id);
    }
  }
  if (def.defaultFlow && !anyTrue) out.push(def.defaultFlow);
  return out;
}

export function takeFlows(rt: Runtime, scope: number, flows: string[]): void {
  for (const id of flows) {
    const flow = rt.model.flows[id];
    rt.log({ type: 'flow.taken', elementId: id });
    rt.push({ a: 'activate', e: flow.target, scope, flow: id });
  }
}

/** A scope with no tokens left (none active, none on the way, none waiting at a join) completes. */
export function checkScope(rt: Runtime, scopeKey: number): void {
  const scope = rt.inst(scopeKey);
  if (!scope || scope.inc || isBody(rt, scopeKey)) return;
  if ((rt.pending.get(scopeKey) ?? 0) > 0) return;
  if (rt.children(scopeKey).length > 0) return;
  const joins = rt.state.joins?.[scopeKey];
  if (joins && Object.values(joins).some((arrived) => arrived.length > 0)) return;
  const def = scopeKey === ROOT_KEY ? undefined : rt.el(scope.e);
  if (def && def.type !== 'subProcess') return;
  if (def && scope.w) return;
  rt.push({ a: 'complete', key: scopeKey });
}

/** Terminates an element instance and everything inside it, cancelling what it waits for. */
export function terminate(rt: Runtime, key: number): void {
  const inst = rt.inst(key);
  if (!inst) return;
  for (const child of rt.children(key)) terminate(rt, child);
  for (const sub of rt.subsOwnedBy(key)) rt.removeSub(sub, true);
  if (inst.w?.k === 'task') rt.emit({ type: 'task.close', key, reason: 'cancelled' });
  else if (inst.w?.k === 'job') rt.emit({ type: 'job.cancel', key });
  else if (inst.w?.k === 'call') rt.emit({ type: 'call.cancel', key, childInstanceId: inst.w.child });
  if (inst.inc) rt.emit({ type: 'incident.close', key: inst.inc.key });
  rt.forgetScope(key);
  delete rt.state.els[key];
  rt.log({ type: 'element.terminated', elementId: inst.e, key });
}

/** Ends the instance: every remaining element and subscription is closed and adapters learn the outcome. */
export function finishInstance(rt: Runtime, status: 'completed' | 'terminated' | 'cancelled' | 'failed', errorCode?: string): void {
  const root = rt.inst(ROOT_KEY);
  const variables = { ...(root?.v ?? {}) };
  if (root) for (const child of rt.children(ROOT_KEY)) terminate(rt, child);
  for (const key of Object.keys(rt.state.subs ?? {}).map(Number)) rt.removeSub(key, true);
  if (root) rt.log({ type: status === 'completed' ? 'element.completed' : 'element.terminated', elementId: root.e, key: ROOT_KEY });
  rt.state.status = status;
  rt.state.els = {};
  delete rt.state.subs;
  delete rt.state.joins;
  delete rt.state.comp;
  rt.state.final = variables;
  if (errorCode) rt.state.errorCode = errorCode;
  rt.agenda.length = 0;
  rt.log({ type: `instance.${status}` });
  rt.emit({ type: 'instance.ended', state: status, variables, errorCode, parent: rt.state.parent });
}
