/**
 * The working memory of one step: the (copied) state being changed, the effects and history being
 * collected, and the agenda of tokens still to move. Behaviours (elements/*.ts) act only through it.
 * It never reads the clock or does I/O; `now` is the input's time.
 */
import type { ElementDef, Expr, ProcessModel } from './model.js';
import type { ElementInstance, InstanceState, Subscription } from './state.js';
import type { Effect, IncidentParams } from './effects.js';
import type { HistoryEntry } from './history.js';
import type { FeelEvaluator, FeelResult } from '../expressions/feel.js';
import type { CalendarData } from '../calendar/working-days.mjs';
import { CoreBug } from './errors.js';
import { visibleVariables } from './queries.js';

/** A token on its way to an element, or an element instance to finish. */
export type Action =
  | {
      a: 'activate';
      e: string;
      scope: number;
      /** The flow the token came along (joins count these). */
      flow?: string;
      /** Multi-instance loop counter / standard-loop iteration. */
      lc?: number;
      /** Local variables the new instance starts with. */
      vars?: Record<string, unknown>;
      /** The event already happened (a triggered catch, boundary or start): complete at once with these variables. */
      trig?: Record<string, unknown>;
      /** Event subprocess: the start event that triggered it. */
      start?: string;
      /** Compensation handler: the throw event instance waiting for it. */
      f?: number;
    }
  | { a: 'complete'; key: number };

/** Thrown inside a behaviour when an expression fails; the caller turns it into an incident. */
export class ExpressionFailure extends Error {
  constructor(message: string, readonly incidentType: string = 'expression', readonly params?: IncidentParams) {
    super(message);
  }
}

export class Runtime {
  readonly effects: Effect[] = [];
  readonly history: HistoryEntry[] = [];
  readonly agenda: Action[] = [];
  /** Tokens on their way into a scope (queued activations), so the scope does not complete early. */
  readonly pending = new Map<number, number>();
  activations = 0;
  /**
   * Activations granted beyond `maxActivations` in this step: a multi-instance body adds a share
   * per item, since its fan-out is bounded by its collection (the guard is there for cycles).
   */
  extraActivations = 0;
  /** Shortest interval a timer cycle may repeat at, in ms (StepEnv.minCycleMs; 0: none). */
  minCycleMs = 0;
  /** How deep a case may nest called processes (StepEnv.maxCallDepth). */
  maxCallDepth = 20;
  /** The step's time budget (StepEnv.timeBudget); unset in the memory engine and specs that need none. */
  timeBudget?: { readonly ms: number; exceeded(): boolean };

  constructor(
    readonly model: ProcessModel,
    readonly state: InstanceState,
    readonly now: string,
    readonly feel: FeelEvaluator,
    readonly maxActivations: number,
    /** The tenant's working-day calendar; undefined counts Monday to Friday in UTC. */
    readonly calendar?: CalendarData,
    /** Most items one multi-instance may run. */
    readonly maxMultiInstanceItems: number = 15_000,
  ) {}

  /**
   * Arrivals at converging gateways counted per flow, built once per step from the snapshot's
   * lists (joins.ts), so each arrival costs the same however many flows the gateway has.
   */
  readonly joinCounts = new Map<string, { flows: Map<string, number>; distinct: number }>();

  el(id: string): ElementDef {
    const def = this.model.elements[id];
    if (!def) throw new CoreBug(`element ${id} is not in process ${this.model.id}`);
    return def;
  }

  inst(key: number): ElementInstance | undefined {
    return this.state.els[key];
  }

  mustInst(key: number): ElementInstance {
    const inst = this.state.els[key];
    if (!inst) throw new CoreBug(`element instance ${key} does not exist in instance ${this.state.id}`);
    return inst;
  }

  newKey(): number {
    return this.state.next++;
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  log(entry: HistoryEntry): void {
    this.history.push(entry);
  }

  /** Element instances whose parent is `key`, in key order. */
  children(key: number): number[] {
    const out: number[] = [];
    for (const k in this.state.els) if (this.state.els[k].p === key) out.push(Number(k));
    return out;
  }

  subsOwnedBy(owner: number): number[] {
    const out: number[] = [];
    const subs = this.state.subs ?? {};
    for (const k in subs) if (subs[k].o === owner) out.push(Number(k));
    return out;
  }

  addSub(sub: Subscription): number {
    const key = this.newKey();
    (this.state.subs ??= {})[key] = sub;
    return key;
  }

  removeSub(key: number, emitCancel: boolean): void {
    const sub = this.state.subs?.[key];
    if (!sub) return;
    delete this.state.subs![key];
    if (!emitCancel) return;
    if (sub.kind === 'timer') this.emit({ type: 'timer.cancel', key });
    else if (sub.kind === 'message') this.emit({ type: 'message.unsubscribe', key });
    else this.emit({ type: 'signal.unsubscribe', key });
  }

  /** Drops the join and compensation bookkeeping of a scope that ended; empty maps go too (small state). */
  forgetScope(key: number): void {
    const { joins, comp } = this.state;
    if (joins) {
      delete joins[key];
      if (Object.keys(joins).length === 0) delete this.state.joins;
    }
    if (comp) {
      delete comp[key];
      if (Object.keys(comp).length === 0) delete this.state.comp;
    }
  }

  push(action: Action): void {
    if (action.a === 'activate') this.pending.set(action.scope, (this.pending.get(action.scope) ?? 0) + 1);
    this.agenda.push(action);
  }

  /** Variables visible from element instance `key`: the scopes from the root down, inner shadows outer. */
  visible(key: number): Record<string, unknown> {
    return visibleVariables(this.state, key);
  }

  /** Evaluates FEEL in the scope of `key`; a failure throws ExpressionFailure. */
  evalFeel(expression: string, key: number, extra?: Record<string, unknown>): unknown {
    return this.evalFeelResult(expression, key, extra).value;
  }

  /** As evalFeel, keeping whether the value came from `add working days` (a deadline to re-plan). */
  evalFeelResult(expression: string, key: number, extra?: Record<string, unknown>): Extract<FeelResult, { ok: true }> {
    const ctx = extra ? { ...this.visible(key), ...extra } : this.visible(key);
    const r = this.feel.evaluate(expression, ctx, this.now, this.calendar ? { calendar: this.calendar } : undefined);
    if (!r.ok) throw new ExpressionFailure(r.error);
    return r;
  }

  evalExpr(expr: Expr | undefined, key: number): unknown {
    if (!expr) return undefined;
    return 'feel' in expr ? this.evalFeel(expr.feel, key) : expr.value;
  }

  /** A condition: true, false, or (null/non-boolean) false — as Zeebe treats a non-boolean as not taken. */
  evalCondition(expression: string, key: number): boolean {
    return this.evalFeel(expression, key) === true;
  }
}
