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
import { problemOf, reasonOf, refOf, type ElementProblem, type ProblemParam } from './problems.js';

/** Why a migration cannot be honoured; the catalog words each code (`migrate.<code>`). */
export type MigrationCode =
  | 'instance-not-active' | 'other-process' | 'mapped-twice' | 'no-mapping' | 'target-missing' | 'type-differs'
  | 'multi-instance-differs' | 'event-differs' | 'event-subprocess-differs' | 'container-differs'
  | 'join-target-missing' | 'join-flows-missing';

export type MigrationProblem = ElementProblem<MigrationCode>;

/** Where each source element goes: the explicit mappings. */
export type ElementMapping = { source: string; target: string }[];

function eventKind(def: ElementDef): string {
  if (def.type === 'receiveTask') return 'message';
  return def.event?.kind ?? 'none';
}

/** How `b` (a target element) differs in kind from `a`: a code and its details (types, kinds, yes/no). */
function kindDifference(a: ElementDef, b: ElementDef): { code: MigrationCode; params: Record<string, ProblemParam> } | undefined {
  if (a.type !== b.type) return { code: 'type-differs', params: { type: a.type, targetType: b.type } };
  if (!!a.multiInstance !== !!b.multiInstance) return { code: 'multi-instance-differs', params: { source: a.multiInstance ? 'yes' : 'no' } };
  if (eventKind(a) !== eventKind(b)) return { code: 'event-differs', params: { event: eventKind(a), targetEvent: eventKind(b) } };
  if (!!a.triggeredByEvent !== !!b.triggeredByEvent) return { code: 'event-subprocess-differs', params: { source: a.triggeredByEvent ? 'yes' : 'no' } };
  return undefined;
}

/** Every reason the migration cannot be honoured, each naming a source element; empty when it can. */
export function checkMigration(source: ProcessModel, target: ProcessModel, state: InstanceState, mapping: ElementMapping): MigrationProblem[] {
  if (state.status !== 'active') return [problemOf(source, source.id, 'instance-not-active', { status: state.status })];
  if (source.id !== target.id) return [problemOf(source, source.id, 'other-process', { target: target.name ?? target.id, process: source.name ?? source.id })];
  const problems: MigrationProblem[] = [];
  const at = (id: string, code: MigrationCode, params: Record<string, ProblemParam>) => problems.push(problemOf(source, id, code, params));
  const [from, to] = [(id: string) => refOf(source, id), (id: string) => refOf(target, id)];
  const map = new Map<string, string>();
  for (const m of mapping) {
    if (map.has(m.source) && map.get(m.source) !== m.target) at(m.source, 'mapped-twice', { element: from(m.source) });
    map.set(m.source, m.target);
  }
  const active = [...new Set(Object.keys(state.els).map(Number).filter((k) => k !== ROOT_KEY).map((k) => state.els[k].e))];
  for (const id of active) {
    const next = map.get(id);
    const def0 = source.elements[id];
    if (next === undefined) { at(id, 'no-mapping', { element: from(id) }); continue; }
    const def = target.elements[next];
    if (!def) { at(id, 'target-missing', { element: from(id), target: next }); continue; }
    const kind = kindDifference(def0, def);
    if (kind) { at(id, kind.code, { element: from(id), target: to(next), ...kind.params }); continue; }
    // The element must land in the container its container lands in (or both at the process level).
    const wanted = def0.parent === source.id ? target.id : map.get(def0.parent) ?? def0.parent;
    if (def.parent !== wanted) at(id, 'container-differs', { element: from(id), container: from(def0.parent), target: to(next), targetContainer: to(def.parent) });
  }
  for (const [scope, gateways] of Object.entries(state.joins ?? {})) {
    void scope;
    for (const [gateway, arrived] of Object.entries(gateways)) {
      if (!arrived.length) continue;
      const next = map.get(gateway) ?? gateway;
      const def = target.elements[next];
      if (!def || def.type !== source.elements[gateway].type) { at(gateway, 'join-target-missing', { element: from(gateway), type: source.elements[gateway].type, target: def ? to(next) : next }); continue; }
      const missing = arrived.filter((f) => !def.incoming.includes(f));
      if (missing.length) at(gateway, 'join-flows-missing', { element: from(gateway), flows: missing.map((f) => ({ id: f, ...(source.flows[f]?.name ? { name: source.flows[f].name } : {}) })), count: missing.length, target: to(next) });
    }
  }
  return problems;
}

/** Applies a checked migration to `rt` (running the source model); returns a reason when it no longer applies. */
export function migrate(rt: Runtime, target: ProcessModel, mapping: ElementMapping, user: string | undefined, versions?: { from: number; to: number }): string | undefined {
  const problems = checkMigration(rt.model, target, rt.state, mapping);
  if (problems.length) return reasonOf(problems);
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
