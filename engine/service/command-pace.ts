/**
 * How long this process's commands take lately, so background work (a calendar re-plan,
 * service/replan.ts) can give way when it slows them down. The Engine records every command it
 * runs (engine.ts `run`); the background work takes a reference before it starts and, between its
 * batches, compares the commands finished since with it.
 *
 * People's commands are closed loops (a click waits for its answer), so their rate is their
 * number over their mean latency: keeping the mean within 1.3× of before keeps the rate above 0.7
 * of before (issue 14). The mean, not the median: commands held up behind a batch's stepping are
 * the tail, and the tail is what slows the rate. Only this process's commands are seen: other replicas pace their own work.
 */

import { setImmediate as yieldToCommands, setTimeout as sleep } from 'node:timers/promises';

/** The last command durations (seconds), oldest overwritten first. */
const SIZE = 256;

export class CommandPace {
  private readonly seconds = new Float64Array(SIZE);
  private readonly at = new Float64Array(SIZE);
  /** How many were recorded ever; the next goes to `count % SIZE`. */
  private count = 0;

  record(seconds: number, now = performance.now()): void {
    this.seconds[this.count % SIZE] = seconds;
    this.at[this.count % SIZE] = now;
    this.count++;
  }

  /** A mark to ask `meanSince` about. */
  mark(): number {
    return this.count;
  }

  /** The mean duration of the commands recorded since `mark` (at most the last SIZE), and how many. */
  meanSince(mark: number): { mean: number; n: number } {
    const n = Math.min(this.count - mark, SIZE);
    if (n <= 0) return { mean: 0, n: 0 };
    let sum = 0;
    for (let i = this.count - n; i < this.count; i++) sum += this.seconds[i % SIZE];
    return { mean: sum / n, n };
  }

  /** The mean duration of the commands of the last `withinMs` (at most SIZE), or undefined when fewer than `min`. */
  recentMean(withinMs: number, min: number, now = performance.now()): number | undefined {
    let first = this.count;
    while (first > Math.max(0, this.count - SIZE) && now - this.at[(first - 1) % SIZE] <= withinMs) first--;
    const { mean, n } = this.meanSince(first);
    return n >= min ? mean : undefined;
  }
}

/**
 * Background work's width (pieces in flight) and pause between pieces, from the latency of the
 * commands finished since the last look against their latency before the work began: above 1.3×
 * it narrows, then pauses (doubling up to 1 s); below 1.1× it shortens the pause, then widens.
 * With commands before, it starts one piece at a time and widens while they keep their pace;
 * without (nothing to compare with) it runs at full width. A second without a command means
 * nobody waits: it speeds up as if they were fast (a pause kept after the people stopped once made
 * a re-plan sleep a second per batch to its end).
 */
export class Pacer {
  width: number;
  pauseMs = 0;
  private readonly reference: number | undefined;
  private mark = 0;
  private lookedAt: number;

  constructor(private readonly pace: CommandPace | undefined, readonly maxWidth: number, private readonly now: () => number = () => performance.now()) {
    this.reference = pace?.recentMean(60_000, 16, now());
    this.width = this.reference ? 1 : maxWidth;
    if (pace) this.mark = pace.mark();
    this.lookedAt = now();
  }

  /** Looks at the commands since the last call, then waits the pause or a turn of the event loop. */
  async between(): Promise<void> {
    this.adjust();
    if (this.pauseMs > 0) await sleep(this.pauseMs);
    else await yieldToCommands();
  }

  /** Judges the commands since the last look: 8 at least, or whatever came in a second (none: idle). */
  adjust(): void {
    if (!this.pace || !this.reference) return;
    const { mean, n } = this.pace.meanSince(this.mark);
    const now = this.now();
    if (n < 8 && now - this.lookedAt < 1_000) return;
    this.mark = this.pace.mark();
    this.lookedAt = now;
    const ratio = n === 0 ? 0 : mean / this.reference;
    if (ratio > 1.3) {
      if (this.width > 1) this.width--;
      else this.pauseMs = Math.min(1_000, Math.max(10, this.pauseMs * 2));
    } else if (ratio < 1.1) {
      if (this.pauseMs > 0) this.pauseMs = this.pauseMs <= 10 ? 0 : this.pauseMs / 2;
      else this.width = Math.min(this.maxWidth, this.width + 1);
    }
  }
}
