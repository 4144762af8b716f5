/**
 * Migrating a running instance to another version of its process (same process id) with an
 * element mapping: every active element instance moves to the element it maps to, keeping its
 * key — so its task, job, call, incident and the timers and subscriptions it owns move with it
 * (the `element.migrated` effect renames their rows). What the target no longer has is closed
 * (a boundary event or an event subprocess that is gone), what it has anew is opened (a boundary
 * event added to a task, planned from now). Tokens waiting at a converging gateway move with the
 * gateway when the target's gateway has the same incoming flows.
 *
 * `checkMigration` refuses, naming each element: an active element without a mapping, a mapping to
 * an element that does not exist or is of another type (multi-instance or not, event kind), a
 * mapped element whose container would not be the mapping of its container, waiting join tokens
 * the target cannot hold. Nothing changes then.
 */
import type { ElementDef, ProcessModel } from './model.js';
import { Runtime, ExpressionFailure } from './runtime.js';
import { ROOT_KEY, type Compensable, type InstanceState } from './state.js';
import { openSubscription } from './subscriptions.js';
import { raiseIncident } from './incidents.js';

export interface MigrationProblem { element: string; message: string }

/** Where each source element goes: the explicit mappings. */
export type ElementMapping = { source: string; target: string }[];

function eventKind(def: ElementDef): string | undefined {
  if (def.type === 'receiveTask') return 'message';
  return def.event?.kind;
}

function sameKind(a: ElementDef, b: ElementDef): string | undefined {
  if (a.type !== b.type) return `is a ${a.type} but ${b.id} is a ${b.type}`;
  if (!!a.multiInstance !== !!b.multiInstance) return `${a.multiInstance ? 'is' : 'is not'} multi-instance but ${b.id} ${b.multiInstance ? 'is' : 'is not'}`;
  if (eventKind(a) !== eventKind(b)) return `waits for a ${eventKind(a) ?? 'none'} event but ${b.id} for a ${eventKind(b) ?? 'none'} event`;
  if (!!a.triggeredByEvent !== !!b.triggeredByEvent) return `${a.triggeredByEvent ? 'is' : 'is not'} an event subprocess but ${b.id} ${b.triggeredByEvent ? 'is' : 'is not'}`;
  return undefined;
}

/** Every reason the migration cannot be honoured, each naming a source element; empty when it can. */
export function checkMigration(source: ProcessModel, target: ProcessModel, state: InstanceState, mapping: ElementMapping): MigrationProblem[] {
  if (state.status !== 'active') return [{ element: source.id, message: `the instance is ${state.status}` }];
  if (source.id !== target.id) return [{ element: source.id, message: `the target is process ${target.id}, not ${source.id}` }];
  const problems: MigrationProblem[] = [];
  const map = new Map<string, string>();
  for (const m of mapping) {
    if (map.has(m.source) && map.get(m.source) !== m.target) problems.push({ element: m.source, message: `${m.source} is mapped twice` });
    map.set(m.source, m.target);
  }
  const active = [...new Set(Object.keys(state.els).map(Number).filter((k) => k !== ROOT_KEY).map((k) => state.els[k].e))];
  for (const id of active) {
    const to = map.get(id);
    const from = source.elements[id];
    if (to === undefined) { problems.push({ element: id, message: `${id} is active and has no mapping` }); continue; }
    const def = target.elements[to];
    if (!def) { problems.push({ element: id, message: `${id} is mapped to ${to}, which is not an element of the target` }); continue; }
    const kind = sameKind(from, def);
    if (kind) { problems.push({ element: id, message: `${id} ${kind}` }); continue; }
    // The element must land in the container its container lands in (or both at the process level).
    const wanted = from.parent === source.id ? target.id : map.get(from.parent) ?? from.parent;
    if (def.parent !== wanted) problems.push({ element: id, message: `${id} is inside ${from.parent === source.id ? 'the process' : from.parent}, but ${to} is inside ${def.parent === target.id ? 'the process' : def.parent}` });
  }
  for (const [scope, gateways] of Object.entries(state.joins ?? {})) {
    void scope;
    for (const [gateway, arrived] of Object.entries(gateways)) {
      if (!arrived.length) continue;
      const to = map.get(gateway) ?? gateway;
      const def = target.elements[to];
      if (!def || def.type !== source.elements[gateway].type) { problems.push({ element: gateway, message: `tokens wait at ${gateway}, and the target has no ${source.elements[gateway].type} ${to} to hold them` }); continue; }
      const missing = arrived.filter((f) => !def.incoming.includes(f));
      if (missing.length) problems.push({ element: gateway, message: `tokens wait at ${gateway} from ${missing.join(', ')}, which ${missing.length === 1 ? 'does' : 'do'} not lead to ${to} in the target` });
    }
  }
  return problems;
}

