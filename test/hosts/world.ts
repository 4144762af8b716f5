/**
 * What a host conformance case drives and observes. A case runs the same actions against every
 * host of the core — the memory host (engine/memory) and the durable engine on PGlite and
 * PostgreSQL — and compares what each host then holds with what the case expects, written as
 * sorted lines so a failure shows the difference at a glance.
 */
import type { Variables } from '../../engine/core/index.js';

/** Everything a host holds that a case can look at, one line per thing. */
export interface World {
  /** `process:state`, then ` <parent` for a called instance and ` [businessKey]` when it has one. */
  instances: string[];
  /** Open user tasks: `process/element`, then ` [businessKey]` as the task row (or instance) carries it. */
  tasks: string[];
  /** Open incidents: `process/element type`. */
  incidents: string[];
  /** Jobs waiting to run (or running): `process/element type`. */
  jobs: string[];
  /** Instance timers: `process/element`. */
  timers: string[];
  /** Message and signal subscriptions: `process/element message name` or `process/element signal name`. */
  subscriptions: string[];
  /** Process variables of each instance that is the only one of its process. */
  variables: Record<string, Variables>;
}

/** A job handler of a case: returns output variables, or throws { bpmnError } or an Error. */
export type CaseHandler = (variables: Variables) => Variables | void;

export interface HostDriver {
  /** Deploys every process of `xml` (one BPMN definitions document). */
  deploy(xml: string): Promise<void>;
  start(processId: string, options?: { variables?: Variables; businessKey?: string }): Promise<void>;
  /** Completes the one open task of `elementId` (in whichever instance it is). */
  complete(elementId: string, variables?: Variables): Promise<void>;
  /** Publishes a message from outside; true when an instance took it or started from it. */
  publish(name: string, correlationKey?: string, variables?: Variables): Promise<boolean>;
  /** Cancels the one active instance of `processId`. */
  cancel(processId: string): Promise<void>;
  /** Moves the clock forward: due timers fire, due jobs run. */
  advance(ms: number): Promise<void>;
  world(): Promise<World>;
  close(): Promise<void>;
}

export type Action =
  | { start: string; variables?: Variables; businessKey?: string }
  | { complete: string; variables?: Variables }
  | { publish: string; correlationKey?: string; variables?: Variables; delivered: boolean }
  | { cancel: string }
  | { advance: number }
  /** What the hosts must hold now: only the listed parts are compared. */
  | { expect: Partial<World> };

export interface HostCase {
  name: string;
  bpmn: string;
  handlers?: Record<string, CaseHandler>;
  actions: Action[];
}

/** Sorted lines, so hosts that list things in another order still agree. */
export function sorted(lines: string[]): string[] {
  return [...lines].sort();
}

export function instanceLine(process: string, state: string, parent: string | null, businessKey: string | null | undefined): string {
  return `${process}:${state}${parent ? ` <${parent}` : ''}${businessKey ? ` [${businessKey}]` : ''}`;
}

export function taskLine(process: string, element: string, businessKey: string | null | undefined): string {
  return `${process}/${element}${businessKey ? ` [${businessKey}]` : ''}`;
}

/** A BPMN error thrown by a case handler (each host turns it into its own kind). */
export class CaseBpmnError extends Error {
  constructor(readonly code: string) {
    super(`BPMN error ${code}`);
  }
}
