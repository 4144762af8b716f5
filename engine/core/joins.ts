/**
 * Converging gateways. A parallel join fires when every incoming flow has a token. An inclusive
 * join (OR-join) fires when no token elsewhere in the scope can still reach one of its empty
 * incoming flows — the true BPMN semantics, not "wait for all" nor "fire at first".
 */
import type { ElementDef } from './model.js';
import type { Runtime } from './runtime.js';
import { linkTarget } from './elements/throw-event.js';

/** Records a token arriving at a converging gateway; true when the gateway should activate now. */
export function arriveAtJoin(rt: Runtime, def: ElementDef, scope: number, flow: string): boolean {
  if (def.type !== 'parallelGateway' && def.type !== 'inclusiveGateway') return true;
  const arrived = (((rt.state.joins ??= {})[scope] ??= {})[def.id] ??= []);
  arrived.push(flow);
  if (def.type === 'inclusiveGateway') return false;
  if (!def.incoming.every((f) => arrived.includes(f))) return false;
  consume(rt, scope, def, def.incoming);
  return true;
}

function consume(rt: Runtime, scope: number, def: ElementDef, flows: string[]): void {
  const arrived = rt.state.joins![scope][def.id];
  for (const f of flows) arrived.splice(arrived.indexOf(f), 1);
  if (arrived.length === 0) delete rt.state.joins![scope][def.id];
  if (Object.keys(rt.state.joins![scope]).length === 0) delete rt.state.joins![scope];
  if (Object.keys(rt.state.joins!).length === 0) delete rt.state.joins;
}

/** Fires every inclusive join that may fire; true when one did (the agenda has work again). */
export function settleJoins(rt: Runtime): boolean {
  const joins = rt.state.joins;
  if (!joins) return false;
  for (const scopeKey of Object.keys(joins).map(Number)) {
    for (const gatewayId of Object.keys(joins[scopeKey] ?? {})) {
      const def = rt.el(gatewayId);
      if (def.type !== 'inclusiveGateway') continue;
      const arrived = joins[scopeKey][gatewayId];
      const empty = def.incoming.filter((f) => !arrived.includes(f));
      if (empty.length > 0 && canStillArrive(rt, scopeKey, def, empty)) continue;
      consume(rt, scopeKey, def, [...new Set(arrived)]);
      rt.push({ a: 'activate', e: def.id, scope: scopeKey });
      return true;
    }
  }
  return false;
}

/** Can any token of the scope (an active element, or one waiting at another join) reach one of `empty`? */
function canStillArrive(rt: Runtime, scopeKey: number, gateway: ElementDef, empty: string[]): boolean {
  const starts: string[] = [];
  for (const child of rt.children(scopeKey)) starts.push(rt.mustInst(child).e);
  for (const [other, arrived] of Object.entries(rt.state.joins?.[scopeKey] ?? {})) {
    if (other !== gateway.id && arrived.length > 0) starts.push(other);
  }
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const def = rt.model.elements[id];
    if (!def) continue;
    const outgoing = [...def.outgoing];
    for (const b of def.boundaryEvents ?? []) outgoing.push(...rt.el(b).outgoing);
    // A link throw continues at its catch without a sequence flow in between.
    const link = linkTarget(rt, def);
    if (link && link.id !== gateway.id) queue.push(link.id);
    for (const f of outgoing) {
      if (empty.includes(f)) return true;
      const target = rt.model.flows[f].target;
      if (target !== gateway.id) queue.push(target);
    }
  }
  return false;
}
