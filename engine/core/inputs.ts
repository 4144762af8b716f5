/**
 * Inputs: the imperative, refusable commands the core accepts. Each carries what the core cannot
 * know by itself (ids minted outside, the acting user); time arrives separately as `now`.
 */
import type { ProcessModel } from './model.js';

export type Variables = Record<string, unknown>;

/** A history entry a job handler asks for (README "Signing documents (TTE)": `document.signed`). */
export interface JobRecord { type: 'document.signed'; user?: string; data?: Record<string, unknown> }

export type Input =
  /** Start an instance of `processId` at its none start (or at `startEventId`, e.g. a message start). */
  | { type: 'instance.start'; instanceId: string; processId: string; startEventId?: string; variables?: Variables; businessKey?: string; parent?: ParentRef }
  | { type: 'task.complete'; key: number; variables?: Variables; user?: string }
  /** `records`: what the handler did that the case's history must show (a document signed), logged with the completion. */
  | { type: 'job.complete'; key: number; variables?: Variables; records?: JobRecord[] }
  /** A failed attempt; `retries` is what is left after this failure (Zeebe semantics). */
  | { type: 'job.fail'; key: number; message: string; retries: number; backoffMs?: number; /** The failed attempt; an earlier attempt's failure is stale. */ attempt?: number; /** For Alur's own limits: the incident's text (`text`: its catalog kind) and numbers (IncidentParams). */ params?: Record<string, string | number> }
  /** The job's handler throws a BPMN error, caught by a matching error boundary/event subprocess. */
  | { type: 'job.error'; key: number; errorCode: string; message?: string; variables?: Variables }
  | { type: 'timer.fire'; key: number }
  /** Deliver a message to this instance's subscription `key` (the store found it by name + correlation key). */
  | { type: 'message.correlate'; key: number; name: string; variables?: Variables }
  /** Deliver a signal to this instance's subscription `key`. */
  | { type: 'signal.receive'; key: number; name: string; variables?: Variables }
  /** A child instance started by a call activity has ended. */
  | { type: 'call.complete'; key: number; variables?: Variables }
  | { type: 'call.fail'; key: number; errorCode?: string; message: string; variables?: Variables }
  /** A child instance threw an escalation it did not catch itself. */
  | { type: 'call.escalate'; key: number; code: string }
  | { type: 'instance.cancel'; user?: string }
  /**
   * Retry the element an incident stopped at (for job incidents: the job again with `retries`).
   * `variables` are the operator's fix, set before the retry as a completion would set them.
   */
  | { type: 'incident.resolve'; key: number; retries?: number; variables?: Variables; user?: string }
  /** Close the incident without re-running anything (an operator's decision): the token stays where it is until modified or cancelled. */
  | { type: 'incident.dismiss'; key: number; user?: string }
  /** A person sets process (root scope) variables, with the reason they give. */
  | { type: 'variables.set'; variables: Variables; user?: string; reason?: string }
  /**
   * An operator moves tokens (core/modify.ts): terminate every active instance of the named
   * elements (or the one element instance a `key` names) and activate the others (with variables set in the scope they run in; `ancestor`:
   * the container instance, when several run).
   */
  /**
   * Move the instance to another version of its process (core/migrate.ts): `target` is that
   * version's model (same process id), `mappings` say where each active element goes.
   */
  | { type: 'instance.migrate'; target: ProcessModel; mappings: { source: string; target: string }[]; user?: string; versions?: { from: number; to: number } }
  /**
   * The tenant's calendar changed (the step's `env.calendar` is the new one): every pending
   * deadline counted in working days is counted again from where it was counted from — the case's
   * SLA, task due dates, timers — and those already passed stay. Ignored when none moves.
   */
  | { type: 'deadlines.replan' }
  /**
   * What arrived at `key` (an element instance, or a subscription: its owner) could not be carried
   * through by the host — the work it set off in other cases exceeded a budget — so it stops there
   * as an incident instead; resolving it enters the element again.
   */
  | { type: 'incident.raise'; key: number; incidentType: 'follow-up-limit'; message: string; params?: Record<string, string | number> }
  | { type: 'instance.modify'; terminate?: { elementId?: string; key?: number }[]; activate?: { elementId: string; variables?: Variables; ancestor?: number }[]; user?: string };

/** How a child instance (call activity) refers back to the waiting parent element. */
export interface ParentRef {
  instanceId: string;
  key: number;
  /** How deep the child is nested (1: called by a case that was not called); unset in children started before it was kept. */
  depth?: number;
}

export type InputType = Input['type'];
