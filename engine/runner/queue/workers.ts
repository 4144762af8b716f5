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
import { takeJob, takeChained, type JobRow, type TakenJob } from '../../store/jobs.js';
import type { Input } from '../../core/index.js';
import type { StepOutcome } from '../../service/instance-steps.js';
import { executeJob, type Backoff } from '../execute.js';
import { jobQueueName, jobRowIdOf, TIMER_QUEUE, type ServiceJobData, type TimerJobData } from './names.js';
import type { TypeLimit } from './limits.js';
import type { QueueOptions } from './options.js';
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
  /** Eager continuation (options.ts `chain`). */
  chain: QueueOptions['chain'];
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

/** A job run by a delivery: its row, the input it fed back, what that did. */
export interface JobRun {
  row: JobRow;
  input: Input;
  outcome: StepOutcome;
}

/** Eager continuation of one delivery (options.ts `chain`); `stopping`: the worker is closing, take nothing more. */
export type ChainLimit = QueueOptions['chain'] & { stopping?: () => boolean };

/**
 * One delivery of a service-task job: one statement takes the row and reads the instance (the
 * handler's variables), the handler runs, one more statement records the outcome
 * (test/api/round-trips.spec.ts pins the two). With `chain`, recording the outcome also takes the
 * job the step opened of the same type (service/plan.ts `takeOpenedJob`), which runs next with no
 * statement of its own — up to `chain.max` jobs, none started after `chain.ms`. A delivery whose
 * row is finished may be the first job of a chain whose worker died: it takes over the chain's
 * running row (store/jobs.ts `takeChained`). `ran` is told of every job run. Undefined when there
 * was nothing to take.
 */
export async function runJobRow(engine: Engine, registry: JobHandlerRegistry, rowId: string, leaseMs: number, backoff: Backoff, chain?: ChainLimit, ran?: (run: JobRun) => void): Promise<JobRun | undefined> {
  const { knex, clock } = engine.deps;
  let taken: TakenJob | undefined = await takeJob(knex, rowId, clock.now(), leaseMs)
    ?? (chain && chain.max > 1 ? await takeChained(knex, rowId, clock.now(), leaseMs) : undefined);
  if (!taken) return undefined;
  const started = Date.now();
  let last: JobRun | undefined;
  for (let runs = 1; taken; runs++) {
    const { job: row, instance } = taken;
    const input = await executeJob(registry, row, instance, backoff);
    const goOn = chain && runs < chain.max && Date.now() - started < chain.ms && !chain.stopping?.();
    const take = goOn ? { type: row.type, lockedUntil: new Date(clock.now().getTime() + leaseMs), chain: rowId } : undefined;
    const { next, ...outcome } = await engine.finishJob(row, input, instance, take);
    last = { row, input, outcome };
    ran?.(last);
    taken = next;
  }
  return last;
}

export function serviceWorker(engine: Engine, registry: JobHandlerRegistry, type: string, o: WorkerOptions): Worker<ServiceJobData> {
  const limit = o.limits(type);
  const log = o.logger.child({ queue: jobQueueName(type) });
  // A rate limit is kept by BullMQ across processes: each job of such a type must come through the queue.
  const chain: ChainLimit | undefined = limit.max ? undefined : { ...o.chain, stopping: () => worker.closing !== undefined };
  const ran = ({ row, input, outcome }: JobRun) => {
    o.metrics?.jobsRun.inc({ type, outcome: input.type });
    if (input.type === 'job.fail') log.warn({ jobId: row.effect_id, instanceId: row.instance_id, elementId: row.element_id, retriesLeft: input.retries }, 'job failed');
    else log.debug({ jobId: row.effect_id, instanceId: row.instance_id, outcome: input.type, ignored: !!outcome.ignored }, 'job done');
  };
  const worker: Worker<ServiceJobData> = new Worker<ServiceJobData>(jobQueueName(type), async (job: QueueJob<ServiceJobData>) => {
    const done = await runJobRow(engine, registry, jobRowIdOf(job.data), o.leaseMs, o.backoff, chain, ran);
    if (!done) {
      o.metrics?.jobsRun.inc({ type, outcome: 'skipped' });
      return 'skipped';
    }
    return done.input.type;
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
