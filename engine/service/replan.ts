/**
 * A calendar change moves the deadlines that have not passed yet (API.md, "Working days and
 * deadlines"): every case with a pending deadline counted in working days — its SLA, an open
 * task's due date, a timer — takes the core input `deadlines.replan` with the new calendar, and
 * what the core decides is written like any other step (plan.ts → row operations → the unit of
 * work): the snapshot, the moved task and timer rows, and a `deadline.replanned` history entry per
 * deadline. One write path, so the snapshot and its rows never disagree.
 *
 * Done in batches of cases, each batch one statement without a transaction (its saves assert the
 * versions read), outside any long transaction, so commands keep running meanwhile. The batch's
 * saves and due dates are folded into one update per table (store/row-ops.ts `bulkRowOps`): a
 * statement part per row made PostgreSQL plan a statement of ~750 parts per batch. Up to
 * `REPLAN_WIDTH` batches are written at once while the next is read and stepped (their cases are
 * disjoint), and the width and a pause between batches follow the latency of the commands this
 * process runs meanwhile (service/command-pace.ts): above 1.3× of before the re-plan narrows,
 * then pauses; below 1.1× it speeds up again. A batch that lost a race with a command (a case
 * changed after it was read) runs again in a transaction, reading each case under its lock.
 * Running it twice changes nothing the second time (the core ignores a case none of whose
 * deadlines moves).
 *
 * A holiday added or removed on day D moves only deadlines due at or after D (an `add working
 * days` count that ends before D never reached it), so such a change reads only those cases.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToCommands } from 'node:timers/promises';
import { step } from '../core/index.js';
import type { EngineDeps } from './context.js';
import type { TenantCalendar } from './calendars.js';
import { Pacer } from './command-pace.js';
import { runUnitOfWork, type UnitOfWork } from '../store/unit-of-work.js';
import { bulkRowOps, type RowOp } from '../store/row-ops.js';
import { casesWithPendingDeadlines, instancesByIds } from '../store/working-day-deadlines.js';
import type { InstanceRow } from '../store/instances.js';
import { planStep } from './plan.js';

export interface Replanned {
  /** Cases that had a pending working-day deadline. */
  examined: number;
  /** Cases whose deadlines moved (one step each). */
  moved: number;
}

export interface ReplanOptions {
  /** Cases per batch (default REPLAN_BATCH). */
  batch?: number;
  /** The day (YYYY-MM-DD) a holiday was added on or removed from: only deadlines due from then on can move. */
  day?: string;
}

/** Cases per batch: one statement saves them all (their snapshots, task and timer rows, history). */
export const REPLAN_BATCH = 250;
/** Batches written at once at most. */
export const REPLAN_WIDTH = 3;
/** Cases stepped between two turns of the event loop, so commands waiting for it are not held up. */
const STEP_SLICE = 50;
const DAY_MS = 86_400_000;

export async function replanDeadlines(deps: EngineDeps, tenant: string, calendar: TenantCalendar, options: ReplanOptions = {}): Promise<Replanned> {
  const { knex } = deps;
  const batch = options.batch ?? REPLAN_BATCH;
  // The day's midnight in any zone (UTC-12 to UTC+14) is after this instant.
  const since = options.day ? new Date(Date.parse(`${options.day}T00:00:00Z`) - DAY_MS) : undefined;
  const pacer = new Pacer(deps.pace, REPLAN_WIDTH);
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let after: string | null = null;
  let examined = 0;
  let moved = 0;
  let scheduled = false;
  for (;;) {
    const now = deps.clock.now();
    const ids = await casesWithPendingDeadlines(knex, tenant, now, after, batch, since);
    if (ids.length === 0) break;
    examined += ids.length;
    after = ids[ids.length - 1];
    const known = new Map((await instancesByIds(knex, ids)).map((row) => [row.id, row]));
    const write: Promise<void> = runUnitOfWork(knex, () => deps.clock.now(), (uow) => replanBatch(deps, uow, ids, known, calendar), { oneStatement: true })
      .then(({ value }) => {
        moved += value.moved;
        scheduled ||= value.scheduled;
      }, (error) => {
        failure ??= { error };
      })
      .finally(() => writing.delete(write));
    writing.add(write);
    while (writing.size >= pacer.width) await Promise.race(writing);
    if (failure || ids.length < batch) break;
    await pacer.between();
  }
  await Promise.all(writing);
  if (failure) throw failure.error;
  // Runners wake for timers that now fall due earlier (queue mode queues them in Redis anew; a
  // delayed job for a due time that moved finds its row changed and does nothing).
  if (scheduled) for (const o of deps.observers ?? []) o.committed?.({ command: 'replanDeadlines', seconds: 0, statements: 0, inTransaction: false, enqueued: [], scheduled: true });
  return { examined, moved };
}

async function replanBatch(deps: EngineDeps, uow: UnitOfWork, ids: string[], known: Map<string, InstanceRow>, calendar: TenantCalendar): Promise<{ moved: number; scheduled: boolean }> {
  let moved = 0;
  let scheduled = false;
  const ops: RowOp[] = [];
  for (const [i, id] of ids.entries()) {
    if (i > 0 && i % STEP_SLICE === 0) await yieldToCommands();
    // As read for the batch (its version asserted by the save), or under its lock in a transaction.
    const row = await uow.instanceForStep(id, uow.canAssume ? known.get(id) : undefined);
    if (!row || row.snapshot.status !== 'active') continue;
    const model = await deps.models.get(uow.db, row.definition_id);
    const result = step(model, row.snapshot, { type: 'deadlines.replan' }, uow.now.toISOString(), { calendar: calendar.data });
    if (result.ignored) continue;
    const after: InstanceRow = { ...row, snapshot: result.state, state: result.state.status, version: row.version + 1 };
    ops.push(...planStep(row, after, result, { now: uow.now, user: null, newId: randomUUID }));
    moved++;
    scheduled ||= result.effects.some((e) => e.type === 'timer.schedule');
  }
  await uow.write(bulkRowOps(ops));
  return { moved, scheduled };
}
