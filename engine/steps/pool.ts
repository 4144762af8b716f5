/**
 * Where durable steps run (EngineDeps.steps): the core is synchronous, so a step that evaluates
 * FEEL, or runs long, must not run on the thread that answers every tenant's requests. A step is
 * tried on the main thread first with only what cannot take long there — trivial FEEL (a literal
 * or a variable path) and a slice of a few milliseconds; the first expression that needs the
 * sandbox, or the end of the slice, abandons that attempt (the core never mutates its arguments)
 * and the step runs again, from the start, on a step thread (thread.ts) with its own bounded FEEL
 * and the whole step budget. The core is deterministic, so where it ran does not change the
 * result. Threads are shared fairly: queued steps are taken from tenants in turn, and one tenant
 * holds at most all threads but one, so a tenant burning its step budgets leaves a thread to the
 * others.
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/start.js';
import { step, InputRefused, CoreBug, type Input, type InstanceState, type ProcessModel, type StepResult } from '../core/index.js';
import { evaluateTrivial } from '../expressions/sandbox.js';
import type { FeelEvaluator } from '../expressions/feel.js';
import type { StepJob, StepReply, StepSettings, ThreadSettings } from './protocol.js';

export type { StepSettings } from './protocol.js';

export interface StepRunner {
  /** Runs one step of `tenant`'s instance; rejects as `step` throws (InputRefused, CoreBug). */
  run(tenant: string, modelKey: string, model: ProcessModel, state: InstanceState | null, input: Input, now: string, env: StepSettings): Promise<StepResult>;
  /** Stops the threads; steps still queued or running fail. */
  close(): Promise<void>;
}

export interface StepPoolOptions extends ThreadSettings {
  /** Step threads (ALUR_STEP_THREADS), at least 1. */
  threads: number;
}

/** How long a step may run on the main thread before it moves to a step thread. */
const INLINE_SLICE_MS = 10;
/** A thread that answers nothing this long after a step's budget is stuck: it is replaced. */
const STUCK_AFTER_MS = 15_000;

/** Thrown inside the main-thread attempt: this step belongs on a step thread. */
class NeedsThread extends Error {}

interface Queued {
  tenant: string;
  job: Omit<StepJob, 'id' | 'model'>;
  model: ProcessModel;
  resolve: (result: StepResult) => void;
  reject: (err: Error) => void;
}

interface Thread {
  worker: Worker;
  busy?: { queued: Queued; id: number; guard: NodeJS.Timeout };
  /** It answered a step: a thread that dies before ever answering is started again only after a pause. */
  answered?: boolean;
  /** Waiting to be started again (after threads that failed at start): takes no step meanwhile. */
  down?: boolean;
}

