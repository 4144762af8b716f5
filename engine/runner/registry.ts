/**
 * Job handlers by type: what runs a service task (`zeebe:taskDefinition type`). The embedded
 * runner and the queue workers use the same registry, so a handler is written once.
 *
 * A handler receives ids, headers and the task's variables (read from the instance at run time —
 * job rows never hold variables) and returns output variables, or throws:
 *  - a plain Error fails the attempt (retried with backoff until retries run out → incident);
 *  - a `BpmnError` (below) throws a BPMN error that an error boundary event can catch.
 * A handler may run more than once for one job (at-least-once delivery), so it should be
 * idempotent where the outside world allows; the engine applies only the first completion.
 */
import type { JobRecord } from '../core/inputs.js';

export interface Job {
  /** Element-instance key of the waiting service task. */
  key: number;
  instanceId: string;
  tenant: string;
  type: string;
  /** Element id of the service task. */
  elementId: string;
  /** zeebe:taskHeaders. */
  headers: Record<string, string>;
  /** Variables visible to the task (its input mappings applied). */
  variables: Record<string, unknown>;
  /** Attempts left including this one. */
  retries: number;
}

/** `history`: entries for the case's history, written with the completion (so once, however often the handler ran). */
export type JobResult = { variables?: Record<string, unknown>; history?: JobRecord[] } | void;

/**
 * A failure that retrying cannot mend (a document that is not a PDF, no certificate configured):
 * the job becomes an incident at once, with this message, instead of using up its retries.
 */
export class JobIncident extends Error {
  /** For Alur's own limits: the incident's text and numbers (engine/messages/incident-text.ts). */
  constructor(message: string, readonly params?: Record<string, string | number>) {
    super(message);
    this.name = 'JobIncident';
  }
}

export type JobHandler = (job: Job) => Promise<JobResult>;

/** A BPMN error thrown by a handler (caught by an error boundary with a matching code). */
export class BpmnError extends Error {
  constructor(readonly errorCode: string, message?: string, readonly variables?: Record<string, unknown>) {
    super(message ?? errorCode);
    this.name = 'BpmnError';
  }
}

export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  /** Registers `handler` for `type`, replacing an earlier one. */
  register(type: string, handler: JobHandler): this {
    this.handlers.set(type, handler);
    return this;
  }

  get(type: string): JobHandler | undefined {
    return this.handlers.get(type);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }
}
