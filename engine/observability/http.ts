/**
 * `GET /metrics` (Prometheus text) and a `/health` that adds the queue's state, put in front of
 * the API app so the API's own files stay as they are. Neither needs a login: they show counts
 * and states only, never ids or data. Health answers 503 when PostgreSQL does not; a Redis that
 * does not answer is reported (jobs wait safely in the outbox meanwhile) without failing health.
 */
import express, { type Express, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { Registry } from 'prom-client';

export interface ObservabilityDeps {
  knex: Knex;
  databaseDescription: string;
  queue: 'embedded' | 'bullmq';
  registry: Registry;
  /** Queue mode: is Redis answering, and jobs per type and state. */
  queueState?: () => Promise<Record<string, unknown>>;
}

export function healthHandler(deps: ObservabilityDeps): RequestHandler {
  return async (_req, res) => {
    const base = { database: deps.databaseDescription, queue: deps.queue };
    try {
      await deps.knex.raw('select 1');
    } catch {
      res.status(503).json({ status: 'unavailable', ...base });
      return;
    }
    const queueState = deps.queueState ? await deps.queueState().catch(() => ({ redis: 'unavailable' })) : undefined;
    res.json({ status: 'ok', ...base, ...(queueState ? { queueState } : {}) });
  };
}

export function metricsHandler(registry: Registry): RequestHandler {
  return async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
}

/** A root app answering /metrics and /health, then handing everything else to `app`. */
export function withObservability(app: Express, deps: ObservabilityDeps): Express {
  const root = express();
  root.disable('x-powered-by');
  root.get('/metrics', metricsHandler(deps.registry));
  root.get('/health', healthHandler(deps));
  root.use(app);
  return root;
}
