/**
 * The one wiring of a process, shared by `npm start` (main.ts: API + runner) and `npm run worker`
 * (worker.ts: queue workers only): the database, the clock, the bounded FEEL evaluator in the
 * regency's zone, metrics, the engine with its observers, the connectors and integrators' handler
 * modules, the runner of the mode (in-process, or BullMQ when REDIS_URL is set) and the optional
 * metrics port. Everything comes from the Config (config.ts), nothing from the environment.
 */
import type { Server } from 'node:http';
import type { Config } from './config.js';
import { openDatabase, migrateToLatest, type Database } from './store/database.js';
import { Clock } from './runner/clock.js';
import { JobHandlerRegistry } from './runner/registry.js';
import { EmbeddedRunner } from './runner/embedded.js';
import type { QueueRunner } from './runner/queue/queue-runner.js';
import { ModelCache } from './service/models.js';
import { Engine } from './service/engine.js';
import { createBoundedEvaluator } from './expressions/sandbox.js';
import { createStepPool } from './steps/pool.js';
import { compilerThread } from './bpmn/compile-off-thread.js';
import { inTimeZone, type FeelEvaluator } from './expressions/feel.js';
import { registerConnectors } from './runner/connectors/index.js';
import { loadHandlerModules } from './runner/connectors/load.js';
import { signingFromConfig, type SigningSetup } from './signing/config.js';
import { registerLetters } from './letters/index.js';
import { NumberedBatches } from './store/numbered-batches.js';
import { createMetrics, metricsObserver, registerQueueDepths, type Metrics } from './observability/metrics.js';
import { serveMetrics } from './observability/http.js';
import type { Logger } from './observability/logger.js';

export interface Wired {
  db: Database;
  clock: Clock;
  feel: FeelEvaluator & { close(): void };
  metrics: Metrics;
  engine: Engine;
  registry: JobHandlerRegistry;
  /** The secret sealing signing certificates and the signing budgets (the API's certificate routes and tte-sign share them). */
  signing: SigningSetup;
  /** Queue mode's runner (undefined in embedded mode). */
  queueRunner?: QueueRunner;
  /** The runner of the mode: the queue runner, or the in-process one. */
  runner: EmbeddedRunner | QueueRunner;
  /** How long opening the database (PGlite: loading its WebAssembly and data folder), migrating and the rest of the wiring took. */
  timings: { databaseOpenMs: number; migrationsMs: number; wiringMs: number };
  /** Starts the runner and the metrics port. */
  start(): Promise<void>;
  /** Stops taking work, finishes in-flight jobs, releases the connectors, FEEL workers and the database. */
  close(): Promise<void>;
}

export async function wire(config: Config, log: Logger, options: { migrate: boolean }): Promise<Wired> {
  const opening = performance.now();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax });
  const migrating = performance.now();
  if (options.migrate) await migrateToLatest(db.knex);
  const timings = { databaseOpenMs: Math.round(migrating - opening), migrationsMs: Math.round(performance.now() - migrating), wiringMs: 0 };
  const wiring = performance.now();
  const clock = new Clock();
  const { feelTimeoutMs, feelMemoryMb, feelMaxResultBytes } = config.budgets;
  const bounded = createBoundedEvaluator({ timeoutMs: feelTimeoutMs, maxMemoryMb: feelMemoryMb, maxResultBytes: feelMaxResultBytes });
  bounded.prepare();
  // Every process in the same zone (ALUR_TIMEZONE), or FEEL's today() would differ by process.
  const feel = config.timeZone ? inTimeZone(bounded, config.timeZone) : bounded;
  // Steps that evaluate FEEL or run long leave the main thread, so one tenant's step cannot hold the others' requests.
  const steps = config.stepThreads > 0 ? createStepPool({ threads: config.stepThreads, feelTimeoutMs, feelMemoryMb, feelMaxResultBytes, timeZone: config.timeZone }) : undefined;
  // Deployments are parsed there too: a 10,000-branch gateway cost half a second of parsing before its limit refused it.
  const compiler = compilerThread();
  const metrics = createMetrics({ defaultMetrics: true });
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), feel, steps, compiler, budgets: config.budgets, observers: [metricsObserver(metrics)], timeZone: config.timeZone, timerMinCycleMs: config.timerMinCycleMs, numberedBatches: new NumberedBatches(config.numberInFlight) });
  const registry = new JobHandlerRegistry();
  const signing = signingFromConfig(config, () => clock.now());
  const closeConnectors = registerConnectors(registry, { feel, now: () => clock.now(), ...config.connectors, signing: { knex: db.knex, setup: signing } });
  registerLetters(registry, { knex: db.knex, feel, now: () => clock.now(), soffice: config.soffice, sofficeTimeoutMs: config.sofficeTimeoutMs, maxDocumentBytes: config.maxDocumentBytes, timeZone: config.timeZone });
  await loadHandlerModules(registry, config.handlers);
  // Loaded in queue mode only: BullMQ and ioredis are a large share of loading the code, which an
  // embedded start (npm start) has no use for.
  const queueRunner = config.queue ? new (await import('./runner/queue/queue-runner.js')).QueueRunner(engine, registry, config.queue, metrics, log) : undefined;
  if (queueRunner) registerQueueDepths(metrics, () => queueRunner.depths());
  const runner = queueRunner ?? new EmbeddedRunner(engine, registry, { unclaimedJobMs: config.unclaimedJobMs, onError: (err) => log.error({ err }, 'runner error') });
  clock.onChange(() => runner.wake());
  let metricsServer: Server | undefined;
  timings.wiringMs = Math.round(performance.now() - wiring);
  return {
    db, clock, feel, metrics, engine, registry, signing, queueRunner, runner, timings,
    async start() {
      await runner.start();
      if (config.metricsPort !== undefined) metricsServer = await serveMetrics(config.metricsPort, metrics.registry, config.metricsToken);
    },
    async close() {
      metricsServer?.close();
      await runner.stop();
      closeConnectors();
      feel.close();
      await steps?.close();
      await compiler.close();
      await db.close();
    },
  };
}
