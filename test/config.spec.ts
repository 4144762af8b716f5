/**
 * loadConfig: what `npm start` and `npm run worker` make of their environment — the defaults, each
 * variable's effect, an empty variable read as unset, a bad number refused at start naming the
 * variable — and the one-place rule: no other engine module reads process.env, every `ALUR_*`
 * variable the code names is one loadConfig reads, and README's tables list exactly those
 * and the ones scripts/ (start, UI build) read.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { loadBudgets, loadConfig, type Config } from '../engine/config.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'), 'utf8');

describe('config: loadConfig', () => {
  it('given an empty environment, when loaded, then the documented defaults apply', () => {
    expect(loadConfig({})).to.deep.equal({
      port: 3000, dataDir: './data', databaseUrl: undefined, redisUrl: undefined, adminPassword: undefined, clockControlled: false, production: false,
      tokenTtlMs: 12 * 3600_000, tokenCacheMs: 5000, maxUploadBytes: 5 * 1024 * 1024, dbPoolMax: 10, numberInFlight: 1, stepThreads: 2, timeZone: undefined,
      logLevel: 'info', handlers: undefined, connectors: { httpAllow: undefined, httpAllowPrivate: undefined, smtpUrl: undefined, smtpFrom: undefined }, queue: undefined,
      metricsPort: undefined, metricsToken: undefined, trustProxy: false, stopTimeoutMs: 60_000, budgets: loadBudgets({}), unclaimedJobMs: 15 * 60_000,
      maxDocumentBytes: 10 * 1024 * 1024, documentTypes: [], clamav: undefined, soffice: undefined, sofficeTimeoutMs: 60_000, timerMinCycleMs: 60_000, sso: undefined,
      signing: { secretKey: undefined, timeoutMs: 30_000, memoryMb: 256, maxPdfBytes: 10 * 1024 * 1024 },
    } satisfies Config);
  });

  it('given NODE_ENV=production, when loaded, then it counts as production (the apps\' source maps are not served)', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).production).to.equal(true);
    expect(loadConfig({ NODE_ENV: 'development' }).production).to.equal(false);
  });

  it('given every variable, when loaded, then each sets its own field', () => {
    expect(loadConfig({
      PORT: '8080', ALUR_DATA_DIR: '/srv/alur', DATABASE_URL: 'postgres://alur@db/alur', REDIS_URL: 'redis://cache:6379', ALUR_ADMIN_PASSWORD: 'rahasia-admin',
      ALUR_CLOCK_CONTROLLED: 'true', ALUR_TOKEN_TTL_HOURS: '8', ALUR_TOKEN_CACHE_MS: '0', ALUR_MAX_UPLOAD_MB: '20', ALUR_DB_POOL_MAX: '25', ALUR_NUMBER_IN_FLIGHT: '2', ALUR_TIMEZONE: 'Asia/Jakarta',
      ALUR_MAX_DOCUMENT_MB: '2.5', ALUR_DOCUMENT_TYPES: 'docx, image/webp', ALUR_CLAMAV: '/run/clamav/clamd.ctl', ALUR_TIMER_MIN_CYCLE_SECONDS: '300',
      ALUR_SECRET_KEY: 'kunci-rahasia-instalasi', ALUR_SIGN_TIMEOUT_MS: '5000', ALUR_SIGN_MEMORY_MB: '128', ALUR_SIGN_MAX_PDF_MB: '4',
      ALUR_SOFFICE: '/usr/bin/soffice', ALUR_SOFFICE_TIMEOUT_SECONDS: '30',
    })).to.deep.include({
      port: 8080, dataDir: '/srv/alur', databaseUrl: 'postgres://alur@db/alur', redisUrl: 'redis://cache:6379', adminPassword: 'rahasia-admin', clockControlled: true,
      tokenTtlMs: 8 * 3600_000, tokenCacheMs: 0, maxUploadBytes: 20 * 1024 * 1024, dbPoolMax: 25, numberInFlight: 2, stepThreads: 2, timeZone: 'Asia/Jakarta',
      maxDocumentBytes: Math.floor(2.5 * 1024 * 1024), documentTypes: ['docx', 'image/webp'], clamav: '/run/clamav/clamd.ctl', timerMinCycleMs: 300_000, soffice: '/usr/bin/soffice', sofficeTimeoutMs: 30_000,
      signing: { secretKey: 'kunci-rahasia-instalasi', timeoutMs: 5000, memoryMb: 128, maxPdfBytes: 4 * 1024 * 1024 },
    });
    const more = loadConfig({
      REDIS_URL: 'redis://cache:6379', ALUR_LOG_LEVEL: 'warn', ALUR_HANDLERS: 'handlers/dukcapil.js', ALUR_HTTP_ALLOW: 'dukcapil.go.id, api.semarangkota.go.id', ALUR_HTTP_ALLOW_PRIVATE: '10.20.0.0/16, batang=simpeg.batang.local',
      ALUR_SMTP_URL: 'smtp://mail:25', ALUR_SMTP_FROM: 'alur@semarangkota.go.id', ALUR_METRICS_PORT: '9464', ALUR_METRICS_TOKEN: 'metrik', ALUR_TRUST_PROXY: '10.0.0.0/8',
      ALUR_STOP_TIMEOUT_MS: '5000', ALUR_QUEUE_PREFIX: 'smg', ALUR_QUEUE_POLL_MS: '250', ALUR_QUEUE_RECONCILE_MS: '30000', ALUR_QUEUE_LOCK_MS: '20000',
      ALUR_QUEUE_STALLED_MS: '10000', ALUR_QUEUE_LEASE_MS: '60000', ALUR_JOB_BACKOFF_MS: '500', ALUR_JOB_MAX_BACKOFF_MS: '60000', ALUR_QUEUE_CONCURRENCY: '2',
      ALUR_QUEUE_LIMITS: '{"nik-check":{"concurrency":1,"max":10,"durationMs":1000}}', ALUR_TIMER_CONCURRENCY: '3', ALUR_UNCLAIMED_JOB_MINUTES: '60',
      ALUR_QUEUE_CHAIN_MAX: '5', ALUR_QUEUE_CHAIN_MS: '500',
    });
    expect(more).to.deep.include({
      logLevel: 'warn', handlers: 'handlers/dukcapil.js', metricsPort: 9464, metricsToken: 'metrik', trustProxy: '10.0.0.0/8', stopTimeoutMs: 5000, unclaimedJobMs: 60 * 60_000,
      connectors: { httpAllow: ['dukcapil.go.id', 'api.semarangkota.go.id'], httpAllowPrivate: ['10.20.0.0/16', 'batang=simpeg.batang.local'], smtpUrl: 'smtp://mail:25', smtpFrom: 'alur@semarangkota.go.id' },
    });
    const { limits, ...queue } = more.queue!;
    expect(queue).to.deep.equal({
      redisUrl: 'redis://cache:6379', prefix: 'smg', workers: true, pollMs: 250, horizonMs: 600_000, marginMs: 5000, batch: 1000, reconcileMs: 30_000,
      lockMs: 20_000, stalledIntervalMs: 10_000, leaseMs: 60_000, backoff: { baseMs: 500, maxMs: 60_000 }, timerConcurrency: 3, unclaimedJobMs: 60 * 60_000, chain: { max: 5, ms: 500 },
    });
    expect([limits('nik-check'), limits('email')]).to.deep.equal([{ concurrency: 1, max: 10, durationMs: 1000 }, { concurrency: 2 }]);
    expect(loadConfig({ ALUR_TRUST_PROXY: '1' }).trustProxy).to.equal(1);
  });

  it('given no budget variables, when loaded, then the defaults of README\'s Budgets table apply', () => {
    expect(loadBudgets({})).to.deep.equal({
      feelTimeoutMs: 100, feelMemoryMb: 64, feelMaxResultBytes: 1024 * 1024, maxElements: 2000, maxFlowsPerElement: 200, stepMaxElements: 10_000, maxMultiInstanceItems: 15_000, maxCallDepth: 20, maxFollowUps: 1000, stepTimeoutMs: 2000,
    });
  });

  it('given every budget variable, when loaded, then each sets its own limit, and nonsense is refused naming it', () => {
    expect(loadConfig({
      ALUR_FEEL_TIMEOUT_MS: '250', ALUR_FEEL_MEMORY_MB: '128', ALUR_FEEL_MAX_RESULT_KB: '64', ALUR_MAX_ELEMENTS: '500', ALUR_MAX_FLOWS_PER_ELEMENT: '50',
      ALUR_STEP_MAX_ELEMENTS: '20000', ALUR_MAX_MULTI_INSTANCE_ITEMS: '30000', ALUR_STEP_TIMEOUT_MS: '500', ALUR_MAX_CALL_DEPTH: '5', ALUR_MAX_FOLLOW_UPS: '50',
    }).budgets).to.deep.equal({
      feelTimeoutMs: 250, feelMemoryMb: 128, feelMaxResultBytes: 64 * 1024, maxElements: 500, maxFlowsPerElement: 50, stepMaxElements: 20_000, maxMultiInstanceItems: 30_000, maxCallDepth: 5, maxFollowUps: 50, stepTimeoutMs: 500,
    });
    expect(() => loadBudgets({ ALUR_MAX_MULTI_INSTANCE_ITEMS: '1e3.5' })).to.throw('ALUR_MAX_MULTI_INSTANCE_ITEMS must be a whole number of at least 1');
    expect(() => loadBudgets({ ALUR_FEEL_MEMORY_MB: '8' })).to.throw('ALUR_FEEL_MEMORY_MB must be a whole number of at least 16, got "8"');
    expect(() => loadBudgets({ ALUR_FEEL_TIMEOUT_MS: '0' })).to.throw('ALUR_FEEL_TIMEOUT_MS must be a number above 0, got "0"');
  });

  it('given a global provider and a tenant\'s own, when loaded, then both sign in and the tenant\'s inherits the claims it does not name', () => {
    const sso = loadConfig({
      ALUR_PUBLIC_URL: 'https://alur.jatengprov.go.id/', ALUR_OIDC_ISSUER: 'https://sso.jatengprov.go.id/realms/jateng', ALUR_OIDC_CLIENT_ID: 'alur',
      ALUR_OIDC_CLIENT_SECRET: 'rahasia', ALUR_OIDC_LABEL: 'SSO Jateng', ALUR_OIDC_SCOPES: 'openid profile email groups', ALUR_OIDC_USERNAME_CLAIM: 'nip',
      ALUR_OIDC_TENANT_CLAIM: 'kabupaten', ALUR_OIDC_GROUPS_CLAIM: 'groups', ALUR_OIDC_ROLES_CLAIM: 'alur_roles', ALUR_OIDC_GROUP_MAP: '{"/DPMPTSP/Loket":"loket"}',
      ALUR_OIDC_PROVISION: 'false', ALUR_OIDC_TENANTS: '{"batang":{"issuer":"http://localhost:8080/realms/batang","clientId":"alur-batang","provision":true}}',
    }).sso;
    expect(sso).to.deep.equal({
      publicUrl: 'https://alur.jatengprov.go.id',
      providers: [
        {
          id: 'default', issuer: 'https://sso.jatengprov.go.id/realms/jateng', clientId: 'alur', clientSecret: 'rahasia', label: 'SSO Jateng', scopes: 'openid profile email groups',
          groupMap: { '/DPMPTSP/Loket': 'loket' }, provision: false, claims: { username: 'nip', tenant: 'kabupaten', groups: 'groups', roles: 'alur_roles' },
        },
        {
          id: 'batang', tenant: 'batang', issuer: 'http://localhost:8080/realms/batang', clientId: 'alur-batang', clientSecret: undefined, label: 'SSO Jateng', scopes: 'openid profile email groups',
          groupMap: { '/DPMPTSP/Loket': 'loket' }, provision: true, claims: { username: 'nip', tenant: undefined, groups: 'groups', roles: 'alur_roles' },
        },
      ],
    });
    const refusals: [Record<string, string>, string][] = [
      [{ ALUR_OIDC_ISSUER: 'https://sso.example.go.id' }, 'ALUR_OIDC_ISSUER and ALUR_OIDC_CLIENT_ID are set together'],
      [{ ALUR_OIDC_ISSUER: 'https://sso.example.go.id', ALUR_OIDC_CLIENT_ID: 'alur' }, 'ALUR_PUBLIC_URL must be set for single sign-on'],
      [{ ALUR_PUBLIC_URL: 'x', ALUR_OIDC_ISSUER: 'http://sso.example.go.id', ALUR_OIDC_CLIENT_ID: 'alur' }, 'ALUR_OIDC_ISSUER must be an https URL (plain http only on localhost)'],
      [{ ALUR_PUBLIC_URL: 'alur', ALUR_OIDC_ISSUER: 'https://sso.example.go.id', ALUR_OIDC_CLIENT_ID: 'alur' }, 'ALUR_PUBLIC_URL is not a URL'],
      [{ ALUR_OIDC_TENANTS: '{batang' }, 'ALUR_OIDC_TENANTS is not JSON'],
      [{ ALUR_OIDC_TENANTS: '{"Batang!":{}}' }, 'ALUR_OIDC_TENANTS.Batang!: not a tenant id'],
      [{ ALUR_OIDC_TENANTS: '{"batang":{"issuer":"https://sso.example.go.id"}}' }, 'ALUR_OIDC_TENANTS.batang needs issuer and clientId'],
      [{ ALUR_OIDC_TENANTS: '{"batang":{"issuer":"https://a.go.id","clientId":"x","secret":"y"}}' }, 'ALUR_OIDC_TENANTS.batang: unknown field secret'],
      [{ ALUR_OIDC_GROUP_MAP: '["loket"]' }, 'ALUR_OIDC_GROUP_MAP must be an object of claim value → group id'],
      [{ ALUR_OIDC_PROVISION: 'ya' }, 'ALUR_OIDC_PROVISION must be true or false, got "ya"'],
    ];
    for (const [env, message] of refusals) expect(() => loadConfig(env), JSON.stringify(env)).to.throw(message);
  });

  it('given variables set but empty (as in an env file), when loaded, then they count as unset', () => {
    const empty = { ALUR_DATA_DIR: '', DATABASE_URL: '', REDIS_URL: '', ALUR_ADMIN_PASSWORD: '', ALUR_TOKEN_TTL_HOURS: '', ALUR_TOKEN_CACHE_MS: ' ', ALUR_MAX_UPLOAD_MB: '', ALUR_DB_POOL_MAX: '', ALUR_NUMBER_IN_FLIGHT: '', ALUR_TIMEZONE: '', ALUR_UNCLAIMED_JOB_MINUTES: '', ALUR_MAX_DOCUMENT_MB: '', ALUR_DOCUMENT_TYPES: '', ALUR_CLAMAV: '', ALUR_TIMER_MIN_CYCLE_SECONDS: '', ALUR_HTTP_ALLOW_PRIVATE: ' ' };
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
      [{ ALUR_NUMBER_IN_FLIGHT: '-1' }, 'ALUR_NUMBER_IN_FLIGHT must be a whole number of at least 0, got "-1"'],
      [{ ALUR_UNCLAIMED_JOB_MINUTES: '0' }, 'ALUR_UNCLAIMED_JOB_MINUTES must be a number above 0, got "0"'],
      [{ ALUR_MAX_DOCUMENT_MB: 'sepuluh' }, 'ALUR_MAX_DOCUMENT_MB must be a number above 0, got "sepuluh"'],
      [{ ALUR_METRICS_PORT: 'metrics' }, 'ALUR_METRICS_PORT must be a port number, got "metrics"'],
      [{ ALUR_QUEUE_POLL_MS: '0' }, 'ALUR_QUEUE_POLL_MS must be a number above 0, got "0"'],
      [{ ALUR_QUEUE_LIMITS: '{nik' }, 'ALUR_QUEUE_LIMITS is not JSON'],
      [{ ALUR_TRUST_PROXY: 'true' }, 'ALUR_TRUST_PROXY must be a number of proxies or their addresses'],
      [{ ALUR_TIMER_MIN_CYCLE_SECONDS: '0' }, 'ALUR_TIMER_MIN_CYCLE_SECONDS must be a number above 0, got "0"'],
      [{ ALUR_HTTP_ALLOW_PRIVATE: '10.0.0.0/33' }, 'ALUR_HTTP_ALLOW_PRIVATE: "10.0.0.0/33" is not a host name, an IP address or a CIDR range'],
      [{ ALUR_HTTP_ALLOW_PRIVATE: 'batang=http://simpeg' }, 'ALUR_HTTP_ALLOW_PRIVATE: "batang=http://simpeg" is not a host name'],
    ];
    for (const [env, message] of refusals) expect(() => loadConfig(env), JSON.stringify(env)).to.throw(message);
  });

  it('given the engine\'s code, then only config.ts reads process.env', () => {
    const readers = sources('engine').filter(([file, source]) => file !== 'engine/config.ts' && /process\.env\b/.test(source)).map(([file]) => file);
    expect(readers).to.deep.equal([]);
  });

  it('given the variables loadConfig reads, the ALUR_* variables the code names and README\'s tables, then the three lists are the same', () => {
    const read = new Set<string>();
    loadConfig(new Proxy({}, { get: (_target, key) => { if (typeof key === 'string') read.add(key); return undefined; } }));
    expect(read.size).to.be.greaterThan(5);
    const rows = readme.split('\n').filter((line) => line.startsWith('|'));
    const undocumented = [...read].filter((key) => !rows.some((row) => row.includes(`\`${key}\``)));
    expect(undocumented, 'read but not in README\'s tables').to.deep.equal([]);
    const documented = new Set(rows.flatMap((row) => [...row.matchAll(/`(ALUR_[A-Z0-9_]+)`/g)].map((m) => m[1])));
    const scripts = new Set(sources('scripts').flatMap(([, source]) => namedVariables(source)));
    expect([...documented].filter((key) => !read.has(key) && !scripts.has(key)), 'in README\'s tables but never read').to.deep.equal([]);
    const named = new Set(sources('engine').flatMap(([, source]) => namedVariables(source)));
    expect([...named].filter((key) => !read.has(key)), 'named in engine/ but not read by loadConfig').to.deep.equal([]);
  });

  it('given the ALUR_* variables the start and build scripts read, then README\'s tables list each (they are not loadConfig\'s)', () => {
    const rows = readme.split('\n').filter((line) => line.startsWith('|'));
    const named = new Set(sources('scripts').flatMap(([, source]) => namedVariables(source)));
    expect(named.has('ALUR_UI_BUILD'), 'the scan reaches scripts/ui-build-stamp.mjs').to.equal(true);
    expect([...named].filter((key) => !rows.some((row) => row.includes(`\`${key}\``))), 'named in scripts/ but not in README\'s tables').to.deep.equal([]);
  });
});

/** The ALUR_* variables a source file names. */
function namedVariables(source: string): string[] {
  return [...source.matchAll(/\bALUR_[A-Z0-9_]*[A-Z0-9]\b/g)].map((m) => m[0]);
}

/** [path, text] of every source file under `top` (TypeScript and .mjs/.js). */
function sources(top: 'engine' | 'scripts'): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|js)$/.test(entry.name)) out.push([path, readFileSync(join(root, path), 'utf8')]);
    }
  };
  walk(top);
  return out;
}
