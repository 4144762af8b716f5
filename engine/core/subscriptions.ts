/**
 * Event subscriptions: timers, messages and signals that catch events, boundary events,
 * event-based gateways and event-subprocess starts wait for. Opening one emits the matching
 * effect (timer.schedule, message.subscribe, signal.subscribe); each has its own key.
 */
import type { ElementDef, EventDefinition } from './model.js';
import type { Runtime } from './runtime.js';
import { ExpressionFailure } from './runtime.js';
import type { Subscription } from './state.js';
import { dueTime, planTimer } from './timers.js';
import { ROOT_KEY } from './state.js';
import { raiseIncident } from './incidents.js';

/** Opens the subscription of catch element `catchDef` owned by instance `owner`; expressions evaluate in `evalKey`. */
export function openSubscription(rt: Runtime, owner: number, catchDef: ElementDef, evalKey: number): number | undefined {
  const ev: EventDefinition | undefined = catchDef.type === 'receiveTask' && catchDef.message
    ? { kind: 'message', ...catchDef.message }
    : catchDef.event;
  if (!ev) return undefined;
  if (ev.kind === 'timer') {
    const evaluated = 'feel' in ev.timer.expr ? rt.evalFeelResult(ev.timer.expr.feel, evalKey) : { value: ev.timer.expr.value, plannedBy: undefined };
    const raw = evaluated.value;
    // Null is usually a missing variable: saying so helps more than judging the empty text.
    if (raw === null || raw === undefined) throw new ExpressionFailure(`timer of ${catchDef.id}: the expression evaluated to null, not a ${ev.timer.type}`);
    // The incident carries planTimer's reason, the same text the deployment rule gives for a literal.
    const plan = planTimer(ev.timer.type, typeof raw === 'string' ? raw : String(raw), rt.now, rt.minCycleMs);
    if (!plan.ok) throw new ExpressionFailure(`timer of ${catchDef.id}: ${plan.problem}`);
    const due = plan.due;
    // A date that was one `add working days` call remembers its count: a calendar change moves it.
    const by = ev.timer.type === 'date' && evaluated.plannedBy ? { by: evaluated.plannedBy } : {};
    const key = rt.addSub({ e: catchDef.id, o: owner, kind: 'timer', due: due.due, ...(due.cycle ? { cycle: due.cycle } : {}), ...by });
    rt.emit({ type: 'timer.schedule', key, elementId: catchDef.id, dueAt: due.due, ...(evaluated.plannedBy && ev.timer.type === 'date' ? { workingDays: true as const } : {}) });
    return key;
  }
  if (ev.kind === 'message') {
    const ck = ev.correlationKey ? rt.evalExpr(ev.correlationKey, evalKey) : undefined;
    if (ev.correlationKey && (ck === null || ck === undefined)) throw new ExpressionFailure(`correlation key of ${catchDef.id} evaluated to null`);
    const sub: Subscription = { e: catchDef.id, o: owner, kind: 'message', name: ev.messageName };
    if (ck !== undefined) sub.ck = String(ck);
    const key = rt.addSub(sub);
    rt.emit({ type: 'message.subscribe', key, elementId: catchDef.id, name: ev.messageName, correlationKey: sub.ck });
    return key;
  }
  if (ev.kind === 'signal') {
    const key = rt.addSub({ e: catchDef.id, o: owner, kind: 'signal', name: ev.signalName });
    rt.emit({ type: 'signal.subscribe', key, elementId: catchDef.id, name: ev.signalName });
    return key;
  }
  return undefined;
}

/** Boundary timers, messages and signals of an activity open when it activates. */
export function openBoundaries(rt: Runtime, key: number, def: ElementDef): void {
  for (const id of def.boundaryEvents ?? []) openSubscription(rt, key, rt.el(id), key);
}

/** Event subprocesses of a scope start listening when the scope activates. */
export function openEventSubprocesses(rt: Runtime, scopeKey: number, children: string[]): void {
  for (const id of children) {
    const def = rt.el(id);
    if (def.type !== 'subProcess' || !def.triggeredByEvent) continue;
    const start = (def.children ?? []).map((c) => rt.el(c)).find((c) => c.type === 'startEvent');
    if (start) openSubscription(rt, scopeKey, start, scopeKey);
  }
}

/**
 * The process scope's event subprocesses start listening. A listener whose expression fails (a
 * correlation key over a missing variable) is an incident on the process, resolved like any other;
 * it must not escape step as an exception.
 */
export function openRootListeners(rt: Runtime): void {
  try {
    openEventSubprocesses(rt, ROOT_KEY, rt.model.children);
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    raiseIncident(rt, ROOT_KEY, err.incidentType, err.message, 'activate', err.params);
  }
}

/** After a timer cycle fired: the next repetition, under a new key (a fired timer job is never reused). */
export function rescheduleCycle(rt: Runtime, subKey: number): void {
  const sub = rt.state.subs![subKey];
  rt.removeSub(subKey, false);
  if (!sub.cycle || sub.cycle.left === 0) return;
  const from = sub.due ?? rt.now;
  const next = dueTime('duration', sub.cycle.every, from);
  if (!next) return;
  // A cycle planned before the minimum was set (or raised) still waits at least the minimum.
  const floor = Date.parse(from) + rt.minCycleMs;
  if (Date.parse(next.due) < floor) next.due = new Date(floor).toISOString();
  const key = rt.addSub({ ...sub, due: next.due, cycle: { left: sub.cycle.left === null ? null : sub.cycle.left - 1, every: sub.cycle.every } });
  rt.emit({ type: 'timer.schedule', key, elementId: sub.e, dueAt: next.due });
}