/** Applies a checked migration to `rt` (running the source model); returns a reason when it no longer applies. */
export function migrate(rt: Runtime, target: ProcessModel, mapping: ElementMapping, user: string | undefined, versions?: { from: number; to: number }): string | undefined {
  const problems = checkMigration(rt.model, target, rt.state, mapping);
  if (problems.length) return problems.map((p) => `${p.element}: ${p.message}`).join('; ');
  const map = new Map(mapping.map((m) => [m.source, m.target]));
  const to = new Runtime(target, rt.state, rt.now, rt.feel, rt.maxActivations, rt.calendar);
  const state = rt.state;
  const moved: { source: string; target: string }[] = [];
  for (const k of Object.keys(state.els).map(Number)) {
    const inst = state.els[k];
    if (k === ROOT_KEY) continue;
    const next = map.get(inst.e)!;
    if (next !== inst.e) {
      // The rows of the element instance (task, job, incident) are renamed; its incident has a key of its own.
      to.emit({ type: 'element.migrated', key: k, elementId: next });
      if (inst.inc) to.emit({ type: 'element.migrated', key: inst.inc.key, elementId: next });
    }
    if (!moved.some((m) => m.source === inst.e)) moved.push({ source: inst.e, target: next });
    inst.e = next;
  }
  // Join tokens move with their gateway (checked: the target's gateway has their flows).
  for (const gateways of Object.values(state.joins ?? {})) {
    for (const gateway of Object.keys(gateways)) {
      const next = map.get(gateway) ?? gateway;
      if (next === gateway) continue;
      gateways[next] = gateways[gateway];
      delete gateways[gateway];
    }
  }
  reconcileSubscriptions(to, map);
  // What compensation could undo keeps only what the target still has.
  if (state.comp) for (const scope of Object.keys(state.comp)) state.comp[Number(scope)] = keepKnown(state.comp[Number(scope)], target, map);
  to.log({ type: 'instance.migrated', elementId: target.id, key: ROOT_KEY, user, data: { ...(versions ? { fromVersion: versions.from, toVersion: versions.to } : {}), mappings: moved } });
  rt.effects.push(...to.effects);
  rt.history.push(...to.history);
  return undefined;
}

/**
 * Subscriptions after the move: one whose catch element the target still has where its owner now
 * stands keeps its key (a timer keeps its due time); the others close; boundary events and event
 * subprocesses the target adds open now.
 */
function reconcileSubscriptions(rt: Runtime, map: Map<string, string>): void {
  const subs = rt.state.subs ?? {};
  const owners = new Set<number>([ROOT_KEY, ...Object.keys(rt.state.els).map(Number)]);
  const expected = new Map<number, string[]>();
  for (const o of owners) expected.set(o, catchesOf(rt, o));
  for (const key of Object.keys(subs).map(Number)) {
    const sub = subs[key];
    const next = map.get(sub.e) ?? sub.e;
    const catchDef = rt.model.elements[next];
    const kind = catchDef && (catchDef.type === 'receiveTask' ? 'message' : catchDef.event?.kind);
    if (owners.has(sub.o) && expected.get(sub.o)!.includes(next) && kind === sub.kind) {
      if (next !== sub.e) rt.emit({ type: 'element.migrated', key, elementId: next });
      sub.e = next;
    } else rt.removeSub(key, true);
  }
  for (const o of owners) {
    const have = new Set(rt.subsOwnedBy(o).map((k) => rt.state.subs![k].e));
    for (const id of expected.get(o)!) {
      if (have.has(id)) continue;
      try {
        openSubscription(rt, o, rt.el(id), o);
      } catch (err) {
        if (!(err instanceof ExpressionFailure)) throw err;
        raiseIncident(rt, o, err.incidentType, err.message, 'activate', err.params);
      }
    }
  }
}

/** The catch elements whose subscriptions owner `o` holds in the target model. */
function catchesOf(rt: Runtime, o: number): string[] {
  const inst = rt.state.els[o];
  // An element stopped at its activation (an incident to retry) holds no subscriptions; its retry opens them.
  if (!inst || inst.inc?.retry === 'activate') return [];
  if (o === ROOT_KEY) return eventSubprocessStarts(rt, rt.model.children);
  const def = rt.model.elements[inst.e];
  const out: string[] = [];
  // Boundary events belong to the activity, not to the inner instances of a multi-instance one.
  const parent = inst.p === undefined ? undefined : rt.state.els[inst.p];
  const inner = parent?.mi !== undefined && parent.e === inst.e;
  if (!inner) out.push(...(def.boundaryEvents ?? []).filter((b) => ['timer', 'message', 'signal'].includes(rt.el(b).event?.kind ?? '')));
  if (def.type === 'subProcess' && !(def.multiInstance && !inner)) out.push(...eventSubprocessStarts(rt, def.children ?? []));
  if (inst.w?.k === 'event') {
    if (def.type === 'eventBasedGateway') out.push(...def.outgoing.map((f) => rt.model.flows[f].target));
    else out.push(def.id);
  }
  return out;
}

function eventSubprocessStarts(rt: Runtime, children: string[]): string[] {
  const out: string[] = [];
  for (const id of children) {
    const def = rt.model.elements[id];
    if (def?.type !== 'subProcess' || !def.triggeredByEvent) continue;
    const start = (def.children ?? []).map((c) => rt.model.elements[c]).find((c) => c.type === 'startEvent');
    if (start && ['timer', 'message', 'signal'].includes(start.event?.kind ?? '')) out.push(start.id);
  }
  return out;
}

function keepKnown(list: Compensable[], target: ProcessModel, map: Map<string, string>): Compensable[] {
  const out: Compensable[] = [];
  for (const c of list) {
    const id = typeof c === 'string' ? c : c.e;
    const next = map.get(id) ?? id;
    if (!target.elements[next]) continue;
    out.push(typeof c === 'string' ? next : { ...c, e: next, ...(c.c ? { c: keepKnown(c.c, target, map) } : {}) });
  }
  return out;
}
