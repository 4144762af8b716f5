/**
 * Converging gateways. A parallel join fires when every incoming flow has a token. An inclusive
 * join (OR-join) fires when no token elsewhere in the scope can still reach one of its empty
 * incoming flows — the true BPMN semantics, not "wait for all" nor "fire at first".
 */
import type { ElementDef } from './model.js';
import type { Runtime } from './runtime.js';
import { linkTarget } from './elements/throw-event.js';

/**
 * Records a token arriving at a converging gateway; true when the gateway should activate now.
 * Constant time per arrival: the snapshot keeps the arrived flows as a list, and the runtime
 * counts them per flow (`counted`), so a gateway with 10,000 incoming flows is not scanned on each
 * of its 10,000 arrivals (that was quadratic per arrival and blocked the server for minutes).
 */
export function arriveAtJoin(rt: Runtime, def: ElementDef, scope: number, flow: string): boolean {
  if (def.type !== 'parallelGateway' && def.type !== 'inclusiveGateway') return true;
  const arrived = (((rt.state.joins ??= {})[scope] ??= {})[def.id] ??= []);
  const counts = counted(rt, scope, def.id, arrived);
  arrived.push(flow);
  add(counts, flow, 1);
  counts.length = arrived.length;
  if (def.type === 'inclusiveGateway') return false;
  // Only incoming flows arrive here, so as many distinct flows as incoming ones means all are there.
  if (counts.distinct < def.incoming.length) return false;
  consume(rt, scope, def, def.incoming);
  return true;
}

interface JoinCounts { list: string[]; length: number; flows: Map<string, number>; distinct: number }

/** The per-flow counts of `arrived`, built once per step (again if the list was replaced or changed size elsewhere). */
function counted(rt: Runtime, scope: number, gateway: string, arrived: string[]): JoinCounts {
  const key = `${scope}|${gateway}`;
  const known = rt.joinCounts.get(key) as JoinCounts | undefined;
  if (known && known.list === arrived && known.length === arrived.length) return known;
  const counts: JoinCounts = { list: arrived, length: arrived.length, flows: new Map(), distinct: 0 };
  for (const f of arrived) add(counts, f, 1);
  rt.joinCounts.set(key, counts);
  return counts;
}

function add(counts: JoinCounts, flow: string, n: number): void {
  const before = counts.flows.get(flow) ?? 0;
  const after = before + n;
  if (before === 0 && after > 0) counts.distinct++;
  if (before > 0 && after === 0) counts.distinct--;
  if (after === 0) counts.flows.delete(flow);
  else counts.flows.set(flow, after);
}

/** Takes one token of each of `flows` (distinct) off the gateway: one pass over its list. */
function consume(rt: Runtime, scope: number, def: ElementDef, flows: string[]): void {
  const joins = rt.state.joins!;
  const arrived = joins[scope][def.id];
  const counts = counted(rt, scope, def.id, arrived);
  const take = new Set(flows);
  const kept = arrived.filter((f) => !take.delete(f));
  for (const f of flows) add(counts, f, -1);
  if (kept.length === 0) {
    delete joins[scope][def.id];
    rt.joinCounts.delete(`${scope}|${def.id}`);
  } else {
    joins[scope][def.id] = kept;
    counts.list = kept;
    counts.length = kept.length;
  }
  if (Object.keys(joins[scope]).length === 0) delete joins[scope];
  if (Object.keys(joins).length === 0) delete rt.state.joins;
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
      const counts = counted(rt, scopeKey, gatewayId, arrived);
      const empty = def.incoming.filter((f) => !counts.flows.has(f));
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
  const wanted = new Set(empty);
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
      if (wanted.has(f)) return true;
      const target = rt.model.flows[f].target;
      if (target !== gateway.id) queue.push(target);
    }
  }
  return false;
}