export function createStepPool(options: StepPoolOptions): StepRunner {
  const settings: ThreadSettings = { feelTimeoutMs: options.feelTimeoutMs, feelMemoryMb: options.feelMemoryMb, feelMaxResultBytes: options.feelMaxResultBytes, timeZone: options.timeZone };
  const size = Math.max(1, options.threads);
  const perTenant = Math.max(1, size - 1);
  /** Waiting steps by tenant; the Map's order is the turn (a served tenant goes to the back). */
  const queues = new Map<string, Queued[]>();
  const running = new Map<string, number>();
  let lastId = 0;
  let closed = false;
  /** Threads in a row that died before answering anything. */
  let failedStarts = 0;
  const threads: Thread[] = Array.from({ length: size }, () => ({ worker: spawn() }));

  const inlineFeel: FeelEvaluator = {
    evaluate(expression, context) {
      const quick = evaluateTrivial(expression, context, options.feelMaxResultBytes);
      if (!quick) throw new NeedsThread();
      return quick;
    },
  };

  function spawn(): Worker {
    const worker = startThread(import.meta.url, './thread', settings);
    worker.unref();
    worker.on('message', (reply: StepReply) => answered(worker, reply));
    worker.on('error', (err) => lost(worker, err));
    worker.on('exit', (code) => lost(worker, new Error(`step thread exited (${code})`)));
    return worker;
  }

  function lost(worker: Worker, err: Error): void {
    const thread = threads.find((t) => t.worker === worker);
    // 'error' and then 'exit' both arrive for one death; the first one handled it.
    if (!thread || thread.down) return;
    const busy = thread.busy;
    thread.busy = undefined;
    if (busy) {
      clearTimeout(busy.guard);
      release(busy.queued.tenant);
      busy.queued.reject(new Error(`the step thread failed: ${err.message}`));
    }
    if (closed) return;
    void worker.terminate().catch(() => undefined);
    // A thread that cannot even start (a missing file in a bundle) must not be restarted in a tight loop.
    failedStarts = thread.answered ? 0 : failedStarts + 1;
    if (failedStarts === 0) {
      thread.worker = spawn();
      dispatch();
      return;
    }
    thread.down = true;
    setTimeout(() => {
      thread.down = false;
      if (closed) return;
      thread.worker = spawn();
      dispatch();
    }, Math.min(30_000, 500 * 2 ** Math.min(failedStarts, 6))).unref();
  }

  function answered(worker: Worker, reply: StepReply): void {
    const thread = threads.find((t) => t.worker === worker);
    const busy = thread?.busy;
    if (!thread || !busy || busy.id !== reply.id) return;
    thread.answered = true;
    failedStarts = 0;
    if ('missing' in reply) {
      worker.postMessage({ ...busy.queued.job, id: busy.id, model: busy.queued.model } satisfies StepJob);
      return;
    }
    clearTimeout(busy.guard);
    thread.busy = undefined;
    release(busy.queued.tenant);
    if ('result' in reply) busy.queued.resolve(reply.result);
    else busy.queued.reject(rebuilt(reply.error));
    dispatch();
  }

  function release(tenant: string): void {
    const n = (running.get(tenant) ?? 1) - 1;
    if (n > 0) running.set(tenant, n);
    else running.delete(tenant);
  }

  /** The next step to run: tenants in turn, skipping those at their share of the threads. */
  function next(): Queued | undefined {
    for (const [tenant, queue] of queues) {
      if ((running.get(tenant) ?? 0) >= perTenant) continue;
      const queued = queue.shift()!;
      queues.delete(tenant);
      if (queue.length > 0) queues.set(tenant, queue);
      return queued;
    }
    return undefined;
  }

  function dispatch(): void {
    for (const thread of threads) {
      if (thread.busy || thread.down) continue;
      const queued = next();
      if (!queued) return;
      const id = ++lastId;
      running.set(queued.tenant, (running.get(queued.tenant) ?? 0) + 1);
      const guard = setTimeout(() => lost(thread.worker, new Error(`no answer within ${queued.job.env.stepTimeoutMs + STUCK_AFTER_MS} ms`)), queued.job.env.stepTimeoutMs + STUCK_AFTER_MS);
      guard.unref();
      thread.busy = { queued, id, guard };
      thread.worker.postMessage({ ...queued.job, id } satisfies StepJob);
    }
  }

  return {
    run(tenant, modelKey, model, state, input, now, env) {
      if (closed) return Promise.reject(new Error('the step threads are closed'));
      const until = performance.now() + Math.min(INLINE_SLICE_MS, env.stepTimeoutMs);
      try {
        return Promise.resolve(step(model, state, input, now, {
          feel: inlineFeel, calendar: env.calendar, maxActivations: env.maxActivations, maxMultiInstanceItems: env.maxMultiInstanceItems,
          maxCallDepth: env.maxCallDepth, minCycleMs: env.minCycleMs,
          timeBudget: { ms: env.stepTimeoutMs, exceeded: () => { if (performance.now() > until) throw new NeedsThread(); return false; } },
        }));
      } catch (err) {
        if (!(err instanceof NeedsThread)) return Promise.reject(err);
      }
      return new Promise<StepResult>((resolve, reject) => {
        const queued: Queued = { tenant, job: { modelKey, state, input, now, env }, model, resolve, reject };
        const queue = queues.get(tenant);
        if (queue) queue.push(queued);
        else queues.set(tenant, [queued]);
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const [, queue] of queues) for (const queued of queue) queued.reject(new Error('the step threads are closed'));
      queues.clear();
      await Promise.all(threads.map(async (thread) => {
        const busy = thread.busy;
        thread.busy = undefined;
        if (busy) {
          clearTimeout(busy.guard);
          busy.queued.reject(new Error('the step threads are closed'));
        }
        await thread.worker.terminate();
      }));
    },
  };
}

function rebuilt(error: Extract<StepReply, { error: unknown }>['error']): Error {
  if (error.kind === 'InputRefused') return new InputRefused(error.message, error.code, error.reason, error.params);
  if (error.kind === 'CoreBug') return new CoreBug(error.message);
  return new Error(error.message);
}
