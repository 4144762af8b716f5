/**
 * Login rate limiting in memory: at most `maxAttempts` attempts per username + IP in any sliding
 * window of `windowMs` (default 10 per 15 minutes), plus a wider cap per IP alone so one address
 * cannot spray many usernames. A successful login clears its username + IP. Memory is bounded:
 * at most `maxKeys` keys are tracked, expired ones are pruned first, then the least recently
 * active. The clock is injected, so tests never wait. Each API process limits on its own; this
 * module never stores passwords or usernames beyond the key it needs.
 */

export interface LoginLimiterOptions {
  maxAttempts?: number;
  windowMs?: number;
  /** Attempts per IP over all usernames in the window. */
  maxAttemptsPerIp?: number;
  maxKeys?: number;
  now?: () => number;
}

export interface LimitDecision {
  allowed: boolean;
  /** When refused: how long until the oldest attempt leaves the window. */
  retryAfterMs: number;
}

export class LoginRateLimiter {
  private readonly maxAttempts: number;
  private readonly windowMs: number;
  private readonly maxPerIp: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** Key → times of attempts still in the window, oldest first. Map order = least recently active first. */
  private readonly attempts = new Map<string, number[]>();

  constructor(options: LoginLimiterOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.maxPerIp = options.maxAttemptsPerIp ?? 100;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Records an attempt and says whether it may proceed to the password check. A refused attempt
   * is not recorded, so hammering does not extend the lock-out beyond the window.
   */
  attempt(username: string, ip: string): LimitDecision {
    const now = this.now();
    const userKey = `u\u0000${username.trim().toLowerCase()}\u0000${ip}`;
    const ipKey = `i\u0000${ip}`;
    const user = this.recent(userKey, now);
    const perIp = this.recent(ipKey, now);
    const refusals = [
      user.length >= this.maxAttempts ? user[user.length - this.maxAttempts] : undefined,
      perIp.length >= this.maxPerIp ? perIp[perIp.length - this.maxPerIp] : undefined,
    ].filter((t): t is number => t !== undefined);
    if (refusals.length) return { allowed: false, retryAfterMs: Math.max(...refusals) + this.windowMs - now };
    this.store(userKey, [...user, now].slice(-this.maxAttempts));
    this.store(ipKey, [...perIp, now].slice(-this.maxPerIp));
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Forgets the attempts of `username` from `ip` after a successful login. */
  succeeded(username: string, ip: string): void {
    this.attempts.delete(`u\u0000${username.trim().toLowerCase()}\u0000${ip}`);
  }

  /** Number of tracked keys (for tests and metrics). */
  get size(): number {
    return this.attempts.size;
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private store(key: string, times: number[]): void {
    this.attempts.delete(key);
    this.attempts.set(key, times);
    if (this.attempts.size <= this.maxKeys) return;
    const cutoff = this.now() - this.windowMs;
    for (const [k, ts] of this.attempts) if (ts[ts.length - 1] <= cutoff) this.attempts.delete(k);
    while (this.attempts.size > this.maxKeys) this.attempts.delete(this.attempts.keys().next().value!);
  }
}
