/**
 * The in-process runner of embedded mode: takes due timers and jobs straight from the tables
 * (FOR UPDATE SKIP LOCKED, so several processes sharing one PostgreSQL never take the same row),
 * runs job handlers from the registry and feeds the outcome back through the engine. It sleeps
 * until the next due time or a wake-up (a commit that wrote work, the clock moving).
 * Jobs run at least once; the state change they cause happens once (the core ignores repeats).
 *
 * One tenant must not stop the others (issue 16), so:
 *  - timers and jobs run in two loops that never wait on each other: a handler hanging for its
 *    whole timeout holds one job slot, not the timers nor the other slots;
 *  - timers fire in bounded batches, taking turns between the tenants that have one due, and the
 *    loop yields to the event loop between batches (it once fired while anything was due, for ever);
 *  - each job type has its own slots (`concurrency`, `typeConcurrency`), a job is started as soon
 *    as a slot is free (no batch waits for its slowest job), tenants with due jobs take turns,
 *    and one tenant never holds every slot of a type while another tenant waits.
 */
import type { Engine } from '../service/engine.js';
import { claimDueJobs, dueJobTenants, nextJobDue, type TakenJob } from '../store/jobs.js';
import { executeJob } from './execute.js';
import { dueTimerTenants, nextTimerDue } from '../store/timers.js';
import type { JobHandlerRegistry } from './registry.js';
import { DEFAULT_UNCLAIMED_JOB_MS, failUnclaimedJobs } from './unclaimed.js';

export interface RunnerOptions {
  /** Longest sleep between looks at the tables. */
  pollMs?: number;
  /** How long a claimed job is ours before another runner may take it again. */
  leaseMs?: number;
  /** Jobs of one type run at the same time (each type has its own slots). */
  concurrency?: number;
  /** Slots of particular types, overriding `concurrency`. */
  typeConcurrency?: Record<string, number>;
  /** Timers fired before the runner yields to the event loop (and looks again). */
  timerBatch?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A due job nobody took for this long becomes an incident (runner/unclaimed.ts); null: never (scenario tests complete jobs themselves). */
  unclaimedJobMs?: number | null;
  onError?: (err: unknown) => void;
}

/** A sleep that a wake-up ends early. */
class Sleeper {
  private pending?: { timer: NodeJS.Timeout; resolve: () => void };
  woken = false;

  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.pending = { timer: setTimeout(resolve, ms), resolve };
    }).then(() => { this.pending = undefined; });
  }

  wake(): void {
    this.woken = true;
    if (this.pending) {
      clearTimeout(this.pending.timer);
      this.pending.resolve();
    }
  }
}

