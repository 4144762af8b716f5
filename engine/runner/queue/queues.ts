/**
 * The BullMQ queues of one process, made on first use and closed together: one per task type and
 * one for timers, all under the configured key prefix and one shared Redis connection.
 * Finished jobs stay a while (so a replayed add with the same id is ignored), failed ones are
 * removed at once (so the reconciler can add them again from the tables).
 */
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobQueueName, TIMER_QUEUE, type ServiceJobData, type TimerJobData } from './names.js';

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  removeOnComplete: { age: 3600, count: 100_000 },
  removeOnFail: true,
  // Only infrastructure errors reach BullMQ (a handler's failure is fed back as job.fail): retry those.
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
};

export class QueueSet {
  private readonly byName = new Map<string, Queue>();

  constructor(readonly connection: Redis, readonly prefix: string) {}

  jobs(type: string): Queue<ServiceJobData> {
    return this.get(jobQueueName(type)) as Queue<ServiceJobData>;
  }

  timers(): Queue<TimerJobData> {
    return this.get(TIMER_QUEUE) as Queue<TimerJobData>;
  }

  /** Every queue made so far, by name. */
  all(): Map<string, Queue> {
    return this.byName;
  }

  private get(name: string): Queue {
    let queue = this.byName.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      queue.on('error', () => { /* connection errors surface in health and the reconciler; do not crash */ });
      this.byName.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.byName.values()].map((q) => q.close()));
    this.byName.clear();
  }
}
