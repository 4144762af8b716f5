/**
 * What every answer's edge gets right whatever the route: security headers (a CSP that forbids
 * inline scripts and framing, nosniff, no Referer), /metrics only for the bearer of
 * ALUR_METRICS_TOKEN (or on a port of its own), X-Forwarded-For believed only from the proxies
 * ALUR_TRUST_PROXY names (so a client cannot pick the address the login limit counts), and a
 * 429's Retry-After as the limiter computed it.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, type Api } from './harness.js';
import { createMetrics } from '../../engine/observability/metrics.js';
import { serveMetrics } from '../../engine/observability/http.js';
import { LoginRateLimiter } from '../../engine/auth/rate-limit.js';

const TOKEN = 'token-metrik-yang-panjang';

forEachBackend('api: the edge (metrics, proxies, Retry-After)', (backend) => {
  const opened: Api[] = [];
  const open = async (opts: Parameters<typeof openApi>[1]) => { const api = await openApi(backend, opts); opened.push(api); return api; };
  after(async () => { for (const api of opened) await api.close(); });

  it('given any answer (API, problem, health, an app page, an unknown path), then it carries the security headers', async () => {
    const api = await open({});
    const paths = ['/api/auth/me', '/api/nothing-here', '/health', '/inbox/index.html', '/designer/index.html', '/no-such-file.js'];
    for (const path of paths) {
      const res = await api.http.get(path);
      const where = `${path} (${res.status})`;
      const csp = String(res.headers['content-security-policy']);
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
      expect(directives, where).to.deep.include({ 'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'frame-ancestors': "'none'", 'base-uri': "'self'" });
      expect(directives, where).not.to.have.property('upgrade-insecure-requests');
      expect(res.headers, where).to.include({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
      expect(res.headers, where).not.to.have.property('x-powered-by');
    }
  });

  it('given no metrics token, when /metrics is asked on the API port, then it is not served there (404)', async () => {
    const api = await open({ app: { metrics: { registry: createMetrics().registry } } });
    const res = await api.http.get('/metrics');
    expect(res.status).to.equal(404);
    expect(res.text).not.to.contain('alur_inputs_total');
  });

  it('given a metrics token, when /metrics is asked without it or with another, then 401; with it, the Prometheus text', async () => {
    const api = await open({ app: { metrics: { registry: createMetrics().registry, token: TOKEN } } });
    for (const authorization of [undefined, 'Bearer salah', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const req = api.http.get('/metrics');
      const res = await (authorization ? req.set('Authorization', authorization) : req);
      expect(res.status, String(authorization)).to.equal(401);
      expect(res.text).not.to.contain('alur_inputs_total');
    }
    const ok = await api.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(ok.status).to.equal(200);
    expect(ok.text).to.contain('alur_inputs_total');
  });

  it('given ALUR_METRICS_PORT, when its port is asked, then /metrics answers there (with its token when one is set) and nothing else does', async () => {
    const registry = createMetrics().registry;
    for (const token of [undefined, TOKEN]) {
      const server = await serveMetrics(0, registry, token);
      try {
        const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        if (token) expect((await fetch(`${base}/metrics`)).status).to.equal(401);
        const res = await fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        expect(res.status).to.equal(200);
        expect(await res.text()).to.contain('alur_inputs_total');
        expect((await fetch(`${base}/api/auth/me`)).status).to.equal(404);
      } finally {
        server.close();
      }
    }
  });

  const failLogins = async (api: Api, forwardedFor: (i: number) => string, times: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      const res = await api.http.post('/api/auth/login').set('X-Forwarded-For', forwardedFor(i)).send({ username: 'admin', password: 'salah' });
      statuses.push(res.status);
    }
    return statuses;
  };

  it('given no trusted proxy (the default), when a client on loopback sends a new X-Forwarded-For per attempt, then the login limit still counts its own address', async () => {
    const api = await open({ limiter: new LoginRateLimiter({ maxAttempts: 3, maxAttemptsPerIp: 100 }) });
    const statuses = await failLogins(api, (i) => `203.0.113.${i + 1}`, 5);
    expect(statuses).to.deep.equal([401, 401, 401, 429, 429]);
  });

  it('given the loopback proxy is trusted, when it forwards different clients, then each client is limited on its own address', async () => {
    const api = await open({ limiter: new LoginRateLimiter({ maxAttempts: 3, maxAttemptsPerIp: 100 }), app: { trustProxy: 'loopback' } });
    expect(await failLogins(api, (i) => `203.0.113.${i + 1}`, 5)).to.deep.equal([401, 401, 401, 401, 401]);
    expect(await failLogins(api, () => '198.51.100.7', 4)).to.deep.equal([401, 401, 401, 429]);
  });

  it('given a refused login, when the limiter says when it lets the caller in again, then Retry-After says the same (not a fixed 60)', async () => {
    const now = Date.parse('2026-12-07T03:00:00Z');
    const api = await open({ limiter: new LoginRateLimiter({ maxAttempts: 1, windowMs: 5 * 60_000, now: () => now }) });
    await api.http.post('/api/auth/login').send({ username: 'admin', password: 'salah' }).expect(401);
    const refused = await api.http.post('/api/auth/login').send({ username: 'admin', password: 'salah' });
    expect(refused.status).to.equal(429);
    expect(refused.headers['retry-after']).to.equal('300');
  });
});
