/**
 * What the runners feed back (embedded runner, queue workers): a job's outcome and a due timer.
 * A job is finished in its step's own write; a timer fires into its instance, or starts a new
 * one and plans its next round.
 */
import type { Input } from '../core/index.js';
import { randomUUID } from 'node:crypto';
import { findDefinitionById } from '../store/definitions.js';
import type { InstanceRow } from '../store/instances.js';
import type { JobRow, TakenJob } from '../store/jobs.js';
import { claimDueTimer, lockTimer, type TimerRow } from '../store/timers.js';
import type { RowOp } from '../store/row-ops.js';
import { minCycleMs, type CommandContext, type CommandRunner } from './context.js';
import { runInput, startNew, type StepOutcome } from './instance-steps.js';
import type { TakeOpened } from './plan.js';
import { FollowUpsExceeded } from './errors.js';
import { FollowUpLimit } from '../host/follow-ups.js';
import { attemptOf } from '../store/jobs.js';
import { nextRound } from './start-timers.js';

/**
 * Feeds a job outcome back (runner): the job row is finished in the step's own write. `instance`
 * is the row read with the job when it was taken (its version is asserted; read again if it moved).
 * A job delivered twice changes state once: the core ignores the second.
 */
export async function finishJob(engine: CommandRunner, job: JobRow, input: Input, instance?: InstanceRow, take?: TakeOpened): Promise<FinishedJob> {
  try {
    return await finishJobAs(engine, job, input, instance, take);
  } catch (err) {
    if (!(err instanceof FollowUpsExceeded) || input.type === 'job.fail') throw err;
    // The answer set off too much in other cases (undone): the job fails into an incident at once.
    return finishJobAs(engine, job, { type: 'job.fail', key: job.key, message: new FollowUpLimit(err.max).message, retries: 0, attempt: attemptOf(job), params: { text: 'follow-up-limit', max: err.max } }, instance);
  }
}

/** A job's outcome recorded; `next`: the job its step opened that the worker took (`take`), with its instance as this work left it. */
export interface FinishedJob extends StepOutcome {
  next?: TakenJob;
}

async function finishJobAs(engine: CommandRunner, job: JobRow, input: Input, instance?: InstanceRow, take?: TakeOpened): Promise<FinishedJob> {
  return engine.run('finishJob', async (cx) => {
    const ops: RowOp[] = [{ type: 'job.finish', jobId: job.id, instanceId: job.instance_id, key: job.key, state: input.type === 'job.fail' ? 'failed' : 'completed', error: input.type === 'job.fail' ? input.message : null }];
    // A job that ended (completed, or threw a BPMN error) needs no other attempt: a retry queued
    // by a duplicate run's failure would otherwise run its handler once more for nothing.
    if (input.type !== 'job.fail') ops.push({ type: 'job.cancel-others', jobId: job.id, instanceId: job.instance_id, key: job.key });
    const outcome = await runInput(cx, job.instance_id, input, { known: instance, finishedJob: job.id, with: ops, take });
    const next = cx.uow.taken.find((row) => row.instance_id === job.instance_id);
    return next ? { ...outcome, next: { job: next, instance: cx.uow.instances.get(job.instance_id) } } : outcome;
  }, { oneStatement: true });
}

/** Fires the earliest due timer (of `tenant`, when given) no other runner is firing (embedded runner); false when none is due. */
export async function fireDueTimer(engine: CommandRunner, tenant?: string): Promise<boolean> {
  return fireOrIncident(engine, (cx) => claimDueTimer(cx.uow.db, cx.uow.now, tenant));
}

/** Fires timer `id` if it is still due at `dueAt` (queue mode); false when it fired, went or moved. */
export async function fireTimer(engine: CommandRunner, id: string, dueAt: number): Promise<boolean> {
  return fireOrIncident(engine, async (cx) => {
    const timer = await lockTimer(cx.uow.db, id);
    // Gone: fired or cancelled. Another due time: rescheduled, and that round was queued on its own.
    return timer && new Date(timer.due_at).getTime() === dueAt ? timer : undefined;
  });
}

/** A timer fires: its row goes with the input it feeds (timer.fire), or it starts an instance and plans its next round. */
/**
 * Fires a timer; when what it set off in other cases was too much (FollowUpsExceeded: all undone
 * with its unit of work), fires it again as an incident where it waited — or, for a start timer,
 * as a round that starts nothing — so the runner goes on instead of failing on it for ever.
 */
async function fireOrIncident(engine: CommandRunner, claim: (cx: CommandContext) => Promise<TimerRow | undefined>): Promise<boolean> {
  let claimed: TimerRow | undefined;
  try {
    return await engine.run('fireTimer', async (cx) => {
      const timer = claimed = await claim(cx);
      if (!timer) return false;
      await fire(cx, timer);
      return true;
    });
  } catch (err) {
    if (!(err instanceof FollowUpsExceeded) || !claimed) throw err;
    const { id, due_at: dueAt } = claimed;
    const max = err.max;
    return engine.run('fireTimer', async (cx) => {
      const timer = await lockTimer(cx.uow.db, id);
      if (!timer || new Date(timer.due_at).getTime() !== new Date(dueAt).getTime()) return false;
      await fireOverBudget(cx, timer, max);
      return true;
    });
  }
}

async function fireOverBudget(cx: CommandContext, timer: TimerRow, max: number): Promise<void> {
  const fired: RowOp = { type: 'timer.fired', timer };
  if (timer.instance_id !== null && timer.key !== null) {
    await runInput(cx, timer.instance_id, { type: 'incident.raise', key: timer.key, incidentType: 'follow-up-limit', message: new FollowUpLimit(max).message, params: { max } }, { with: [fired] });
    return;
  }
  const next = timer.repeat && nextRound(timer.due_at, timer.repeat, cx.uow.now, minCycleMs(cx.deps));
  await cx.uow.write(next ? [fired, { type: 'timer.insert-start', row: { ...timer, id: randomUUID(), due_at: next.due, repeat: next.left === 0 ? null : { left: next.left, every: next.every } } }] : [fired]);
}

async function fire(cx: CommandContext, timer: TimerRow): Promise<void> {
  const fired: RowOp = { type: 'timer.fired', timer };
  if (timer.instance_id !== null && timer.key !== null) {
    await runInput(cx, timer.instance_id, { type: 'timer.fire', key: timer.key }, { with: [fired] });
    return;
  }
  const def = timer.definition_id ? await findDefinitionById(cx.uow.db, timer.definition_id) : undefined;
  if (!def) return void (await cx.uow.write([fired]));
  const next = timer.repeat && nextRound(timer.due_at, timer.repeat, cx.uow.now, minCycleMs(cx.deps));
  const also: RowOp[] = [fired];
  if (next) also.push({ type: 'timer.insert-start', row: { ...timer, id: randomUUID(), due_at: next.due, repeat: next.left === 0 ? null : { left: next.left, every: next.every } } });
  await startNew(cx, def, { startEventId: timer.element_id }, also);
}
