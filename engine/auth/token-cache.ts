/**
 * Who a bearer token stands for, remembered for a few seconds. Every request resolves its token,
 * and that lookup was one database round trip per request — more than a third of the statements
 * of reading a task list. Tokens change only by login (new token), logout (forgotten here at once)
 * and expiry (never served past it); a logout in another API process takes effect here within
 * `ttlMs`. Entries are copies: callers may change the actor they get.
 */
import type { Actor } from '../service/actor.js';

interface Entry { actor: Actor; until: number }

export class TokenCache {
  private readonly entries = new Map<string, Entry>();

  /** `ttlMs` 0 turns the cache off. */
  constructor(private readonly ttlMs = 5000, private readonly maxEntries = 10_000, private readonly now: () => number = Date.now) {}

  get(tokenHash: string): Actor | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return copy(entry.actor);
  }

  /** Remembers `actor` until the TTL passes or the token expires, whichever is first. */
  set(tokenHash: string, actor: Actor, expiresAt: Date): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(tokenHash, { actor: copy(actor), until: Math.min(this.now() + this.ttlMs, expiresAt.getTime()) });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  /** Forgets every token of a user (deactivated, roles or groups changed): the next request reads the store. */
  forgetUser(userId: string): void {
    for (const [hash, entry] of this.entries) if (entry.actor.id === userId) this.entries.delete(hash);
  }
}

function copy(actor: Actor): Actor {
  return { ...actor, roles: [...actor.roles], groups: [...actor.groups] };
}
