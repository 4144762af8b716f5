/**
 * The in-process runner of embedded mode: takes due timers and jobs straight from the tables
 * (FOR UPDATE SKIP LOCKED, so several processes sharing one PostgreSQL never take the same row),
 * runs job handlers from the registry and feeds the outcome back through the engine. It sleeps
 * until the next due time or a wake-up (a commit that wrote work, the clock moving).
 * Jobs run at least once; the state change they cause happens once (the core ignores repeats).
 */
import type { Engine } from '../service/engine.js';
import { claimDueJobs, nextJobDue, type TakenJob } from '../store/jobs.js';
import { executeJob } from './execute.js';
import { nextTimerDue } from '../store/timers.js';
import type { JobHandlerRegistry } from './registry.js';
import { DEFAULT_UNCLAIMED_JOB_MS, failUnclaimedJobs } from './unclaimed.js';

export interface RunnerOptions {
  /** Longest sleep between looks at the tables. */
  pollMs?: number;
  /** How long a claimed job is ours before another runner may take it again. */
  leaseMs?: number;
  /** Jobs run at the same time. */
  concurrency?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A due job nobody took for this long becomes an incident (runner/unclaimed.ts); null: never (scenario tests complete jobs themselves). */
  unclaimedJobMs?: number | null;
  onError?: (err: unknown) => void;
}

export class EmbeddedRunner {
  private running = false;
  private loop?: Promise<void>;
  private sleeper?: { timer: NodeJS.Timeout; resolve: () => void };
  private wakeRequested = false;
  private unobserve?: () => void;
  private readonly opts: Required<RunnerOptions>;

  constructor(private readonly engine: Engine, private readonly registry: JobHandlerRegistry, options: RunnerOptions = {}) {
    this.opts = { pollMs: 1000, leaseMs: 5 * 60_000, concurrency: 4, backoffMs: 1000, maxBackoffMs: 5 * 60_000, unclaimedJobMs: DEFAULT_UNCLAIMED_JOB_MS, onError: () => {}, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A command that wrote jobs or timers wakes the runner, so they run without waiting for a poll.
    this.unobserve = this.engine.observe({ committed: (e) => { if (e.enqueued.length || e.scheduled) this.wake(); } });
    this.loop = this.run();
  }

  /** Stops taking new work and waits for the work in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.unobserve?.();
    this.wake();
    await this.loop;
  }

  /** Look now (new work was committed, or the clock moved). */
  wake(): void {
    this.wakeRequested = true;
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.resolve();
    }
  }

  /** Runs everything due now, repeatedly, until nothing is left (tests, and the clock endpoint). */
  async drain(maxRounds = 100): Promise<number> {
    let total = 0;
    for (let round = 0; round < maxRounds; round++) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) break;
    }
    return total;
  }

  /** One pass: every due timer, then one batch of due jobs. Returns how much it did. */
  async runOnce(): Promise<number> {
    let done = 0;
    while (await this.engine.fireDueTimer()) done++;
    const now = this.engine.deps.clock.now();
    const jobs = await claimDueJobs(this.engine.deps.knex, this.registry.types(), now, this.opts.leaseMs, this.opts.concurrency);
    await Promise.all(jobs.map((taken) => this.runJob(taken)));
    if (this.opts.unclaimedJobMs !== null) done += await failUnclaimedJobs(this.engine, this.opts.unclaimedJobMs);
    return done + jobs.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let did = 0;
      try {
        did = await this.runOnce();
      } catch (err) {
        this.opts.onError(err);
      }
      if (did > 0 || this.wakeRequested || !this.running) continue;
      await this.sleep(await this.nextWait());
    }
  }

  private async nextWait(): Promise<number> {
    try {
      const knex = this.engine.deps.knex;
      const dues = [await nextTimerDue(knex), await nextJobDue(knex, this.registry.types())].filter((d): d is Date => !!d);
      const now = this.engine.deps.clock.now().getTime();
      return Math.max(10, Math.min(this.opts.pollMs, ...dues.map((d) => new Date(d).getTime() - now)));
    } catch {
      return this.opts.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.sleeper = { timer: setTimeout(resolve, ms), resolve };
    }).then(() => { this.sleeper = undefined; });
  }

  private async runJob({ job, instance }: TakenJob): Promise<void> {
    const input = await executeJob(this.registry, job, instance, { baseMs: this.opts.backoffMs, maxMs: this.opts.maxBackoffMs });
    try {
      await this.engine.finishJob(job, input, instance);
    } catch (err) {
      // The lease runs out and the job is tried again; the core ignores what already applied.
      this.opts.onError(err);
    }
  }
}
