/**
 * serviceTask, sendTask, businessRuleTask (and script tasks run by a worker): a job of
 * `zeebe:taskDefinition type` is enqueued; the token waits for job.complete / job.fail / job.error.
 */
import type { Behaviour } from './behaviour.js';
import type { Runtime } from '../runtime.js';
import { ExpressionFailure } from '../runtime.js';

export const jobTask: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const job = def.job!;
    const type = rt.evalExpr(job.type, key);
    if (typeof type !== 'string' || type === '') throw new ExpressionFailure(`job type of ${def.id} must be a non-empty string, got ${JSON.stringify(type)}`);
    const retries = Number(rt.evalExpr(job.retries, key) ?? 3);
    if (!Number.isInteger(retries) || retries < 0) throw new ExpressionFailure(`retries of ${def.id} must be a non-negative integer`);
    inst.s = 'waiting';
    inst.w = { k: 'job', type, retries, attempt: 1, headers: job.headers };
    enqueue(rt, key);
  },
};

/** Emits the job for the instance's current attempt. */
export function enqueue(rt: Runtime, key: number, delayMs?: number): void {
  const inst = rt.mustInst(key);
  if (inst.w?.k !== 'job') return;
  const { type, retries, headers, attempt } = inst.w;
  rt.emit({ type: 'job.enqueue', key, attempt, elementId: inst.e, jobType: type, retries, headers, ...(delayMs ? { delayMs } : {}) });
}
