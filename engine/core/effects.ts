/**
 * Effects: instructions to the outside world that a step produces. A store saves them in the same
 * transaction as the new state (the outbox) and adapters carry them out afterwards. Every effect is
 * identified by the instance id plus an element-instance `key`, so carrying one out twice is harmless.
 */
import type { Variables } from './inputs.js';

export interface UserTaskSpec {
  elementId: string;
  name?: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  /** The due date is `from` plus `n` working days: a calendar change computes it again. */
  dueBy?: { from: string; n: number };
  followUpDate?: string;
  priority: number;
  formId?: string;
}

export type Effect =
  /** Variables are not carried (personal data stays out of job payloads): read them with jobVariables(). */
  | { type: 'job.enqueue'; key: number; attempt: number; elementId: string; jobType: string; retries: number; headers: Record<string, string>; delayMs?: number }
  | { type: 'job.cancel'; key: number }
  /** `workingDays`: the due time was counted in working days (a calendar change may move it). */
  | { type: 'timer.schedule'; key: number; elementId: string; dueAt: string; workingDays?: true }
  | { type: 'timer.cancel'; key: number }
  | { type: 'task.open'; key: number; task: UserTaskSpec }
  | { type: 'task.close'; key: number; reason: 'completed' | 'cancelled' }
  /** The open task's due date was counted again in working days (a calendar change). */
  | { type: 'task.due'; key: number; dueAt: string }
  | { type: 'message.subscribe'; key: number; elementId: string; name: string; correlationKey?: string }
  | { type: 'message.unsubscribe'; key: number }
  /** A message thrown by this instance (message throw/end event, send task without a job). */
  | { type: 'message.publish'; name: string; correlationKey?: string; variables: Variables }
  | { type: 'signal.subscribe'; key: number; elementId: string; name: string }
  | { type: 'signal.unsubscribe'; key: number }
  /** Broadcast to every other instance and signal start event; this instance's own catches were served in the step. */
  | { type: 'signal.broadcast'; name: string; variables: Variables }
  /** Start a child instance for a call activity; when it ends, feed `call.complete`/`call.fail` with `key`. */
  | { type: 'call.start'; key: number; childInstanceId: string; processId: string; variables: Variables; businessKey?: string; /** The child's nesting depth. */ depth: number }
  | { type: 'call.cancel'; key: number; childInstanceId: string }
  /** An escalation nothing in this (called) instance caught travels to the parent's call activity. */
  | { type: 'call.escalate'; parent: { instanceId: string; key: number }; code: string }
  | { type: 'incident.open'; key: number; elementId: string; incidentType: IncidentType; message: string; params?: IncidentParams }
  | { type: 'incident.close'; key: number }
  /** A migration moved what `key` identifies (an element instance, its incident, a subscription) to element `elementId` of the target version. */
  | { type: 'element.migrated'; key: number; elementId: string }
  /** The instance ended; a parent waiting on it (call activity) gets this outcome. */
  | { type: 'instance.ended'; state: 'completed' | 'terminated' | 'cancelled' | 'failed'; variables: Variables; errorCode?: string; parent?: { instanceId: string; key: number } };

/** Every kind of incident; each has its text in both languages (engine/messages/catalog/incidents.ts). */
export const INCIDENT_TYPES = ['job', 'expression', 'condition', 'unhandled-error', 'called-process', 'io-mapping', 'loop-limit', 'multi-instance-limit', 'step-time', 'call-depth', 'unmapped-role', 'follow-up-limit', 'no-assignee'] as const;
export type IncidentType = typeof INCIDENT_TYPES[number];
/**
 * What an incident's text says, as data, so the adapters can write it in the reader's language:
 * the budget kinds name their numbers; every kind has `detail`, the English message.
 */
export type IncidentParams = Record<string, string | number>;
export type EffectType = Effect['type'];
