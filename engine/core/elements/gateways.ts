/**
 * Diverging behaviour of gateways (converging is in joins.ts):
 * exclusive — the first true condition in document order, else the default, else an incident;
 * parallel — every outgoing flow, conditions ignored (BPMN 2.0.2);
 * inclusive — every true condition, else the default, else an incident.
 */
import type { Behaviour } from './behaviour.js';
import type { Runtime } from '../runtime.js';
import { ExpressionFailure } from '../runtime.js';
import { completeElement } from '../flow.js';
import { openSubscription } from '../subscriptions.js';

export const exclusiveGateway: Behaviour = {
  activate(rt, key) {
    const def = rt.el(rt.mustInst(key).e);
    if (def.outgoing.length <= 1) return completeElement(rt, key, { flows: def.outgoing });
    for (const id of def.outgoing) {
      if (id === def.defaultFlow) continue;
      const flow = rt.model.flows[id];
      if (flow.condition === undefined || rt.evalCondition(flow.condition, key)) return completeElement(rt, key, { flows: [id] });
    }
    if (def.defaultFlow) return completeElement(rt, key, { flows: [def.defaultFlow] });
    throw noFlow(rt, def.id);
  },
};

export const parallelGateway: Behaviour = {
  activate(rt, key) {
    completeElement(rt, key, { flows: rt.el(rt.mustInst(key).e).outgoing });
  },
};

export const inclusiveGateway: Behaviour = {
  activate(rt, key) {
    const def = rt.el(rt.mustInst(key).e);
    if (def.outgoing.length <= 1) return completeElement(rt, key, { flows: def.outgoing });
    const taken = def.outgoing.filter((id) => {
      if (id === def.defaultFlow) return false;
      const flow = rt.model.flows[id];
      return flow.condition === undefined || rt.evalCondition(flow.condition, key);
    });
    if (taken.length > 0) return completeElement(rt, key, { flows: taken });
    if (def.defaultFlow) return completeElement(rt, key, { flows: [def.defaultFlow] });
    throw noFlow(rt, def.id);
  },
};

function noFlow(_rt: Runtime, id: string): ExpressionFailure {
  return new ExpressionFailure(`no outgoing flow of gateway ${id} has a true condition and there is no default flow`, 'condition');
}

/** eventBasedGateway: waits for the first of the events after it; the others are cancelled then. */
export const eventBasedGateway: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    for (const id of def.outgoing) {
      const target = rt.el(rt.model.flows[id].target);
      openEventAfterGateway(rt, key, target.id);
    }
    inst.s = 'waiting';
    inst.w = { k: 'event' };
  },
};

function openEventAfterGateway(rt: Runtime, gatewayKey: number, targetId: string): void {
  openSubscription(rt, gatewayKey, rt.el(targetId), gatewayKey);
}
