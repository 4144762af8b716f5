/**
 * `GET /health` and `GET /metrics` (Prometheus text), mounted by createApp before the API. Health
 * needs no login: it shows the backends and counts only. It answers 503 when the database does
 * not; a Redis that does not answer is reported (jobs wait safely in the outbox meanwhile) without
 * failing health. Metrics name task types, tenants' activity and the process's internals, so on
 * the API port they are served only with ALUR_METRICS_TOKEN as a bearer token; ALUR_METRICS_PORT
 * serves them on a port of their own (for a scraper on the internal network).
 */
import { createServer, type Server } from 'node:http';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';

export interface HealthDeps {
  /** Resolves while the database answers (service/reads.ts), throws when it does not. */
  databaseAnswers: () => Promise<void>;
  databaseDescription: string;
  queue: 'embedded' | 'bullmq';
  /** Queue mode: is Redis answering, and jobs per type and state. */
  queueState?: () => Promise<Record<string, unknown>>;
}

export function healthHandler(deps: HealthDeps): RequestHandler {
  return async (_req, res) => {
    const base = { database: deps.databaseDescription, queue: deps.queue };
    try {
      await deps.databaseAnswers();
    } catch {
      res.status(503).json({ status: 'unavailable', ...base });
      return;
    }
    const queueState = deps.queueState ? await deps.queueState().catch(() => ({ redis: 'unavailable' })) : undefined;
    res.json({ status: 'ok', ...base, ...(queueState ? { queueState } : {}) });
  };
}

/** Does `authorization` carry `Bearer <token>`? Compared in constant time. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return given !== '' && timingSafeEqual(digest(given), digest(token));
}

/** GET /metrics: with a token, only for its bearer (401 otherwise, the same for a wrong and a missing one). */
export function metricsHandler(registry: Registry, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('metrics need the bearer token of ALUR_METRICS_TOKEN\n');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}

/** A server on a port of its own answering GET /metrics only (the token too, when one is set). */
export function serveMetrics(port: number, registry: Registry, token?: string): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
