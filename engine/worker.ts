/**
 * `npm run worker`: a worker process of queue mode. It needs PostgreSQL (DATABASE_URL) and Redis
 * (REDIS_URL), and is wired as `npm start` is (wiring.ts) without the HTTP API: the built-in
 * connectors and the integrator's handler modules (ALUR_HANDLERS), BullMQ workers for every
 * registered type plus timers, and the dispatch of the jobs its own commands write. SIGTERM/SIGINT:
 * stop taking jobs, finish in-flight ones, close Redis and the database, exit 0. Optional
 * GET /metrics on ALUR_METRICS_PORT.
 */
import { loadConfig, type Config } from './config.js';
import { wire } from './wiring.js';
import { createLogger, errorFields } from './observability/logger.js';

const config = configOrExit();
const log = createLogger({ name: 'alur-worker', level: config.logLevel });

/** A bad variable stops the start with one line naming it (not a stack trace). */
function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    createLogger({ name: 'alur-worker' }).fatal(errorFields(err), 'configuration refused');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  if (!config.queue) throw new Error('npm run worker needs REDIS_URL (queue mode); embedded mode runs jobs inside npm start');
  if (!config.databaseUrl) throw new Error('npm run worker needs DATABASE_URL: workers share one PostgreSQL with the API');
  const w = await wire(config, log, { migrate: false });
  await w.start();
  log.info({ types: w.registry.types(), database: w.db.describe }, 'worker ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new jobs, finishing in-flight ones');
    const force = setTimeout(() => { log.error('graceful stop took too long; exiting'); process.exit(1); }, config.stopTimeoutMs);
    force.unref();
    await w.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  log.fatal(errorFields(err), 'worker failed to start');
  process.exit(1);
});
