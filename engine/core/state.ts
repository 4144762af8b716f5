/**
 * Instance state: the whole truth about one running instance, small and JSON-serialisable, so a
 * store persists it as one snapshot. Element instances form a tree (process → subprocess → task);
 * each has an integer `key` minted from `next`, which also identifies the effects it causes
 * (task, job, call). Event subscriptions (timers, messages, signals of catch events, boundary
 * events, event-based gateways and event subprocess starts) live in `subs`, keyed the same way.
 */
import type { Variables, ParentRef } from './inputs.js';

export const STATE_VERSION = 1;
export const ROOT_KEY = 1;

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'cancelled' | 'failed';

/** active: running its behaviour or waiting for an input (see `w`). */
export type ElementState = 'active' | 'waiting';

export interface ElementInstance {
  /** Element id in the model (the process id for the root). */
  e: string;
  /** Parent element instance key (undefined for the root). */
  p?: number;
  s: ElementState;
  /** Local variables of this scope (root, subprocess, input-mapped task, multi-instance item). */
  v?: Variables;
  /** What it waits for, with what a retry or cancel needs. */
  w?: Wait;
  /** Multi-instance body: items (when from a collection), next index, total, done, outputs. */
  mi?: { items?: unknown[]; next: number; total: number; done: number; out?: unknown[] };
  /** Loop counter (1-based) of a multi-instance inner instance or a standard-loop iteration. */
  lc?: number;
  /** Compensation handler (or restored subprocess): the throw event instance waiting for it. */
  f?: number;
  /** A completed subprocess brought back to run its compensation: completing it only ends that. */
  r?: true;
  /** Open incident on this element instance. */
  inc?: Incident;
  /** A user task due in working days: `n` after `from` (local), due at `at` (ISO, UTC) — counted again on a calendar change. */
  d?: { from: string; n: number; at: string };
}

export interface Incident {
  key: number;
  type: string;
  message: string;
  /** The message's numbers and names, for its text in the reader's language (IncidentParams). */
  p?: Record<string, string | number>;
  /** What resolving it re-runs: the job, the element's activation, or its completion. */
  retry: 'job' | 'activate' | 'complete';
}

export type Wait =
  | { k: 'task' }
  | { k: 'job'; type: string; retries: number; attempt: number; headers: Record<string, string> }
  | { k: 'call'; child: string }
  | { k: 'event' }
  | { k: 'compensation'; open: number };

export interface Subscription {
  /** The catching element: intermediate catch, boundary, event-subprocess start, or an event after an event-based gateway. */
  e: string;
  /** The element instance that owns it: the catch event itself, the activity, the gateway, or the scope. */
  o: number;
  kind: 'timer' | 'message' | 'signal';
  /** timer: due time and, for cycles, repetitions left (null = unbounded) and the period. */
  due?: string;
  cycle?: { left: number | null; every: string };
  /** A timer date that was one `add working days(from, n)` call: counted again on a calendar change. */
  by?: { from: string; n: number };
  name?: string;
  ck?: string;
}

/**
 * A completed activity compensation can undo: the id of one with a compensation handler, or a
 * completed subprocess (`e`) with what was compensable inside it (`c`) and its local variables at
 * completion (`v`, the snapshot its compensation sees). Kept only for subprocesses the model marks
 * `compensable`.
 */
export type Compensable = string | { e: string; c?: Compensable[]; v?: Variables };

export interface InstanceState {
  v: typeof STATE_VERSION;
  id: string;
  processId: string;
  businessKey?: string;
  status: InstanceStatus;
  /** Next key to mint. */
  next: number;
  els: Record<number, ElementInstance>;
  subs?: Record<number, Subscription>;
  /** Tokens waiting at a converging gateway: scope key → gateway id → flow ids that arrived. */
  joins?: Record<number, Record<string, string[]>>;
  /** What compensation can still undo, per scope key (most recent last). */
  comp?: Record<number, Compensable[]>;
  parent?: ParentRef;
  /** The process variables at the end (the element tree is gone by then). */
  final?: Variables;
  /** Set when the instance ended by an error that nothing caught (a called child). */
  errorCode?: string;
  /** The case's service standard, when the process has `alur:sla` (core/sla.ts). */
  sla?: CaseSla;
}

/**
 * A case's service standard in working days (core/sla.ts): where its deadline is counted from, so
 * a calendar change counts it again. Local date-times carry the calendar zone's offset.
 */
export interface CaseSla {
  /** Working days the service standard promises. */
  n: number;
  /** When the case started (local date-time). */
  from: string;
  /** Times the clock stood (local date-times), each [from, to]: their working days move the due date. */
  pauses?: [string, string][];
  /** The clock stands since `at` (local), at element `e`, with `left` working days left then. */
  paused?: { at: string; e: string; left: number };
  /** The due instant (ISO, UTC) as last counted; while paused, the due instant were the clock to run again when it stopped. */
  due: string;
  /** Once the case ended: when (ISO, UTC) and whether it was by the due instant. */
  end?: { at: string; state: 'met' | 'missed' };
}
