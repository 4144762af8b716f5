/**
 * `npm run worker`: a worker process of queue mode. It opens PostgreSQL (DATABASE_URL) and Redis
 * (REDIS_URL), registers the built-in connectors and the integrator's handler modules
 * (ALUR_HANDLERS), and runs BullMQ workers for every registered type plus timers. It also
 * dispatches the outbox rows its own transactions write. SIGTERM/SIGINT: stop taking jobs, finish
 * in-flight ones, close Redis and the database, exit 0. Optional GET /metrics on ALUR_METRICS_PORT.
 */
import { createServer, type Server } from 'node:http';
import { openDatabase } from './store/database.js';
import { Clock } from './runner/clock.js';
import { ModelCache } from './service/models.js';
import { Engine } from './service/engine.js';
import { JobHandlerRegistry } from './runner/registry.js';
import { registerConnectors, connectorOptionsFromEnv } from './runner/connectors/index.js';
import { loadHandlerModules } from './runner/connectors/load.js';
import { QueueRunner } from './runner/queue/queue-runner.js';
import { queueOptionsFromEnv } from './runner/queue/options.js';
import { createBoundedEvaluator } from './expressions/sandbox.js';
import { inTimeZone } from './expressions/feel.js';
import { createLogger, errorFields } from './observability/logger.js';
import { createMetrics, metricsObserver, registerQueueDepths } from './observability/metrics.js';

const env = process.env;
const log = createLogger({ name: 'alur-worker', level: env.ALUR_LOG_LEVEL || 'info' });

async function main(): Promise<void> {
  if (!env.REDIS_URL) throw new Error('npm run worker needs REDIS_URL (queue mode); embedded mode runs jobs inside npm start');
  if (!env.DATABASE_URL) throw new Error('npm run worker needs DATABASE_URL: workers share one PostgreSQL with the API');
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, poolMax: Number(env.ALUR_DB_POOL || 10) });
  const bounded = createBoundedEvaluator();
  // The same zone as the API processes (ALUR_TIMEZONE), or FEEL's today() would differ by process.
  const feel = env.ALUR_TIMEZONE ? inTimeZone(bounded, env.ALUR_TIMEZONE) : bounded;
  const clock = new Clock();
  const metrics = createMetrics({ defaultMetrics: true });
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), feel, observers: [metricsObserver(metrics)], timeZone: env.ALUR_TIMEZONE || undefined });
  const registry = new JobHandlerRegistry();
  const closeConnectors = registerConnectors(registry, { feel, now: () => clock.now(), ...connectorOptionsFromEnv(env) });
  await loadHandlerModules(registry, env.ALUR_HANDLERS);
  const runner = new QueueRunner(engine, registry, queueOptionsFromEnv(env.REDIS_URL, env), metrics, log);
  registerQueueDepths(metrics, () => runner.depths());
  await runner.start();
  const server = env.ALUR_METRICS_PORT ? serveMetrics(Number(env.ALUR_METRICS_PORT), metrics.registry) : undefined;
  log.info({ types: registry.types(), database: db.describe }, 'worker ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new jobs, finishing in-flight ones');
    const force = setTimeout(() => { log.error('graceful stop took too long; exiting'); process.exit(1); }, Number(env.ALUR_STOP_TIMEOUT_MS || 60_000));
    force.unref();
    server?.close();
    await runner.stop();
    closeConnectors();
    feel.close();
    await db.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

function serveMetrics(port: number, registry: ReturnType<typeof createMetrics>['registry']): Server {
  return createServer(async (req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
  }).listen(port);
}

main().catch((err) => {
  log.fatal(errorFields(err), 'worker failed to start');
  process.exit(1);
});
