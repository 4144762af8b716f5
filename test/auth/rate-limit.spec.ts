import { expect } from 'chai';
import { LoginRateLimiter } from '../../engine/auth/rate-limit.js';

const MINUTE = 60_000;

function clock(start = Date.parse('2026-11-30T02:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('auth: login rate limiter', () => {
  it('given 10 attempts in 15 minutes, when an 11th comes, then it is refused with the time to wait', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    for (let i = 0; i < 10; i++) {
      expect(limiter.attempt('budi', '10.0.0.1').allowed, `attempt ${i + 1}`).to.equal(true);
      c.advance(MINUTE);
    }
    // ten attempts at minutes 0..9; now it is minute 10; the first leaves the window at minute 15
    expect(limiter.attempt('budi', '10.0.0.1')).to.deep.equal({ allowed: false, retryAfterMs: 5 * MINUTE });
  });

  it('slides: once the oldest attempt is 15 minutes old, one more is allowed', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    // one attempt a minute, at minutes 0 to 9
    for (let i = 0; i < 10; i++) {
      limiter.attempt('budi', '10.0.0.1');
      c.advance(MINUTE);
    }
    c.advance(5 * MINUTE - 1);
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(false);
    c.advance(1);
    // minute 15: the attempt of minute 0 has left the window, the other nine have not
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(true);
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(false);
    c.advance(MINUTE);
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(true);
  });

  it('keeps usernames and addresses apart, and ignores username case', () => {
    const limiter = new LoginRateLimiter({ now: clock().now, maxAttempts: 2 });
    limiter.attempt('budi', '10.0.0.1');
    limiter.attempt('BUDI ', '10.0.0.1');
    expect(limiter.attempt('Budi', '10.0.0.1').allowed).to.equal(false);
    expect(limiter.attempt('budi', '10.0.0.2').allowed).to.equal(true);
    expect(limiter.attempt('siti', '10.0.0.1').allowed).to.equal(true);
  });

  it('clears a username + address after a successful login', () => {
    const limiter = new LoginRateLimiter({ now: clock().now, maxAttempts: 3 });
    for (let i = 0; i < 3; i++) limiter.attempt('budi', '10.0.0.1');
    limiter.succeeded('budi', '10.0.0.1');
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(true);
  });

  it('does not extend the lock-out for refused attempts', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now, maxAttempts: 1, windowMs: 10 * MINUTE });
    limiter.attempt('budi', '10.0.0.1');
    for (let i = 0; i < 50; i++) {
      c.advance(10_000);
      limiter.attempt('budi', '10.0.0.1');
    }
    c.advance(10 * MINUTE - 50 * 10_000);
    expect(limiter.attempt('budi', '10.0.0.1').allowed).to.equal(true);
  });

  it('caps one address spraying many usernames', () => {
    const limiter = new LoginRateLimiter({ now: clock().now, maxAttemptsPerIp: 20 });
    for (let i = 0; i < 20; i++) expect(limiter.attempt(`user${i}`, '203.0.113.9').allowed).to.equal(true);
    expect(limiter.attempt('user-new', '203.0.113.9').allowed).to.equal(false);
    expect(limiter.attempt('user-new', '203.0.113.10').allowed).to.equal(true);
  });

  it('bounds its memory: expired keys go first, then the least recently active', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now, maxKeys: 50, maxAttemptsPerIp: 1_000_000 });
    for (let i = 0; i < 40; i++) limiter.attempt(`lama${i}`, `10.0.${i}.1`);
    c.advance(16 * MINUTE);
    // a locked-out user stays tracked while strangers fill the table
    for (let i = 0; i < 3; i++) limiter.attempt('target', '10.9.9.9');
    const strict = new LoginRateLimiter({ now: c.now, maxAttempts: 3, maxKeys: 50, maxAttemptsPerIp: 1_000_000 });
    for (let i = 0; i < 3; i++) strict.attempt('target', '10.9.9.9');
    for (let i = 0; i < 500; i++) {
      limiter.attempt(`baru${i}`, '10.1.1.1');
      strict.attempt(`baru${i}`, `10.2.${i % 250}.1`);
      if (i % 20 === 0) strict.attempt('target', '10.9.9.9');
    }
    expect(limiter.size).to.be.at.most(50);
    expect(strict.size).to.be.at.most(50);
    expect(strict.attempt('target', '10.9.9.9').allowed).to.equal(false);
  });
});
