/**
 * The bounded FEEL evaluator: a synchronous `FeelEvaluator` (the core is synchronous) that cannot
 * be hung by an expression. Harmless expressions run inline; risky ones (`isRiskyFeel`: loops,
 * ranges, user functions, regular expressions) run in a worker thread while this thread blocks on
 * `Atomics.wait` for at most `timeoutMs`. A worker that overruns is terminated and replaced on the
 * next risky call. This module owns that worker; it must never evaluate FEEL any other way than
 * through feelin, and never let the worker keep the process alive.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { evaluateInline, isRiskyFeel, PLAIN_CALENDAR, type FeelEvaluator, type FeelOptions, type FeelResult } from './feel.js';
import { zonedIso } from './time-zone.js';

export interface BoundedEvaluatorOptions {
  /** Hard limit for one risky evaluation, in milliseconds. */
  timeoutMs?: number;
  /** Largest result accepted, measured as UTF-8 JSON. */
  maxResultBytes?: number;
  /** Heap limit of the worker (V8 old generation), in MiB. */
  maxMemoryMb?: number;
  /** How long a fresh worker may take to load feelin; not part of any expression's budget. */
  startupTimeoutMs?: number;
  /** Which expressions go to the worker; the rest run inline. Defaults to `isRiskyFeel`. */
  inWorker?: (expression: string) => boolean;
}

export interface BoundedFeelEvaluator extends FeelEvaluator {
  /** Releases the worker. A later risky call starts a new one. */
  close(): void;
}

const READY = 0;
const DONE = 1;
const WORKER_URL = new URL('./sandbox-worker.mjs', import.meta.url);

interface Sandbox {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  lastId: number;
}

type Reply = { id: number; ok: true; json: string; plannedBy?: { from: string; n: number } } | { id: number; ok: false; error: string };

export function createBoundedEvaluator(options: BoundedEvaluatorOptions = {}): BoundedFeelEvaluator {
  const timeoutMs = options.timeoutMs ?? 100;
  const maxResultBytes = options.maxResultBytes ?? 1024 * 1024;
  const maxMemoryMb = options.maxMemoryMb ?? 64;
  const startupTimeoutMs = options.startupTimeoutMs ?? 10_000;
  const inWorker = options.inWorker ?? isRiskyFeel;
  let sandbox: Sandbox | undefined;

  function start(): Sandbox {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, {
      // The worker is plain JavaScript: it must not inherit tsx or other loaders of the parent.
      execArgv: [],
      workerData: { port: port2, signal: signal.buffer, maxResultBytes },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    });
    // A worker that dies (out of memory, terminated) emits 'error'; unhandled it would crash the engine.
    worker.on('error', () => undefined);
    worker.unref();
    port1.unref();
    if (!waitFor(signal, READY, 1, startupTimeoutMs)) {
      port1.close();
      void worker.terminate().catch(() => undefined);
      throw new Error(`FEEL sandbox did not start within ${startupTimeoutMs} ms`);
    }
    return { worker, port: port1, signal, lastId: 0 };
  }

  function stop(): void {
    if (!sandbox) return;
    sandbox.port.close();
    void sandbox.worker.terminate().catch(() => undefined);
    sandbox = undefined;
  }

  function evaluateInWorker(expression: string, context: Record<string, unknown>, now: string, options: FeelOptions = {}): FeelResult {
    try {
      sandbox ??= start();
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
    const id = ++sandbox.lastId;
    try {
      const calendar = options.calendar ?? PLAIN_CALENDAR;
      const clock = options.calendar?.zone ? zonedIso(now, options.calendar.zone) : now;
      sandbox.port.postMessage({ id, expression, context, now: clock, calendar: { zone: calendar.zone, weekend: calendar.weekend, holidays: calendar.holidays } });
    } catch (err) {
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: context is not plain data (${(err as Error).message})` };
    }
    if (!waitFor(sandbox.signal, DONE, id, timeoutMs)) {
      // Termination interrupts feelin wherever it is, a backtracking regular expression included.
      stop();
      return { ok: false, error: `FEEL expression exceeded its time budget of ${timeoutMs} ms: ${JSON.stringify(abbreviate(expression))}` };
    }
    const reply = receiveReply(sandbox.port, id);
    if (!reply) {
      stop();
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: the sandbox lost its reply` };
    }
    if (!reply.ok) return { ok: false, error: reply.error };
    return reply.plannedBy ? { ok: true, value: JSON.parse(reply.json), plannedBy: reply.plannedBy } : { ok: true, value: JSON.parse(reply.json) };
  }

  function evaluateHere(expression: string, context: Record<string, unknown>, now: string, options?: FeelOptions): FeelResult {
    const result = evaluateInline(expression, context, now, options);
    if (result.ok && Buffer.byteLength(JSON.stringify(result.value), 'utf8') > maxResultBytes) {
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: result is larger than ${maxResultBytes} bytes` };
    }
    return result;
  }

  return {
    evaluate(expression, context, now, options) {
      return inWorker(expression) ? evaluateInWorker(expression, context, now, options) : evaluateHere(expression, context, now, options);
    },
    close: stop,
  };
}

/** Blocks until `signal[slot]` equals `value` or `ms` have passed; true when it does. */
function waitFor(signal: Int32Array, slot: number, value: number, ms: number): boolean {
  const deadline = performance.now() + ms;
  for (;;) {
    const current = Atomics.load(signal, slot);
    if (current === value) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(signal, slot, current, left);
  }
}

/** Takes replies off the port until the one for `id` (older ones belong to abandoned calls). */
function receiveReply(port: MessagePort, id: number): Reply | undefined {
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (!received) return undefined;
    const reply = received.message as Reply;
    if (reply.id === id) return reply;
  }
}

function abbreviate(expression: string): string {
  return expression.length > 200 ? `${expression.slice(0, 200)}…` : expression;
}
