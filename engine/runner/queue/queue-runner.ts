/**
 * Queue mode (REDIS_URL set): the dispatcher and reconciler that fill BullMQ from the outbox, and
 * the workers that run jobs and timers. `npm start` runs both in the API process; `npm run worker`
 * runs more worker processes (each also dispatches what its own transactions wrote). Offers the
 * same face as the embedded runner (start, stop, wake, drain), so main.ts and the clock endpoint
 * treat both alike. Stop order: no new passes, workers finish in-flight jobs, queues, Redis.
 */
import { Redis } from 'ioredis';
import type { Worker } from 'bullmq';
import type { Engine } from '../../service/engine.js';
import type { JobHandlerRegistry } from '../registry.js';
import { Dispatcher } from './dispatcher.js';
import { Reconciler } from './reconciler.js';
import { failUnclaimedJobs } from '../unclaimed.js';
import { QueueSet } from './queues.js';
import { serviceWorker, timerWorker } from './workers.js';
import type { QueueOptions } from './options.js';
import type { Logger } from '../../observability/logger.js';
import { createLogger, errorFields } from '../../observability/logger.js';
import type { Metrics, QueueDepths } from '../../observability/metrics.js';

export class QueueRunner {
  private readonly redis: Redis;
  readonly queues: QueueSet;
  readonly dispatcher: Dispatcher;
  readonly reconciler: Reconciler;
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];
  private ticker?: NodeJS.Timeout;
  private stopping = false;
  private readonly log: Logger;
  private unsubscribeClock?: () => void;
  private unobserve?: () => void;

  constructor(private readonly engine: Engine, private readonly registry: JobHandlerRegistry, private readonly opts: QueueOptions, private readonly metrics?: Metrics, logger?: Logger) {
    this.log = (logger ?? createLogger({ level: 'warn' })).child({ component: 'queue' });
    this.redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.redis.on('error', (err) => this.log.warn(errorFields(err), 'redis connection error'));
    this.queues = new QueueSet(this.redis, opts.prefix);
    this.dispatcher = new Dispatcher(engine.deps.knex, engine.deps.clock, this.queues, opts);
    this.reconciler = new Reconciler(this.redis, opts.prefix, this.dispatcher, opts.reconcileMs);
  }

  /**
   * Fills Redis from the tables if it lost them (or was never filled), then starts the pass ticker
   * and (if configured) the workers. A worker restarting beside a filled Redis skips the full pass.
   */
  async start(): Promise<void> {
    await this.reconciler.check();
    this.unsubscribeClock = this.engine.deps.clock.onChange(() => {
      this.dispatcher.clockChanged();
      this.wake();
    });
    // The job rows a command wrote go to their queues right after its commit (no read of the
    // outbox); the incremental pass and the reconciler still catch anything this misses.
    this.unobserve = this.engine.observe({
      committed: (e) => {
        if (this.stopping) return;
        if (e.enqueued.length) this.dispatcher.addJobs([...e.enqueued]).catch((err) => this.log.warn(errorFields(err), 'queueing committed jobs failed; the next pass adds them'));
        if (e.scheduled) this.wake();
      },
    });
    this.ticker = setInterval(() => void this.tick(), this.opts.pollMs);
    if (this.opts.workers) this.startWorkers();
  }

  private startWorkers(): void {
    const o = {
      prefix: this.opts.prefix, lockMs: this.opts.lockMs, stalledIntervalMs: this.opts.stalledIntervalMs, leaseMs: this.opts.leaseMs,
      backoff: this.opts.backoff, limits: this.opts.limits, chain: this.opts.chain, logger: this.log, metrics: this.metrics,
    };
    const connection = () => {
      const c = new Redis(this.opts.redisUrl, { maxRetriesPerRequest: null });
      c.on('error', (err) => this.log.warn(errorFields(err), 'redis connection error'));
      this.workerConnections.push(c);
      return c;
    };
    for (const type of this.registry.types()) this.workers.push(serviceWorker(this.engine, this.registry, type, { ...o, connection: connection() }));
    this.workers.push(timerWorker(this.engine, { ...o, connection: connection() }, this.opts.timerConcurrency));
    this.log.info({ types: this.registry.types() }, 'workers started');
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    try {
      const reconciled = await this.reconciler.check();
      if (reconciled) this.log.debug({ added: reconciled }, 'reconciled');
      await this.dispatcher.dispatch();
      const unclaimed = await failUnclaimedJobs(this.engine, this.opts.unclaimedJobMs);
      if (unclaimed) this.log.warn({ jobs: unclaimed }, 'jobs nobody took became incidents');
    } catch (err) {
      this.log.warn(errorFields(err), 'dispatch pass failed; retried on the next tick');
    }
  }

  /** New work was committed (or the clock moved): dispatch now. */
  wake(): void {
    if (this.stopping) return;
    this.dispatcher.dispatch().catch((err) => this.log.warn(errorFields(err), 'dispatch pass failed; retried on the next tick'));
  }

  /** One dispatch pass now (the clock endpoint waits for it); returns how many jobs it added. */
  async drain(): Promise<number> {
    return this.dispatcher.dispatch();
  }

  /** Queue depth per task type (and "timer"), for /metrics. */
  async depths(): Promise<QueueDepths> {
    for (const type of this.registry.types()) this.queues.jobs(type);
    this.queues.timers();
    const out: QueueDepths = {};
    for (const [name, queue] of this.queues.all()) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      out[name.replace(/^alur-job-/, '').replace(/^alur-timers$/, 'timer')] = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
    }
    return out;
  }

  /** For /health: is Redis answering, and the queue depth per type. */
  async state(): Promise<{ redis: 'ok' | 'unavailable'; jobs?: QueueDepths }> {
    // Commands wait for a reconnect without limit (maxRetriesPerRequest: null): bound the wait here.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('redis did not answer')), 1000); });
    try {
      return await Promise.race([(async () => {
        if ((await this.redis.ping()) !== 'PONG') return { redis: 'unavailable' as const };
        return { redis: 'ok' as const, jobs: await this.depths() };
      })(), timeout]);
    } catch {
      return { redis: 'unavailable' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops taking jobs, lets in-flight ones finish (their inputs commit), then closes Redis. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearInterval(this.ticker);
    this.unsubscribeClock?.();
    this.unobserve?.();
    await Promise.all(this.workers.map((w) => w.close()));
    await this.dispatcher.dispatch().catch(() => 0);
    await this.queues.close();
    await Promise.all(this.workerConnections.map((c) => c.quit().catch(() => c.disconnect())));
    await this.redis.quit().catch(() => this.redis.disconnect());
    this.log.info('queue runner stopped');
  }
}
