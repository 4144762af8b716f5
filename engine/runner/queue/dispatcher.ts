/**
 * The dispatcher: moves outbox rows into BullMQ. Service-task jobs go to their type's queue with
 * the effect id as job id (BullMQ ignores an id it already holds, so a replay adds nothing);
 * timers due within the horizon go to the timer queue as delayed jobs. It only reads the tables —
 * a worker decides from the row whether a delivered job still has work to do.
 *
 * Passes are incremental (ready jobs created since the last one seen, minus a margin for slow
 * commits) and run after a commit that wrote work (`wake`) and every `pollMs`. A full pass (the
 * reconciler, reconciler.ts) re-adds everything from the tables: on start, every `reconcileMs`,
 * and at once when Redis lost its keys (FLUSHALL, a restart without persistence).
 */
import type { Queue } from 'bullmq';
import type { Knex } from 'knex';
import type { Clock } from '../clock.js';
import { readyJobsSince, jobsToReconcile, timersDueBefore, type PendingJob } from '../../store/queue-feed.js';
import { serviceJobId, timerJobId, type ServiceJobData, type TimerJobData } from './names.js';
import type { QueueSet } from './queues.js';

export interface DispatcherOptions {
  /** Longest time between passes. */
  pollMs: number;
  /** Timers due within this much time are put in Redis; later ones wait in PostgreSQL. */
  horizonMs: number;
  /** How far back an incremental pass looks before the newest row it saw (slow commits). */
  marginMs: number;
  batch: number;
}

/** Remembers recently added ids so incremental passes do not re-add them; bounded. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly max = 200_000) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  add(id: string): void {
    if (this.ids.size >= this.max) this.ids.delete(this.ids.values().next().value as string);
    this.ids.add(id);
  }
  clear(): void {
    this.ids.clear();
  }
}

export class Dispatcher {
  private readonly recent = new RecentIds();
  private since: Date | null = null;
  /** Bumped when the clock moves, so timer jobs get new ids and delays. */
  private epoch = 0;
  private pass?: Promise<number>;
  private again = false;

  constructor(private readonly knex: Knex, private readonly clock: Clock, private readonly queues: QueueSet, private readonly opts: DispatcherOptions) {}

  /** Runs a pass now, or right after the one in progress (passes never overlap). */
  async dispatch(): Promise<number> {
    if (this.pass) {
      this.again = true;
      return this.pass;
    }
    this.pass = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await this.dispatchJobs() + await this.dispatchTimers();
        } while (this.again);
      } finally {
        this.pass = undefined;
      }
      return total;
    })();
    return this.pass;
  }

  /** The clock moved: timers need new delays, and row times may have jumped back. */
  clockChanged(): void {
    this.epoch++;
    this.since = null;
    this.recent.clear();
  }

  /** Forget what was added (Redis lost it); the next passes add from the tables again. */
  forget(): void {
    this.since = null;
    this.recent.clear();
  }

  /** Adds service-task jobs (those not added recently, unless `force`). Returns how many were new here. */
  async addJobs(rows: PendingJob[], force = false): Promise<number> {
    const now = this.clock.now().getTime();
    const fresh = rows.filter((r) => force || !this.recent.has(r.effect_id));
    const byType = new Map<string, PendingJob[]>();
    for (const row of fresh) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    for (const [type, list] of byType) {
      const queue: Queue<ServiceJobData> = this.queues.jobs(type);
      const jobs = list.map((row) => ({
        name: 'job',
        data: { jobRowId: row.id },
        opts: { jobId: serviceJobId(row.effect_id), delay: Math.max(0, new Date(row.due_at).getTime() - now) },
      }));
      // The usual case, a step that opened one job: add it alone. addBulk builds an ioredis pipeline,
      // which copies every BullMQ script onto a new object — a tenth of a queue worker's CPU per job
      // (bench/README.md, "queue"); the Redis command sent is the same addStandardJob either way.
      if (jobs.length === 1) await queue.add(jobs[0].name, jobs[0].data, jobs[0].opts);
      else await queue.addBulk(jobs);
    }
    for (const row of fresh) this.recent.add(row.effect_id);
    return fresh.length;
  }

  /** Adds timer rounds as delayed jobs. */
  async addTimers(rows: { id: string; due_at: Date }[], force = false): Promise<number> {
    const now = this.clock.now().getTime();
    const fresh = rows.map((t) => ({ t, id: timerJobId(t.id, new Date(t.due_at), this.epoch) })).filter(({ id }) => force || !this.recent.has(id));
    if (fresh.length === 0) return 0;
    await this.queues.timers().addBulk(fresh.map(({ t, id }) => ({
      name: 'timer',
      data: { timerId: t.id, dueAt: new Date(t.due_at).getTime() } satisfies TimerJobData,
      opts: { jobId: id, delay: Math.max(0, new Date(t.due_at).getTime() - now) },
    })));
    for (const { id } of fresh) this.recent.add(id);
    return fresh.length;
  }

  private async dispatchJobs(): Promise<number> {
    let added = 0;
    for (;;) {
      const rows = await readyJobsSince(this.knex, this.since, this.opts.batch);
      if (rows.length === 0) return added;
      added += await this.addJobs(rows);
      const newest = new Date(rows[rows.length - 1].created_at).getTime();
      const next = new Date(newest - this.opts.marginMs);
      const moved = !this.since || next.getTime() > this.since.getTime();
      if (moved) this.since = next;
      // A full batch that did not move the mark (a pinned clock gives rows one time): sweep by id.
      if (!moved && rows.length === this.opts.batch) return added + await this.sweepJobs(false);
      if (rows.length < this.opts.batch) return added;
    }
  }

  /** Every job that should be queued (ready, or running past its lease), keyset by id. */
  async sweepJobs(force: boolean): Promise<number> {
    let added = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await jobsToReconcile(this.knex, this.clock.now(), after, this.opts.batch);
      if (rows.length === 0) return added;
      added += await this.addJobs(rows, force);
      after = rows[rows.length - 1].id;
      if (rows.length < this.opts.batch) return added;
    }
  }

  /** Timers due within the horizon. */
  async dispatchTimers(force = false): Promise<number> {
    const until = new Date(this.clock.now().getTime() + this.opts.horizonMs);
    let added = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await timersDueBefore(this.knex, until, after, this.opts.batch);
      if (rows.length === 0) return added;
      added += await this.addTimers(rows, force);
      after = rows[rows.length - 1].id;
      if (rows.length < this.opts.batch) return added;
    }
  }
}
