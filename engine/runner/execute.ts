/**
 * Runs one service-task job's handler (for the embedded runner and the queue workers alike) and
 * turns the outcome into the one input to feed back: job.complete with the handler's variables,
 * job.error for a BpmnError, job.fail (retries left after this attempt, exponential backoff) for
 * anything else. The variables come from the instance as read when the job was taken (in the
 * same statement). Never throws: a handler's failure is data, not a crash.
 */
import type { Input } from '../core/index.js';
import { attemptOf, type JobRow } from '../store/jobs.js';
import type { InstanceRow } from '../store/instances.js';
import { visibleVariables } from '../core/index.js';
import { BpmnError, JobIncident, type JobHandlerRegistry } from './registry.js';
import { MAX_VALUE_DEPTH, nestingDepth } from '../core/nesting.js';

export interface Backoff {
  /** Delay before the second attempt; doubles for each further one. */
  baseMs: number;
  maxMs: number;
}

/** The attempt number of a job row (1 for the first), from its effect id `<instance>-<key>-<attempt>`. */
export { attemptOf };

export function backoffMs(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}

/** The incident's message when a handler's variables nest deeper than MAX_VALUE_DEPTH. */
export function answerTooDeep(type: string): string {
  return `the answer of job ${type} nests objects and lists more than ${MAX_VALUE_DEPTH} levels deep; a variable may nest at most ${MAX_VALUE_DEPTH}`;
}

export async function executeJob(registry: JobHandlerRegistry, job: JobRow, inst: InstanceRow | undefined, backoff: Backoff): Promise<Input> {
  const handler = registry.get(job.type);
  try {
    if (!handler) throw new OwnFailure(`no handler for job type ${job.type}`, { text: 'no-handler', type: job.type });
    if (!inst) throw new OwnFailure(`instance ${job.instance_id} is gone`, { text: 'instance-gone', instance: job.instance_id });
    const result = await handler({
      key: job.key, instanceId: job.instance_id, tenant: job.tenant_id, type: job.type, elementId: job.element_id,
      headers: job.payload.headers ?? {}, variables: visibleVariables(inst.snapshot, job.key), retries: job.retries,
    });
    const variables = (result && result.variables) || {};
    // What a handler answers (an http body) becomes variables: as deep as a request body may be, no deeper.
    if (nestingDepth(variables, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) throw new JobIncident(answerTooDeep(job.type), { text: 'answer-too-deep', type: job.type, max: MAX_VALUE_DEPTH });
    return { type: 'job.complete', key: job.key, variables, ...(result && result.history?.length ? { records: result.history } : {}) };
  } catch (err) {
    if (err instanceof BpmnError) return { type: 'job.error', key: job.key, errorCode: err.errorCode, message: err.message, variables: err.variables };
    const message = String((err as Error)?.message ?? err).slice(0, 500);
    const retries = err instanceof JobIncident ? 0 : Math.max(0, job.retries - 1);
    const params = err instanceof JobIncident || err instanceof OwnFailure ? err.params : undefined;
    return { type: 'job.fail', key: job.key, attempt: attemptOf(job), message, retries, backoffMs: backoffMs(attemptOf(job), backoff), ...(params ? { params } : {}) };
  }
}

/** A failure of Alur's own (no handler, the case gone), not a worker's: retried as any, worded by the catalog (incident.<params.text>). */
class OwnFailure extends Error {
  constructor(message: string, readonly params: Record<string, string | number>) {
    super(message);
  }
}