/** Lets queued I/O (HTTP requests, other queries) run before the loop goes on. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class EmbeddedRunner {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly timerSleep = new Sleeper();
  private readonly jobSleep = new Sleeper();
  private unobserve?: () => void;
  private readonly opts: Required<RunnerOptions>;
  /** Jobs in flight by type, then by tenant. */
  private readonly busy = new Map<string, Map<string, number>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly engine: Engine, private readonly registry: JobHandlerRegistry, options: RunnerOptions = {}) {
    this.opts = {
      pollMs: 1000, leaseMs: 5 * 60_000, concurrency: 4, typeConcurrency: {}, timerBatch: 20, backoffMs: 1000, maxBackoffMs: 5 * 60_000,
      unclaimedJobMs: DEFAULT_UNCLAIMED_JOB_MS, onError: () => {},
      ...options,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A command that wrote jobs or timers wakes the runner, so they run without waiting for a poll.
    this.unobserve = this.engine.observe({ committed: (e) => { if (e.enqueued.length || e.scheduled) this.wake(); } });
    this.loops = [this.timerLoop(), this.jobLoop()];
  }

  /** Stops taking new work and waits for the work in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.unobserve?.();
    this.wake();
    await Promise.all(this.loops);
    await Promise.all([...this.inFlight]);
  }

  /** Look now (new work was committed, or the clock moved). */
  wake(): void {
    this.timerSleep.wake();
    this.jobSleep.wake();
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

  /** One pass: a batch of due timers, then the due jobs that fit the free slots, awaited. Returns how much it did. */
  async runOnce(): Promise<number> {
    const fired = await this.fireTimers();
    const { taken } = await this.claimJobs();
    await Promise.all(taken.map((t) => this.launch(t)));
    return fired + taken.length + (await this.sweepUnclaimed());
  }

  private async timerLoop(): Promise<void> {
    while (this.running) {
      this.timerSleep.woken = false;
      let fired = 0;
      try {
        fired = await this.fireTimers();
      } catch (err) {
        this.opts.onError(err);
      }
      if (fired > 0 || this.timerSleep.woken) {
        await yieldToEventLoop();
        continue;
      }
      if (!this.running) break;
      await this.timerSleep.sleep(await this.nextWait(() => nextTimerDue(this.engine.deps.knex)));
    }
  }

  private async jobLoop(): Promise<void> {
    while (this.running) {
      this.jobSleep.woken = false;
      let claim: { taken: TakenJob[]; full: boolean } = { taken: [], full: false };
      let swept = 0;
      try {
        claim = await this.claimJobs();
        for (const t of claim.taken) void this.launch(t);
        swept = await this.sweepUnclaimed();
      } catch (err) {
        this.opts.onError(err);
      }
      if (claim.taken.length > 0 || swept > 0 || this.jobSleep.woken) {
        await yieldToEventLoop();
        continue;
      }
      if (!this.running) break;
      // Due work waiting for a slot: a finishing job wakes the loop, so poll slowly meanwhile.
      await this.jobSleep.sleep(claim.full ? this.opts.pollMs : await this.nextWait(() => nextJobDue(this.engine.deps.knex, this.registry.types())));
    }
  }

  /**
   * Fires at most `timerBatch` due timers, taking turns between the tenants that have one due (the
   * longest-waiting first), so one tenant's flood of timers delays another's by one turn at most.
   */
  private async fireTimers(): Promise<number> {
    const limit = this.opts.timerBatch;
    const tenants = await dueTimerTenants(this.engine.deps.knex, this.engine.deps.clock.now(), limit);
    let fired = 0;
    let active = tenants;
    while (active.length > 0 && fired < limit) {
      const still: string[] = [];
      for (const tenant of active) {
        if (fired >= limit) break;
        if (await this.engine.fireDueTimer(tenant)) {
          fired++;
          still.push(tenant);
        }
      }
      active = still;
    }
    return fired;
  }

  /** Due jobs nobody took for `unclaimedJobMs` become incidents (runner/unclaimed.ts). */
  private async sweepUnclaimed(): Promise<number> {
    return this.opts.unclaimedJobMs === null ? 0 : failUnclaimedJobs(this.engine, this.opts.unclaimedJobMs);
  }

  private slotsOf(type: string): number {
    return this.opts.typeConcurrency[type] ?? this.opts.concurrency;
  }

  private busyOf(type: string, tenant?: string): number {
    const byTenant = this.busy.get(type);
    if (!byTenant) return 0;
    if (tenant !== undefined) return byTenant.get(tenant) ?? 0;
    let n = 0;
    for (const v of byTenant.values()) n += v;
    return n;
  }

  private count(type: string, tenant: string, delta: number): void {
    const byTenant = this.busy.get(type) ?? new Map<string, number>();
    this.busy.set(type, byTenant);
    const n = (byTenant.get(tenant) ?? 0) + delta;
    if (n > 0) byTenant.set(tenant, n);
    else byTenant.delete(tenant);
  }

  /**
   * Claims due jobs into the free slots of each type, one per waiting tenant per turn. A tenant
   * holds at most all slots but one of a type, so another tenant's job always finds a slot soon.
   * `full`: some type had due jobs it could not take for lack of a slot.
   */
  private async claimJobs(): Promise<{ taken: TakenJob[]; full: boolean }> {
    const knex = this.engine.deps.knex;
    const now = this.engine.deps.clock.now();
    const taken: TakenJob[] = [];
    let full = false;
    for (const type of this.registry.types()) {
      const slots = this.slotsOf(type);
      let free = slots - this.busyOf(type);
      const perTenant = Math.max(1, slots - 1);
      // Enough tenants to fill the free slots even when the first ones are at their share already.
      const tenants = await dueJobTenants(knex, type, now, Math.max(free, 1) + (this.busy.get(type)?.size ?? 0));
      if (free <= 0) {
        full ||= tenants.length > 0;
        continue;
      }
      let turn = tenants.filter((t) => this.busyOf(type, t) < perTenant);
      if (turn.length < tenants.length) full = true;
      while (turn.length > 0 && free > 0) {
        const next: string[] = [];
        for (const tenant of turn) {
          if (free <= 0) break;
          const [job] = await claimDueJobs(knex, [type], now, this.opts.leaseMs, 1, tenant);
          if (!job) continue;
          taken.push(job);
          this.count(type, tenant, 1);
          free--;
          if (this.busyOf(type, tenant) < perTenant) next.push(tenant);
          else full = true;
        }
        turn = next;
      }
    }
    return { taken, full };
  }

  /** Runs a claimed job (already counted in its slot) and frees the slot when it is done. */
  private launch(taken: TakenJob): Promise<void> {
    const { job } = taken;
    const run = this.runJob(taken).finally(() => {
      this.count(job.type, job.tenant_id, -1);
      this.inFlight.delete(run);
      this.jobSleep.wake();
    });
    this.inFlight.add(run);
    return run;
  }

  private async nextWait(nextDue: () => Promise<Date | undefined>): Promise<number> {
    try {
      const due = await nextDue();
      const now = this.engine.deps.clock.now().getTime();
      return Math.max(10, Math.min(this.opts.pollMs, due ? new Date(due).getTime() - now : this.opts.pollMs));
    } catch {
      return this.opts.pollMs;
    }
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
