/**
 * The reconciler keeps Redis honest to PostgreSQL, the source of truth. A sentinel key marks a
 * Redis that has been filled from the tables; when it is gone (FLUSHALL, a restart without
 * persistence, a new Redis) every pending job and every timer within the horizon is added again.
 * A full pass also runs on start and every `reconcileMs`, which catches anything an incremental
 * pass missed (a commit slower than the margin, a job whose worker died and whose queue entry
 * was lost). Adding what is already queued is harmless: BullMQ ignores a known job id.
 */
import type { Redis } from 'ioredis';
import type { Dispatcher } from './dispatcher.js';

export class Reconciler {
  /** A process starting beside a filled Redis need not refill it at once; the sentinel decides. */
  private lastFull = Date.now();
  private running?: Promise<number>;

  constructor(private readonly redis: Redis, private readonly prefix: string, private readonly dispatcher: Dispatcher, private readonly reconcileMs: number) {}

  private get sentinel(): string {
    return `${this.prefix}:alur-reconciled`;
  }

  /** Runs a full pass if Redis lost its keys or the last one is older than reconcileMs. */
  async check(): Promise<number> {
    const present = (await this.redis.exists(this.sentinel)) === 1;
    if (present && Date.now() - this.lastFull < this.reconcileMs) return 0;
    return this.reconcile(!present);
  }

  /** Adds every pending job and near timer from the tables; `lost` = Redis lost what it had. */
  async reconcile(lost = false): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        if (lost) this.dispatcher.forget();
        // Set first: a flush during the pass removes it again and the next check repeats the pass.
        await this.redis.set(this.sentinel, String(Date.now()));
        const n = await this.dispatcher.sweepJobs(true) + await this.dispatcher.dispatchTimers(true);
        this.lastFull = Date.now();
        return n;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
