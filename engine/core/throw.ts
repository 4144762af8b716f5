/**
 * Throwing events: errors and escalations travel up the scope tree to the innermost catching
 * boundary event or event subprocess; signals reach this instance's own catches at once and every
 * other instance through the signal.broadcast effect; messages leave through message.publish.
 */
import type { ElementDef, Expr } from './model.js';
import type { Runtime } from './runtime.js';
import { ROOT_KEY } from './state.js';
import { completeElement, finishInstance, terminate } from './flow.js';
import { isInner } from './elements/multi-instance.js';
import { raiseIncident } from './incidents.js';
import { throwCompensation } from './compensation.js';
import { trigger } from './triggers.js';
import { propagate } from './variables.js';

/** Throw/end events: do what the event definition says, then move on unless interrupted. */
export function throwEvent(rt: Runtime, key: number, def: ElementDef): void {
  const ev = def.event;
  switch (ev?.kind) {
    case 'error':
      throwError(rt, key, ev.errorCode ?? '');
      return;
    case 'escalation': {
      const outcome = throwEscalation(rt, key, ev.escalationCode ?? '');
      if (outcome !== 'interrupting' && rt.inst(key)) completeElement(rt, key);
      return;
    }
    case 'signal':
      throwSignal(rt, key, ev.signalName);
      if (rt.inst(key)) completeElement(rt, key);
      return;
    case 'message':
      publishMessage(rt, key, ev.messageName, ev.correlationKey);
      completeElement(rt, key);
      return;
    case 'compensate':
      throwCompensation(rt, key, ev.activityRef, ev.waitForCompletion !== false);
      return;
    default:
      completeElement(rt, key);
  }
}

type Catch = { boundary: string; activity: number } | { esp: string; start: string; scope: number };

function eventOf(rt: Runtime, id: string): ElementDef['event'] {
  const def = rt.el(id);
  if (def.type !== 'subProcess') return def.event;
  const start = (def.children ?? []).map((c) => rt.el(c)).find((c) => c.type === 'startEvent');
  return start?.event;
}

function codeOf(ev: ElementDef['event']): string | undefined {
  return ev?.kind === 'error' ? ev.errorCode : ev?.kind === 'escalation' ? ev.escalationCode : undefined;
}

/** The catching element among `ids` for `kind`/`code`: an exact code beats a catch-all. */
function match(rt: Runtime, ids: string[], kind: 'error' | 'escalation', code: string): string | undefined {
  let fallback: string | undefined;
  for (const id of ids) {
    const def = rt.el(id);
    if (!(def.type === 'subProcess' && def.triggeredByEvent) && def.type !== 'boundaryEvent') continue;
    const ev = eventOf(rt, id);
    if (ev?.kind !== kind) continue;
    const c = codeOf(ev);
    if (c === code) return id;
    if (c === undefined || c === '') fallback ??= id;
  }
  return fallback;
}

function findCatch(rt: Runtime, fromKey: number, kind: 'error' | 'escalation', code: string): Catch | undefined {
  for (let cur: number | undefined = fromKey, first = true; cur !== undefined; cur = rt.state.els[cur]?.p, first = false) {
    const inst = rt.state.els[cur];
    if (!inst) return undefined;
    const def = cur === ROOT_KEY ? undefined : rt.el(inst.e);
    // A subprocess restored for its compensation had completed: its boundary events and event subprocesses no longer listen.
    if (inst.r) continue;
    if (!first && (cur === ROOT_KEY || (def?.type === 'subProcess' && !isInner(rt, cur) === !def.multiInstance))) {
      const children = cur === ROOT_KEY ? rt.model.children : def!.children ?? [];
      const esp = match(rt, children, kind, code);
      if (esp) return { esp, start: (rt.el(esp).children ?? []).find((c) => rt.el(c).type === 'startEvent')!, scope: cur };
    }
    if (def?.boundaryEvents && !isInner(rt, cur)) {
      const boundary = match(rt, def.boundaryEvents, kind, code);
      if (boundary) return { boundary, activity: cur };
    }
  }
  return undefined;
}

