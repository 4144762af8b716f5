/**
 * What happens when a subscription's event arrives (timer fired, message correlated, signal
 * received), by who owns it: a catch event completes; an event-based gateway takes that event's
 * path; a boundary event interrupts its activity or runs beside it; an event subprocess starts.
 */
import type { Runtime } from './runtime.js';
import { ROOT_KEY } from './state.js';
import { completeElement, terminate } from './flow.js';
import { rescheduleCycle } from './subscriptions.js';
import { interruptScope } from './throw.js';
import { propagate } from './variables.js';

export function trigger(rt: Runtime, subKey: number, given: Record<string, unknown> | undefined): void {
  const sub = rt.state.subs![subKey];
  const owner = rt.mustInst(sub.o);
  const catchDef = rt.el(sub.e);
  // A strict process (alur:variables) takes from a message or signal into a running case only what
  // the catching event's output mappings declare: whoever publishes it cannot overwrite what a form
  // checked. Without output mappings nothing of it lands.
  const vars = rt.model.strictVariables && sub.kind !== 'timer' && !catchDef.outputs?.length ? undefined : given;
  const kind = sub.kind === 'timer' ? 'timer.fired' : sub.kind === 'message' ? 'message.correlated' : 'signal.received';
  rt.log({ type: kind, elementId: sub.e, key: subKey, ...(sub.name ? { data: { name: sub.name } } : {}) });
  /** The subscription is used up (a fired timer needs no cancel; a message subscription does). */
  const consume = () => rt.removeSub(subKey, sub.kind !== 'timer');
  /** A non-interrupting listener stays: a timer cycle schedules its next repetition. */
  const keep = () => { if (sub.kind === 'timer') rescheduleCycle(rt, subKey); };

  if (owner.e === sub.e) {
    consume();
    delete owner.w;
    owner.s = 'active';
    completeElement(rt, sub.o, { vars });
    return;
  }
  if (sub.o !== ROOT_KEY && rt.el(owner.e).type === 'eventBasedGateway') {
    for (const other of rt.subsOwnedBy(sub.o)) if (other !== subKey) rt.removeSub(other, true);
    consume();
    rt.push({ a: 'activate', e: sub.e, scope: owner.p!, trig: vars ?? {} });
    delete owner.w;
    completeElement(rt, sub.o, { flows: [] });
    return;
  }
  if (catchDef.type === 'boundaryEvent') {
    const interrupting = catchDef.cancelActivity !== false;
    if (interrupting) consume();
    else keep();
    rt.push({ a: 'activate', e: catchDef.id, scope: owner.p!, trig: vars ?? {} });
    if (interrupting) terminate(rt, sub.o);
    return;
  }
  // An event subprocess start: the owner is the scope that contains the event subprocess.
  if (catchDef.interrupting !== false) {
    consume();
    interruptScope(rt, sub.o);
  } else keep();
  // An event subprocess's start has no completion to map through: in a strict process it takes none.
  propagate(rt, sub.o, rt.model.strictVariables && sub.kind !== 'timer' ? undefined : vars);
  rt.push({ a: 'activate', e: catchDef.parent, scope: sub.o, start: catchDef.id });
}
