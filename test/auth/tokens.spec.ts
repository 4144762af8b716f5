import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { generateToken, hashToken, looksLikeToken, parseBearer, TOKEN_PREFIX } from '../../engine/auth/tokens.js';

describe('auth: bearer tokens', () => {
  it('given a new token, then it carries the alur_ prefix and 32 random bytes in base64url', () => {
    const { token } = generateToken();
    expect(token.startsWith(TOKEN_PREFIX)).to.equal(true);
    expect(Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url')).to.have.length(32);
    expect(looksLikeToken(token)).to.equal(true);
  });

  it('given a new token, then the stored hash is its hex SHA-256, not the token', () => {
    const { token, hash } = generateToken();
    expect(hash).to.equal(createHash('sha256').update(token).digest('hex'));
    expect(hash).to.equal(hashToken(token));
    expect(hash).to.not.include(token.slice(TOKEN_PREFIX.length));
  });

  it('given many tokens, then none repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateToken().token));
    expect(tokens.size).to.equal(1000);
  });

  it('reads the token of a Bearer header and refuses anything else', () => {
    const { token } = generateToken();
    expect(parseBearer(`Bearer ${token}`)).to.equal(token);
    expect(parseBearer(`bearer ${token}`)).to.equal(token);
    for (const header of [undefined, '', token, `Basic ${token}`, `Bearer ${token}x`, 'Bearer alur_short', `Bearer ${token} extra`]) {
      expect(parseBearer(header), String(header)).to.equal(undefined);
    }
  });

  it('tells tokens from other strings by shape', () => {
    expect(looksLikeToken(`alur_${'A'.repeat(43)}`)).to.equal(true);
    for (const value of [`alur_${'A'.repeat(42)}`, `ALUR_${'A'.repeat(43)}`, `alur_${'+'.repeat(43)}`, 42, null]) {
      expect(looksLikeToken(value), String(value)).to.equal(false);
    }
  });
});