/** Starts the catching element; interrupting catches terminate what they interrupt. */
function catchIt(rt: Runtime, c: Catch, vars: Record<string, unknown>): 'interrupting' | 'non-interrupting' {
  if ('boundary' in c) {
    const activity = rt.mustInst(c.activity);
    const interrupting = rt.el(c.boundary).cancelActivity !== false;
    rt.push({ a: 'activate', e: c.boundary, scope: activity.p!, trig: vars });
    if (interrupting) terminate(rt, c.activity);
    return interrupting ? 'interrupting' : 'non-interrupting';
  }
  const interrupting = rt.el(c.start).interrupting !== false;
  if (interrupting) interruptScope(rt, c.scope);
  if (Object.keys(vars).length > 0) propagate(rt, c.scope, vars);
  rt.push({ a: 'activate', e: c.esp, scope: c.scope, start: c.start });
  return interrupting ? 'interrupting' : 'non-interrupting';
}

/** An interrupting event subprocess ends everything else in its scope, and the scope's other event subprocess listeners. */
export function interruptScope(rt: Runtime, scope: number): void {
  for (const sub of rt.subsOwnedBy(scope)) {
    if (rt.el(rt.state.subs![sub].e).type === 'startEvent') rt.removeSub(sub, true);
  }
  for (const child of rt.children(scope)) terminate(rt, child);
  if (rt.state.joins?.[scope]) {
    delete rt.state.joins[scope];
    if (Object.keys(rt.state.joins).length === 0) delete rt.state.joins;
  }
}

/** `vars`: what the thrower sends with the error (a worker's job.error); they arrive where it is caught. */
export function throwError(rt: Runtime, fromKey: number, code: string, message?: string, vars?: Record<string, unknown>): void {
  const c = findCatch(rt, fromKey, 'error', code);
  rt.log({ type: 'error.thrown', elementId: rt.state.els[fromKey]?.e, key: fromKey, data: { code, caught: !!c, ...(message ? { message } : {}) } });
  if (c) {
    catchIt(rt, c, vars ?? {});
    return;
  }
  if (rt.state.parent) return finishInstance(rt, 'failed', code);
  raiseIncident(rt, fromKey, 'unhandled-error', `error ${JSON.stringify(code)} thrown at ${rt.mustInst(fromKey).e} was not caught${message ? `: ${message}` : ''}`, 'activate');
}

export function throwEscalation(rt: Runtime, fromKey: number, code: string): 'interrupting' | 'non-interrupting' | undefined {
  const c = findCatch(rt, fromKey, 'escalation', code);
  rt.log({ type: 'escalation.thrown', elementId: rt.mustInst(fromKey).e, key: fromKey, data: { code, caught: !!c } });
  if (c) return catchIt(rt, c, {});
  if (rt.state.parent) rt.emit({ type: 'call.escalate', parent: rt.state.parent, code });
  return undefined;
}

export function throwSignal(rt: Runtime, key: number, name: string): void {
  const variables = { ...(rt.mustInst(key).v ?? {}) };
  rt.log({ type: 'signal.thrown', elementId: rt.mustInst(key).e, key, data: { name } });
  const mine = Object.keys(rt.state.subs ?? {}).map(Number).filter((k) => {
    const sub = rt.state.subs![k];
    return sub.kind === 'signal' && sub.name === name;
  });
  for (const sub of mine) if (rt.state.subs?.[sub]) trigger(rt, sub, variables);
  rt.emit({ type: 'signal.broadcast', name, variables });
}

export function publishMessage(rt: Runtime, key: number, name: string, correlationKey?: Expr): void {
  const ck = correlationKey ? rt.evalExpr(correlationKey, key) : undefined;
  const variables = { ...(rt.mustInst(key).v ?? {}) };
  rt.emit({ type: 'message.publish', name, ...(ck !== undefined && ck !== null ? { correlationKey: String(ck) } : {}), variables });
  rt.log({ type: 'message.published', elementId: rt.mustInst(key).e, key, data: { name } });
}
