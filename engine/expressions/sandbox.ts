/**
 * The bounded FEEL evaluator: a synchronous `FeelEvaluator` (the core is synchronous) that cannot
 * be hung by an expression. Only a literal or a variable path (`trivialFeel`, whose cost is the
 * value it copies) runs in this thread; every other expression runs in a worker thread while this
 * thread blocks on `Atomics.wait` for at most `timeoutMs` of the worker's CPU time, and the
 * worker's heap is capped at `maxMemoryMb`. No guess about which expressions are risky:
 * `count({a: [1,2], b: concatenate(a, a), …}.x)` looks harmless and builds millions of elements.
 * A worker that overruns (time, or memory: V8 kills it) is terminated and a new one starts loading
 * at once, so the next call rarely waits for it. This module owns that worker; it must never
 * evaluate FEEL any other way than through feelin, and never let the worker keep the process alive.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { evaluateInline, trivialFeel, PLAIN_CALENDAR, type FeelEvaluator, type FeelOptions, type FeelResult } from './feel.js';
import { zonedIso } from './time-zone.js';

export interface BoundedEvaluatorOptions {
  /** CPU time one evaluation may take, in milliseconds (the wait is capped at 5 times this in wall time). */
  timeoutMs?: number;
  /** Largest result accepted, measured as UTF-8 JSON. */
  maxResultBytes?: number;
  /** Heap limit of the worker (V8 old generation), in MiB. */
  maxMemoryMb?: number;
  /** How long a fresh worker may take to load feelin; not part of any expression's budget. */
  startupTimeoutMs?: number;
  /**
   * Which expressions that are not trivial go to the worker (default: all). Only measurements
   * (test/expressions/measure-cost.ts) send some inline, to compare the two paths.
   */
  inWorker?: (expression: string) => boolean;
}

export interface BoundedFeelEvaluator extends FeelEvaluator {
  /** Starts the worker now (at start-up) rather than on the first evaluation. */
  prepare(): void;
  /** Releases the worker. A later evaluation starts a new one. */
  close(): void;
}

const READY = 0;
const DONE = 1;
/** The longest wait for one evaluation, in budgets of wall time. */
const WALL_FACTOR = 5;
/** Below this share of a slice in CPU time, the worker is not running at all. */
const IDLE_SHARE = 0.02;
const WORKER_URL = new URL('./sandbox-worker.mjs', import.meta.url);

interface Sandbox {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  lastId: number;
  /** feelin has loaded (slot READY was seen). */
  ready: boolean;
}

type Reply = { id: number; ok: true; json: string; plannedBy?: { from: string; n: number } } | { id: number; ok: false; error: string };

