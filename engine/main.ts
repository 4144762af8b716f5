/**
 * Composition root: reads the configuration once, opens the database (PGlite under ALUR_DATA_DIR
 * or PostgreSQL at DATABASE_URL), applies migrations, creates the first administrator, and starts
 * the HTTP server and the runner (in-process, or BullMQ queue mode when REDIS_URL is set). SIGTERM/SIGINT stop it in order: stop accepting
 * requests, let the runner finish its jobs, close the database.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { openDatabase, migrateToLatest } from './store/database.js';
import { Clock } from './runner/clock.js';
import { JobHandlerRegistry } from './runner/registry.js';
import { EmbeddedRunner } from './runner/embedded.js';
import { ModelCache } from './service/models.js';
import { Engine } from './service/engine.js';
import { bootstrapAdmin } from './service/identity.js';
import { LoginRateLimiter } from './auth/rate-limit.js';
import { TokenCache } from './auth/token-cache.js';
import { countUsers } from './store/users.js';
import { createBoundedEvaluator } from './expressions/sandbox.js';
import { inTimeZone } from './expressions/feel.js';
import { createApp } from './api/app.js';
import { packRoutes, packRouteSpecs } from './packs/routes.js';
import { FolderPackStore } from './packs/store.js';
import { registerConnectors, connectorOptionsFromEnv } from './runner/connectors/index.js';
import { loadHandlerModules } from './runner/connectors/load.js';
import { QueueRunner } from './runner/queue/queue-runner.js';
import { queueOptionsFromEnv } from './runner/queue/options.js';
import { createMetrics, metricsObserver, registerQueueDepths } from './observability/metrics.js';
import { withObservability } from './observability/http.js';

const log = pino({ name: 'alur' });

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  await migrateToLatest(db.knex);

  const clock = new Clock();
  const registry = new JobHandlerRegistry();
  const bounded = createBoundedEvaluator();
  const feel = config.timeZone ? inTimeZone(bounded, config.timeZone) : bounded;
  const metrics = createMetrics({ defaultMetrics: true });
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), feel, observers: [metricsObserver(metrics)], timeZone: config.timeZone });
  // Queue mode (REDIS_URL): dispatcher, reconciler and BullMQ workers; else the in-process runner. Same handlers.
  const closeConnectors = registerConnectors(registry, { feel, now: () => clock.now(), ...connectorOptionsFromEnv(process.env) });
  await loadHandlerModules(registry, process.env.ALUR_HANDLERS);
  const queueRunner = config.redisUrl ? new QueueRunner(engine, registry, queueOptionsFromEnv(config.redisUrl, process.env), metrics, log) : undefined;
  if (queueRunner) registerQueueDepths(metrics, () => queueRunner.depths());
  const runner = queueRunner ?? new EmbeddedRunner(engine, registry, { onError: (err) => log.error({ err }, 'runner error') });
  clock.onChange(() => runner.wake());

  // A generated password is for embedded mode only; a shared PostgreSQL gets no admin until one is chosen.
  const admin = config.adminPassword || !config.databaseUrl ? await bootstrapAdmin(db.knex, config.adminPassword, clock.now()) : { created: false as const };
  if (!admin.created && !config.adminPassword && config.databaseUrl && (await countUsers(db.knex)) === 0) {
    log.warn('the database has no users; set ALUR_ADMIN_PASSWORD and restart to create the platform administrator "admin"');
  }
  if (admin.created && admin.generatedPassword) {
    // Printed once, to the console only (not the structured log), and never stored in clear.
    process.stdout.write(`\nFirst start: created the platform administrator "admin" with the password\n\n    ${admin.generatedPassword}\n\nIt is not shown again. Set ALUR_ADMIN_PASSWORD to choose it yourself on a fresh database.\n\n`);
  } else if (admin.created) {
    log.info('created the platform administrator "admin" with ALUR_ADMIN_PASSWORD');
  }

  const app = createApp({
    engine, databaseDescription: db.describe, queue: queueRunner ? 'bullmq' : 'embedded', limiter: new LoginRateLimiter(),
    tokenTtlMs: config.tokenTtlMs, tokenCache: new TokenCache(config.tokenCacheMs), maxUploadBytes: config.maxUploadBytes, clockControlled: config.clockControlled,
    runner, logError: (err) => log.error({ err }, 'request failed'),
    extensions: [{ router: packRoutes({ engine, store: new FolderPackStore(join(config.dataDir, 'packs')), connectorTypes: () => registry.types() }), specs: packRouteSpecs }],
  });
  const server = createServer(withObservability(app, {
    knex: db.knex, databaseDescription: db.describe, queue: queueRunner ? 'bullmq' : 'embedded', registry: metrics.registry,
    queueState: queueRunner && (() => queueRunner.state()),
  }));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  await runner.start();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: db.describe, queue: queueRunner ? 'bullmq' : 'embedded', clockControlled: config.clockControlled, ms: Date.now() - started }, `Alur listening on http://localhost:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await runner.stop();
    closeConnectors();
    await closed;
    await db.close();
    feel.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.fatal({ err }, 'Alur could not start');
  process.exit(1);
});
