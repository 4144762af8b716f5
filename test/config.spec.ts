/**
 * loadConfig: what `npm start` makes of its environment — the defaults, each variable's effect,
 * an empty variable read as unset, a bad number refused at start naming the variable, and every
 * variable it reads documented in README's table.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../engine/config.js';

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');

describe('config: loadConfig', () => {
  it('given an empty environment, when loaded, then the documented defaults apply', () => {
    expect(loadConfig({})).to.deep.equal({
      port: 3000, dataDir: './data', databaseUrl: undefined, redisUrl: undefined, adminPassword: undefined, clockControlled: false,
      tokenTtlMs: 12 * 3600_000, tokenCacheMs: 5000, maxUploadBytes: 5 * 1024 * 1024, dbPoolMax: 10, timeZone: undefined,
    });
  });

  it('given every variable, when loaded, then each sets its own field', () => {
    expect(loadConfig({
      PORT: '8080', ALUR_DATA_DIR: '/srv/alur', DATABASE_URL: 'postgres://alur@db/alur', REDIS_URL: 'redis://cache:6379', ALUR_ADMIN_PASSWORD: 'rahasia-admin',
      ALUR_CLOCK_CONTROLLED: 'true', ALUR_TOKEN_TTL_HOURS: '8', ALUR_TOKEN_CACHE_MS: '0', ALUR_MAX_UPLOAD_MB: '20', ALUR_DB_POOL_MAX: '25', ALUR_TIMEZONE: 'Asia/Jakarta',
    })).to.deep.equal({
      port: 8080, dataDir: '/srv/alur', databaseUrl: 'postgres://alur@db/alur', redisUrl: 'redis://cache:6379', adminPassword: 'rahasia-admin', clockControlled: true,
      tokenTtlMs: 8 * 3600_000, tokenCacheMs: 0, maxUploadBytes: 20 * 1024 * 1024, dbPoolMax: 25, timeZone: 'Asia/Jakarta',
    });
  });

  it('given variables set but empty (as in an env file), when loaded, then they count as unset', () => {
    const empty = { ALUR_DATA_DIR: '', DATABASE_URL: '', REDIS_URL: '', ALUR_ADMIN_PASSWORD: '', ALUR_TOKEN_TTL_HOURS: '', ALUR_TOKEN_CACHE_MS: ' ', ALUR_MAX_UPLOAD_MB: '', ALUR_DB_POOL_MAX: '', ALUR_TIMEZONE: '' };
    expect(loadConfig(empty)).to.deep.equal(loadConfig({}));
  });

  it('given ALUR_CLOCK_CONTROLLED other than "true", when loaded, then the clock stays uncontrolled', () => {
    for (const value of ['1', 'yes', 'TRUE', 'false']) expect(loadConfig({ ALUR_CLOCK_CONTROLLED: value }).clockControlled, value).to.equal(false);
  });

  it('given a port or a number that is not one, when loaded, then the start is refused naming the variable', () => {
    const refusals: [Record<string, string>, string][] = [
      [{ PORT: 'http' }, 'PORT must be a port number, got "http"'],
      [{ PORT: '70000' }, 'PORT must be a port number, got "70000"'],
      [{ ALUR_TOKEN_TTL_HOURS: 'dua belas' }, 'ALUR_TOKEN_TTL_HOURS must be a number above 0, got "dua belas"'],
      [{ ALUR_TOKEN_TTL_HOURS: '0' }, 'ALUR_TOKEN_TTL_HOURS must be a number above 0, got "0"'],
      [{ ALUR_TOKEN_CACHE_MS: '-1' }, 'ALUR_TOKEN_CACHE_MS must be a number of at least 0, got "-1"'],
      [{ ALUR_MAX_UPLOAD_MB: '5MB' }, 'ALUR_MAX_UPLOAD_MB must be a number above 0, got "5MB"'],
      [{ ALUR_DB_POOL_MAX: '2.5' }, 'ALUR_DB_POOL_MAX must be a whole number of at least 1, got "2.5"'],
    ];
    for (const [env, message] of refusals) expect(() => loadConfig(env), JSON.stringify(env)).to.throw(message);
  });

  it('given the variables loadConfig reads, then README\'s variables table documents each of them', () => {
    const read = new Set<string>();
    loadConfig(new Proxy({}, { get: (_target, key) => { if (typeof key === 'string') read.add(key); return undefined; } }));
    expect(read.size).to.be.greaterThan(5);
    const rows = readme.split('\n').filter((line) => line.startsWith('|'));
    const undocumented = [...read].filter((key) => !rows.some((row) => row.includes(`\`${key}\``)));
    expect(undocumented).to.deep.equal([]);
  });
});
