/**
 * Instance state: the whole truth about one running instance, small and JSON-serialisable, so a
 * store persists it as one snapshot. Element instances form a tree (process → subprocess → task);
 * each has an integer `key` minted from `next`, which also identifies the effects it causes.
 */
import type { Variables, ParentRef } from './inputs.js';

export const STATE_VERSION = 1;

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'cancelled' | 'failed';

/**
 * Lifecycle of an element instance. Transitions are checked in one table (lifecycle.ts):
 * activating → active → completing → completed, or → terminating → terminated.
 */
export type ElementState = 'active' | 'waiting' | 'completing' | 'terminating';

export interface ElementInstance {
  /** Element id in the model (the process id for the root). */
  e: string;
  /** Parent element instance key (undefined for the root). */
  p?: number;
  s: ElementState;
  /** Local variables of this scope (subprocess, task inputs, multi-instance item). */
  v?: Variables;
  /** What it waits for: a task, job, timer, message, signal, call; with effect details needed later. */
  w?: Wait;
  /** Multi-instance body bookkeeping. */
  mi?: { items?: unknown[]; next: number; total: number; done: number; out?: unknown[] };
  /** Loop counter for multi-instance children and standard loops. */
  lc?: number;
  /** Event subprocess / boundary: the element instance that triggered it, and flags. */
  f?: number;
  /** Open incident on this element instance. */
  inc?: { key: number; type: string; message: string; retry: 'job' | 'activate' | 'complete' | 'call' };
}

export type Wait =
  | { k: 'task' }
  | { k: 'job'; type: string; retries: number; headers: Record<string, string> }
  | { k: 'timer'; due: string; cycle?: { left: number | null; every: string } }
  | { k: 'message'; name: string; ck?: string }
  | { k: 'signal'; name: string }
  | { k: 'call'; child: string }
  | { k: 'gateway' }
  | { k: 'join' }
  | { k: 'compensation' };

export interface InstanceState {
  v: typeof STATE_VERSION;
  id: string;
  processId: string;
  businessKey?: string;
  status: InstanceStatus;
  /** Next element-instance key. */
  next: number;
  /** Root scope key (always 1). Variables of the process live in els[1].v. */
  els: Record<number, ElementInstance>;
  /** Parallel/inclusive join bookkeeping: per scope key, per gateway id, the flow ids that arrived (with multiplicity). */
  joins?: Record<number, Record<string, string[]>>;
  /** Completed activities with compensation handlers, per scope key: [elementId, scope-variable snapshot key]. */
  comp?: Record<number, { e: string; vars?: Variables }[]>;
  parent?: ParentRef;
  /** Set when the instance ended by an uncaught error or escalation end event. */
  errorCode?: string;
}

export const ROOT_KEY = 1;
