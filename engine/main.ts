/**
 * `npm start`: reads the configuration once (config.ts), wires the process (wiring.ts: database
 * with migrations, engine, connectors, the runner of the mode — in-process, or BullMQ queue mode
 * when REDIS_URL is set), creates the first administrator, and serves the HTTP API and the browser
 * apps. SIGTERM/SIGINT stop it in order: stop accepting requests, let the runner finish its jobs,
 * close the database.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.js';
import { wire } from './wiring.js';
import { bootstrapAdmin } from './service/identity.js';
import { LoginRateLimiter } from './auth/rate-limit.js';
import { TokenCache } from './auth/token-cache.js';
import { countUsers } from './store/users.js';
import { createApp } from './api/app.js';
import { packRoutes, packRouteSpecs } from './packs/routes.js';
import { FolderPackStore } from './packs/store.js';
import { createLogger, errorFields } from './observability/logger.js';
import { kindRules } from './documents/kinds.js';
import { startDocumentExpiry } from './documents/expiry.js';
import { clamdScanner } from './documents/clamd.js';
import { redirectUri } from './service/sso.js';

// When the code is loaded and the process begins its work (bench/startup splits a start's time).
const loaded = performance.now();
const config = configOrExit();
const log = createLogger({ name: 'alur', level: config.logLevel });

/** A bad variable stops the start with one line naming it (not a stack trace). */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    createLogger({ name: 'alur' }).fatal(errorFields(err), 'configuration refused');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const w = await wire(config, log, { migrate: true });
  const wired = performance.now();
  const { db, engine, clock, queueRunner } = w;
  const queue = queueRunner ? 'bullmq' : 'embedded';

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
    engine, databaseDescription: db.describe, queue, queueState: queueRunner && (() => queueRunner.state()),
    metrics: { registry: w.metrics.registry, token: config.metricsToken }, trustProxy: config.trustProxy, limiter: new LoginRateLimiter(),
    tokenTtlMs: config.tokenTtlMs, tokenCache: new TokenCache(config.tokenCacheMs), maxUploadBytes: config.maxUploadBytes, clockControlled: config.clockControlled,
    sourceMaps: !config.production,
    documents: { maxBytes: config.maxDocumentBytes, kinds: kindRules(config.documentTypes), scanner: config.clamav ? clamdScanner(config.clamav) : undefined },
    // openid-client is loaded only when single sign-on is configured.
    sso: config.sso && { options: config.sso, clients: new (await import('./auth/oidc-clients.js')).OidcClients(redirectUri(config.sso)) },
    signing: w.signing, runner: w.runner, logError: (err) => log.error({ err }, 'request failed'),
    extensions: [{ router: packRoutes({ engine, store: new FolderPackStore(join(config.dataDir, 'packs')), connectorTypes: () => w.registry.types() }), specs: packRouteSpecs }],
  });
  const server = createServer(app);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  await w.start();
  const stopExpiry = startDocumentExpiry(db.knex, () => clock.now(), (err) => log.error({ err }, 'document expiry failed'));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // Where a start's time goes (bench/startup): loading the code, the database, migrations, the rest up to listening;
  // and the CPU time the process used until now, which a loaded machine stretches far less than the wall time.
  const cpu = process.cpuUsage();
  const startup = { loadMs: Math.round(loaded), beforeWireMs: Math.round(started - loaded), ...w.timings, listenMs: Math.round(performance.now() - wired), totalMs: Math.round(performance.now()), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  log.info({ port, database: db.describe, queue, clockControlled: config.clockControlled, ms: Math.round(performance.now() - started), startup }, `Alur listening on http://localhost:${port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    stopExpiry();
    await w.close();
    await closed;
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
