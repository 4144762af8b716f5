/**
 * The engine's clock. Every adapter reads time from one Clock (never Date.now() directly), so a
 * rehearsal can move it: real time, real time plus an offset, or pinned at an instant. Listeners
 * (the runner) are told when it moves, so timers that became due fire at once.
 */
export type ClockSetting = { mode: 'real' } | { mode: 'offset'; offsetMs: number } | { mode: 'pinned'; at: string };

export class Clock {
  private setting: ClockSetting = { mode: 'real' };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): Date {
    switch (this.setting.mode) {
      case 'real': return new Date(this.realNow());
      case 'offset': return new Date(this.realNow() + this.setting.offsetMs);
      case 'pinned': return new Date(this.setting.at);
    }
  }

  get current(): ClockSetting {
    return this.setting;
  }

  /** now = real time + offset, replacing any earlier setting. */
  setOffset(offsetMs: number): void {
    this.change({ mode: 'offset', offsetMs });
  }

  /** now stands still at `at`. */
  pin(at: Date): void {
    if (Number.isNaN(at.getTime())) throw new Error('cannot pin the clock to an invalid date');
    this.change({ mode: 'pinned', at: at.toISOString() });
  }

  /** Back to real time. */
  reset(): void {
    this.change({ mode: 'real' });
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private change(setting: ClockSetting): void {
    this.setting = setting;
    for (const listener of this.listeners) listener();
  }
}
