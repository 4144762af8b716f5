import { expect } from 'chai';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword, verifyPasswordForUnknownUser } from '../../engine/auth/password.js';

// A cheaper cost keeps most specs fast; one spec exercises the production default.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('auth: password hashing (scrypt)', () => {
  it('given the default cost, when a password is hashed, then it is self-describing and verifies', async () => {
    const hash = await hashPassword('Semarang#2026');
    expect(hash).to.match(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('Semarang#2026', hash)).to.equal(true);
    expect(needsRehash(hash)).to.equal(false);
  });

  it('given a hash, when a wrong password is tried, then it does not verify', async () => {
    const hash = await hashPassword('rahasia-dinas', FAST);
    expect(await verifyPassword('rahasia-Dinas', hash)).to.equal(false);
    expect(await verifyPassword('', hash)).to.equal(false);
  });

  it('given the same password twice, then the salts and hashes differ', async () => {
    const [a, b] = await Promise.all([hashPassword('sama', FAST), hashPassword('sama', FAST)]);
    expect(a).to.not.equal(b);
    expect(await verifyPassword('sama', a)).to.equal(true);
    expect(await verifyPassword('sama', b)).to.equal(true);
  });

  it('given a password typed with a different Unicode composition, then it still verifies', async () => {
    const composed = 'kat\u00e9';
    const decomposed = 'kate\u0301';
    expect(await verifyPassword(decomposed, await hashPassword(composed, FAST))).to.equal(true);
  });

  it('given a hash made with a lower cost, then it verifies and asks to be re-hashed', async () => {
    const old = await hashPassword('lama', FAST);
    expect(await verifyPassword('lama', old)).to.equal(true);
    expect(needsRehash(old, DEFAULT_SCRYPT)).to.equal(true);
  });

  it('given malformed or hostile stored values, then verification answers false without throwing', async () => {
    const good = await hashPassword('x', FAST);
    const parts = good.split('$');
    const hostile = [
      '', 'plaintext', 'bcrypt$2b$10$abc', 'scrypt$1024$8$1$c2FsdA',
      ['scrypt', 2 ** 30, 8, 1, parts[4], parts[5]].join('$'), // a cost that would eat the CPU
      ['scrypt', 1000, 8, 1, parts[4], parts[5]].join('$'), // N not a power of two
      ['scrypt', 1024, 8, 1, parts[4], parts[5].slice(0, 10)].join('$'), // truncated hash
    ];
    for (const stored of hostile) expect(await verifyPassword('x', stored), stored).to.equal(false);
    expect(needsRehash('plaintext')).to.equal(true);
  });

  it('refuses to hash an empty or absurdly long password, and verifies such input as false', async () => {
    const rejection = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: Error) => e.message);
    expect(await rejection(hashPassword('', FAST))).to.equal('password must be a non-empty string');
    expect(await rejection(hashPassword('a'.repeat(1025), FAST))).to.match(/at most 1024/);
    expect(await verifyPassword('a'.repeat(1025), await hashPassword('a', FAST))).to.equal(false);
  });

  it('given an unknown user, then the dummy check takes as long as a real one and answers false', async () => {
    const real = await hashPassword('benar');
    await verifyPasswordForUnknownUser('warm-up');
    let started = process.hrtime.bigint();
    await verifyPassword('salah', real);
    const realMs = Number(process.hrtime.bigint() - started) / 1e6;
    started = process.hrtime.bigint();
    expect(await verifyPasswordForUnknownUser('salah')).to.equal(false);
    const dummyMs = Number(process.hrtime.bigint() - started) / 1e6;
    // same cost, so within a generous factor on a busy machine
    expect(dummyMs).to.be.above(realMs / 4);
  });
});
