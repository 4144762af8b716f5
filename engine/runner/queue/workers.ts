/**
 * BullMQ workers: one per task type this process has a handler for, and one for timers. Each
 * delivery ends by feeding exactly one input back through the service (job.complete / job.fail /
 * job.error, or timer.fire); a delivery whose row is finished, cancelled or rescheduled does
 * nothing, so a job delivered twice causes one transition. A worker killed mid-job loses its
 * BullMQ lock; the job is moved back to waiting and another worker takes it (and the row) over.
 */
import { Worker, type Job as QueueJob } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Engine } from '../../service/engine.js';
import type { JobHandlerRegistry } from '../registry.js';
import { takeJob } from '../../store/jobs.js';
import { executeJob, type Backoff } from '../execute.js';
import { jobQueueName, jobRowIdOf, TIMER_QUEUE, type ServiceJobData, type TimerJobData } from './names.js';
import type { TypeLimit } from './limits.js';
import type { Logger } from '../../observability/logger.js';
import { errorFields } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  /** BullMQ lock of an active job; a worker silent for this long is taken to be dead. */
  lockMs: number;
  /** How often workers look for jobs whose lock expired. */
  stalledIntervalMs: number;
  /** The row's lease: how long the reconciler leaves a running row alone after Redis lost it. */
  leaseMs: number;
  backoff: Backoff;
  limits: (type: string) => TypeLimit;
  logger: Logger;
  metrics?: Metrics;
}

function common(o: WorkerOptions) {
  return {
    connection: o.connection,
    prefix: o.prefix,
    lockDuration: o.lockMs,
    stalledInterval: o.stalledIntervalMs,
    // Killed workers are expected (deploys, scaling): a job may stall many times and still run.
    maxStalledCount: 1000,
    autorun: true,
  };
}

/**
 * One delivery of a service-task job: one statement takes the row and reads the instance (the
 * handler's variables), the handler runs, one more statement records the outcome
 * (test/api/round-trips.spec.ts pins the two). Undefined when the row is not there to take.
 */
export async function runJobRow(engine: Engine, registry: JobHandlerRegistry, rowId: string, leaseMs: number, backoff: Backoff) {
  const taken = await takeJob(engine.deps.knex, rowId, engine.deps.clock.now(), leaseMs);
  if (!taken) return undefined;
  const { job: row, instance } = taken;
  const input = await executeJob(registry, row, instance, backoff);
  const outcome = await engine.finishJob(row, input, instance);
  return { row, input, outcome };
}

export function serviceWorker(engine: Engine, registry: JobHandlerRegistry, type: string, o: WorkerOptions): Worker<ServiceJobData> {
  const limit = o.limits(type);
  const log = o.logger.child({ queue: jobQueueName(type) });
  const worker = new Worker<ServiceJobData>(jobQueueName(type), async (job: QueueJob<ServiceJobData>) => {
    const done = await runJobRow(engine, registry, jobRowIdOf(job.data), o.leaseMs, o.backoff);
    if (!done) {
      o.metrics?.jobsRun.inc({ type, outcome: 'skipped' });
      return 'skipped';
    }
    const { row, input, outcome } = done;
    o.metrics?.jobsRun.inc({ type, outcome: input.type });
    if (input.type === 'job.fail') log.warn({ jobId: row.effect_id, instanceId: row.instance_id, elementId: row.element_id, retriesLeft: input.retries }, 'job failed');
    else log.debug({ jobId: row.effect_id, instanceId: row.instance_id, outcome: input.type, ignored: !!outcome.ignored }, 'job done');
    return input.type;
  }, {
    ...common(o),
    concurrency: limit.concurrency,
    ...(limit.max && limit.durationMs ? { limiter: { max: limit.max, duration: limit.durationMs } } : {}),
  });
  worker.on('error', (err) => log.error(errorFields(err), 'worker error'));
  worker.on('failed', (job, err) => log.error({ jobId: job?.id, ...errorFields(err) }, 'delivery failed; BullMQ retries it'));
  return worker;
}

export function timerWorker(engine: Engine, o: WorkerOptions, concurrency: number): Worker<TimerJobData> {
  const log = o.logger.child({ queue: TIMER_QUEUE });
  const worker = new Worker<TimerJobData>(TIMER_QUEUE, async (job: QueueJob<TimerJobData>) => {
    const fired = await engine.fireTimer(job.data.timerId, job.data.dueAt);
    o.metrics?.jobsRun.inc({ type: 'timer', outcome: fired ? 'timer.fire' : 'skipped' });
    if (fired) log.debug({ timerId: job.data.timerId }, 'timer fired');
    return fired ? 'fired' : 'skipped';
  }, { ...common(o), concurrency });
  worker.on('error', (err) => log.error(errorFields(err), 'worker error'));
  worker.on('failed', (job, err) => log.error({ jobId: job?.id, ...errorFields(err) }, 'delivery failed; BullMQ retries it'));
  return worker;
}
