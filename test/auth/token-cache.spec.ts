import { expect } from 'chai';
import { TokenCache } from '../../engine/auth/token-cache.js';
import type { Actor } from '../../engine/service/actor.js';

const siti: Actor = { id: 'u1', username: 'siti', tenant: 'semarang', roles: ['staff'], groups: ['bidang-umum'] };
const FAR = new Date('2099-01-01T00:00:00Z');

describe('auth: token cache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => { now = 1_000_000; });

  it('given a remembered token, when asked within the TTL, then answers a copy the caller may change', () => {
    const cache = new TokenCache(5000, 100, clock);
    cache.set('h1', siti, FAR);
    const got = cache.get('h1')!;
    expect(got).to.deep.equal(siti);
    got.tenant = 'batang';
    got.roles.push('admin');
    expect(cache.get('h1')).to.deep.equal(siti);
  });

  it('given a remembered token, when the TTL passes, then forgets it', () => {
    const cache = new TokenCache(5000, 100, clock);
    cache.set('h1', siti, FAR);
    now += 4999;
    expect(cache.get('h1')).to.deep.equal(siti);
    now += 1;
    expect(cache.get('h1')).to.equal(undefined);
  });

  it('given a token that expires before the TTL, when it expires, then it is not served', () => {
    const cache = new TokenCache(5000, 100, clock);
    cache.set('h1', siti, new Date(now + 1000));
    now += 1000;
    expect(cache.get('h1')).to.equal(undefined);
  });

  it('given a logout, when the token is forgotten, then it is not served', () => {
    const cache = new TokenCache(5000, 100, clock);
    cache.set('h1', siti, FAR);
    cache.forget('h1');
    expect(cache.get('h1')).to.equal(undefined);
  });

  it('given a TTL of 0, then nothing is remembered; given the size limit, the oldest entry goes', () => {
    const off = new TokenCache(0, 100, clock);
    off.set('h1', siti, FAR);
    expect(off.get('h1')).to.equal(undefined);
    const small = new TokenCache(5000, 2, clock);
    small.set('a', siti, FAR);
    small.set('b', siti, FAR);
    small.set('c', siti, FAR);
    expect([small.get('a'), small.get('b')?.username, small.get('c')?.username]).to.deep.equal([undefined, 'siti', 'siti']);
  });
});
