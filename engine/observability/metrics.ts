/**
 * Prometheus metrics (prom-client) for `GET /metrics`: transactions (inputs) and their latency,
 * commands by how they ran (one statement or a transaction),
 * jobs run per type and outcome, and queue depth per type and state, read from BullMQ when
 * scraped. Labels are task types and states only — never ids or data. One registry per process
 * (tests make their own), so nothing global leaks between engines.
 */
import { Registry, Counter, Histogram, Gauge, collectDefaultMetrics } from 'prom-client';
import type { EngineObserver } from '../service/context.js';

export interface Metrics {
  registry: Registry;
  inputs: Counter;
  transactionSeconds: Histogram;
  commands: Counter<'command' | 'mode'>;
  jobsRun: Counter<'type' | 'outcome'>;
}

/** Per type: how many queue jobs are in each state. */
export type QueueDepths = Record<string, { waiting: number; active: number; delayed: number; failed: number }>;

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'alur_' });
  return {
    registry,
    inputs: new Counter({ name: 'alur_inputs_total', help: 'Inputs committed (one transaction each); rate() gives inputs/s', registers: [registry] }),
    transactionSeconds: new Histogram({
      name: 'alur_transaction_seconds', help: 'Duration of one engine transaction (lock, step, save, effects, commit)',
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    }),
    // By command and how it ran: `statement` (one statement, no transaction: the usual path) or
    // `transaction` (it needed one, or lost a race and ran again in one). The ratio of the two is
    // how often the one-statement path falls back (store/unit-of-work.ts).
    commands: new Counter({ name: 'alur_commands_total', help: 'Committed commands by command and mode (statement: one statement without a transaction; transaction)', labelNames: ['command', 'mode'], registers: [registry] }),
    jobsRun: new Counter({ name: 'alur_jobs_run_total', help: 'Service-task jobs run by this process, by type and outcome', labelNames: ['type', 'outcome'], registers: [registry] }),
  };
}

/** Adds queue depth gauges read from `depths()` at scrape time. */
export function registerQueueDepths(metrics: Metrics, depths: () => Promise<QueueDepths>): void {
  new Gauge({
    name: 'alur_queue_jobs', help: 'Queue jobs per task type and state (waiting, active, delayed, failed)', labelNames: ['type', 'state'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const [type, counts] of Object.entries(await depths())) {
        for (const [state, n] of Object.entries(counts)) this.set({ type, state }, n);
      }
    },
  });
}

/**
 * Counts and times every command of an engine (each API command and each fed-back job or timer
 * is one unit of work, applied as one statement or one transaction): an observer the wiring
 * passes to the engine, so the service stays free of metrics.
 */
export function metricsObserver(metrics: Metrics): EngineObserver {
  return {
    committed(e) {
      metrics.inputs.inc();
      metrics.transactionSeconds.observe(e.seconds);
      metrics.commands.inc({ command: e.command, mode: e.inTransaction ? 'transaction' : 'statement' });
    },
    failed(e) {
      metrics.transactionSeconds.observe(e.seconds);
    },
  };
}