export function createBoundedEvaluator(options: BoundedEvaluatorOptions = {}): BoundedFeelEvaluator {
  const timeoutMs = options.timeoutMs ?? 100;
  const maxResultBytes = options.maxResultBytes ?? 1024 * 1024;
  const maxMemoryMb = options.maxMemoryMb ?? 64;
  const startupTimeoutMs = options.startupTimeoutMs ?? 10_000;
  const inWorker = options.inWorker ?? (() => true);
  let sandbox: Sandbox | undefined;

  /** A new worker, loading feelin; `ready` waits for it. */
  function spawn(): Sandbox {
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
    return { worker, port: port1, signal, lastId: 0, ready: false };
  }

  function ready(): Sandbox {
    const current = (sandbox ??= spawn());
    if (current.ready) return current;
    if (!waitFor(current.signal, READY, 1, startupTimeoutMs)) {
      stop();
      throw new Error(`FEEL sandbox did not start within ${startupTimeoutMs} ms`);
    }
    current.ready = true;
    return current;
  }

  function stop(): void {
    if (!sandbox) return;
    sandbox.port.close();
    void sandbox.worker.terminate().catch(() => undefined);
    sandbox = undefined;
  }

  /** After a cut: the next worker loads while this thread goes on with other work. */
  function replace(): void {
    stop();
    sandbox = spawn();
  }

  /**
   * Waits for reply `id` while the worker has CPU time left of its budget. The budget is CPU time,
   * not wall time, so a loaded machine (a worker that gets a tenth of a core) does not turn
   * ordinary expressions into incidents; the wall clock still caps the wait at `WALL_FACTOR`
   * budgets. While this thread blocks, the process's CPU time is the worker's; a slice in which
   * almost none was spent means the worker is gone (V8 killed it for its heap).
   */
  function awaitReply(signal: Int32Array, id: number): boolean {
    const started = performance.now();
    const before = process.cpuUsage();
    let slice = before;
    for (;;) {
      if (waitFor(signal, DONE, id, timeoutMs)) return true;
      const spent = cpuMs(process.cpuUsage(before));
      const inSlice = cpuMs(process.cpuUsage(slice));
      slice = process.cpuUsage();
      if (spent >= timeoutMs || inSlice < timeoutMs * IDLE_SHARE || performance.now() - started >= timeoutMs * WALL_FACTOR) {
        return waitFor(signal, DONE, id, 0);
      }
    }
  }

  function evaluateInWorker(expression: string, context: Record<string, unknown>, now: string, options: FeelOptions = {}): FeelResult {
    let current: Sandbox;
    try {
      current = ready();
    } catch (err) {
      return { ok: false, error: (err as Error).message };
    }
    const id = ++current.lastId;
    try {
      const calendar = options.calendar ?? PLAIN_CALENDAR;
      const clock = options.calendar?.zone ? zonedIso(now, options.calendar.zone) : now;
      current.port.postMessage({ id, expression, context, now: clock, calendar: { zone: calendar.zone, weekend: calendar.weekend, holidays: calendar.holidays } });
    } catch (err) {
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: context is not plain data (${(err as Error).message})` };
    }
    if (!awaitReply(current.signal, id)) {
      // Termination interrupts feelin wherever it is, a backtracking regular expression included.
      // A worker V8 killed for its heap cannot say so while this thread blocks: it ends here too.
      replace();
      return { ok: false, error: `FEEL expression exceeded its time budget of ${timeoutMs} ms (or its ${maxMemoryMb} MB of memory): ${JSON.stringify(abbreviate(expression))}` };
    }
    const reply = receiveReply(current.port, id);
    if (!reply) {
      replace();
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: the sandbox lost its reply` };
    }
    if (!reply.ok) return { ok: false, error: reply.error };
    return reply.plannedBy ? { ok: true, value: JSON.parse(reply.json), plannedBy: reply.plannedBy } : { ok: true, value: JSON.parse(reply.json) };
  }

  return {
    evaluate(expression, context, now, options) {
      const quick = evaluateTrivial(expression, context, maxResultBytes);
      if (quick) return quick;
      return inWorker(expression) ? evaluateInWorker(expression, context, now, options) : sized(expression, evaluateInline(expression, context, now, options), maxResultBytes);
    },
    prepare() {
      // Starts the worker loading without waiting for it: blocking here (Atomics.wait) also held
      // up the worker's own start, so every server start sat out the whole 10 s startup timeout.
      // The first evaluation waits for it to be ready (ready()).
      sandbox ??= spawn();
    },
    close: stop,
  };
}

/**
 * What the bounded evaluator does without its worker: a literal or a variable path (trivialFeel),
 * with the result-size budget; undefined for every other expression. The step pool
 * (steps/pool.ts) runs steps on the main thread with only this.
 */
export function evaluateTrivial(expression: string, context: Record<string, unknown>, maxResultBytes: number): FeelResult | undefined {
  const quick = trivialFeel(expression, context);
  return quick ? sized(expression, { ok: true, value: quick.value }, maxResultBytes) : undefined;
}

function sized(expression: string, result: FeelResult, maxResultBytes: number): FeelResult {
  if (result.ok && Buffer.byteLength(JSON.stringify(result.value), 'utf8') > maxResultBytes) {
    return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: result is larger than ${maxResultBytes} bytes` };
  }
  return result;
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
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

let shared: BoundedFeelEvaluator | undefined;

/**
 * One bounded evaluator with the default budgets for whoever was not given one (an Engine built by
 * a test or an embedding application), so no host path evaluates FEEL unbounded by omission.
 */
export function sharedBoundedEvaluator(): BoundedFeelEvaluator {
  return (shared ??= createBoundedEvaluator());
}
