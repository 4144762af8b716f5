/** Drives Alur's core directly: step() in a loop, jobs and tasks completed at once. */
import { step } from '../../engine/core/step.js';
import type { ProcessModel } from '../../engine/core/model.js';
import type { InstanceState } from '../../engine/core/state.js';
import type { Effect } from '../../engine/core/effects.js';

/** Runs one instance to its end, completing every job and user task as soon as it opens. */
export function runToEnd(model: ProcessModel, id: string, now: string): InstanceState {
  let r = step(model, null, { type: 'instance.start', instanceId: id, processId: model.id }, now);
  let work: Effect[] = r.effects;
  while (work.length > 0) {
    const e = work.shift()!;
    if (e.type === 'job.enqueue') r = step(model, r.state, { type: 'job.complete', key: e.key }, now);
    else if (e.type === 'task.open') r = step(model, r.state, { type: 'task.complete', key: e.key, variables: { approved: true } }, now);
    else continue;
    work = work.concat(r.effects);
  }
  if (r.state.status !== 'completed') throw new Error(`instance ${id} did not complete`);
  return r.state;
}

/** Starts one instance and leaves it waiting (for the heap measurement). */
export function startWaiting(model: ProcessModel, id: string, now: string): InstanceState {
  return step(model, null, { type: 'instance.start', instanceId: id, processId: model.id }, now).state;
}
