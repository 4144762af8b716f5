/**
 * A step thread (pool.ts): runs the core's `step` for the main thread, so that a step that
 * evaluates FEEL — each expression bounded by this thread's own sandbox, the step by its time
 * budget — never holds the server's event loop. The core is pure: the same model, state, input
 * and time give the same result here as on the main thread. Models are kept by definition id
 * (they never change); a job for a model this thread does not hold is answered `missing`, and
 * the pool sends it again with the model.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { step, InputRefused, CoreBug, type ProcessModel } from '../core/index.js';
import { createBoundedEvaluator } from '../expressions/sandbox.js';
import { inTimeZone } from '../expressions/feel.js';
import type { StepJob, StepReply, ThreadSettings } from './protocol.js';

const settings = workerData.data as ThreadSettings;
const bounded = createBoundedEvaluator({ timeoutMs: settings.feelTimeoutMs, maxMemoryMb: settings.feelMemoryMb, maxResultBytes: settings.feelMaxResultBytes });
bounded.prepare();
const feel = settings.timeZone ? inTimeZone(bounded, settings.timeZone) : bounded;
const models = new Map<string, ProcessModel>();
const MAX_MODELS = 200;

function run(job: StepJob): StepReply {
  const model = job.model ?? models.get(job.modelKey);
  if (!model) return { id: job.id, missing: true };
  if (job.model) {
    models.delete(job.modelKey);
    if (models.size >= MAX_MODELS) models.delete(models.keys().next().value as string);
    models.set(job.modelKey, job.model);
  }
  const until = performance.now() + job.env.stepTimeoutMs;
  try {
    const result = step(model, job.state, job.input, job.now, {
      feel, calendar: job.env.calendar, maxActivations: job.env.maxActivations, maxMultiInstanceItems: job.env.maxMultiInstanceItems,
      maxCallDepth: job.env.maxCallDepth, minCycleMs: job.env.minCycleMs,
      timeBudget: { ms: job.env.stepTimeoutMs, exceeded: () => performance.now() > until },
    });
    return { id: job.id, result };
  } catch (err) {
    const e = err as Error;
    const kind = err instanceof InputRefused ? 'InputRefused' : err instanceof CoreBug ? 'CoreBug' : 'Error';
    return { id: job.id, error: { kind, message: e.message, ...(err instanceof InputRefused ? { code: err.code, reason: err.reason, params: err.params } : {}) } };
  }
}

parentPort!.on('message', (job: StepJob) => parentPort!.postMessage(run(job)));
