/**
 * Row operations: every write a command makes to instance state — the instance row, its history,
 * and the rows projected from its effects (tasks, jobs, timers, subscriptions, incidents) — as
 * data. A command plans a list of them (engine/service/plan.ts turns a step's result into one);
 * the unit of work (unit-of-work.ts) hands them to the one executor (executor.ts), which sends
 * them as one statement or inside a transaction. This file is the only place that knows the SQL of
 * each operation and which operations may share a statement.
 *
 * Adding an operation: a member of RowOp, its case in `partsOf` (its query, and `rows` naming the
 * rows it touches so the executor keeps two writes to one row in order), and, if it must change
 * exactly one row, its `expect`. docs/architecture.md, "Adding a write or an effect".
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';
import { insertInstance, saveInstance, saveInstances, type InstanceRow } from './instances.js';
import { historyInsert, type HistoryRow } from './history.js';
import { insertTask, closeTask, assignTask, rescheduleTask, rescheduleTasks, type TaskRow } from './tasks.js';
import { insertJob, cancelJob, finishJob, cancelOtherAttempts, type JobRow } from './jobs.js';
import { upsertTimer, deleteTimer, deleteTimerById, insertStartTimer, type TimerRow } from './timers.js';
import { insertMessageSubscription, deleteMessageSubscription, insertSignalSubscription, deleteSignalSubscription, type MessageSubscriptionRow, type SignalSubscriptionRow } from './subscriptions.js';
import { openIncident, resolveIncident, type IncidentRow } from './incidents.js';
import { cleanUpEndedInstance } from './clean-up.js';
import { takeNumberQuery, type CounterKey, type NumberShape } from './counters.js';
import { TAKEN_NUMBER } from './taken-number.js';
import { attachDocument } from './documents.js';
import type { WrittenSql } from './written-sql.js';

export type RowOp =
  /**
   * Takes the next number of a gap-free counter inside the statement (one-statement work only):
   * the rows of the same statement that hold TAKEN_NUMBER (taken-number.ts) as their business key
   * get the number in SQL, and the unit of work learns it when the statement has run.
   */
  | { type: 'number.take'; key: CounterKey; at: Date; shape: NumberShape }
  /** `completed`: the elements the step completed (the statistics' projection, process_instance.completed_elements). */
  | { type: 'instance.insert'; row: InstanceRow; completed?: string[] }
  /** Saves `row` (its snapshot, state, version and end) over the version before it: exactly one row must change. */
  | { type: 'instance.update'; row: InstanceRow; completed?: string[] }
  /** Many `instance.update`s without completed elements in one update (batches, see `bulkRowOps`): every row must change. */
  | { type: 'instance.update-many'; rows: InstanceRow[] }
  | { type: 'history.insert'; rows: HistoryRow[] }
  | { type: 'task.insert'; row: TaskRow }
  /** Closes the open task; completed by a person, it must be open and theirs or unclaimed (and becomes theirs). */
  | { type: 'task.close'; instanceId: string; key: number; state: 'completed' | 'cancelled'; at: Date; by: string | null }
  /** Sets the assignee of the open task if it still has `expected`: exactly one row must change. */
  | { type: 'task.assign'; taskId: string; instanceId: string; key: number; expected: string | null; assignee: string | null }
  /** The open task's due date counted again in working days (a calendar change); a closed task keeps its row. */
  | { type: 'task.reschedule'; instanceId: string; key: number; dueAt: Date }
  /** Many `task.reschedule`s in one update (batches, see `bulkRowOps`). */
  | { type: 'task.reschedule-many'; tasks: { instanceId: string; key: number; dueAt: Date }[] }
  | { type: 'job.insert'; row: JobRow }
  | { type: 'job.cancel'; instanceId: string; key: number }
  /** Records the outcome of the running attempt `jobId`. */
  | { type: 'job.finish'; jobId: string; instanceId: string; key: number; state: 'completed' | 'failed'; error: string | null }
  /** Cancels the other attempts of the key still waiting (one attempt completed; they are moot). */
  | { type: 'job.cancel-others'; jobId: string; instanceId: string; key: number }
  | { type: 'timer.upsert'; row: TimerRow }
  | { type: 'timer.delete'; instanceId: string; key: number }
  /** A timer that fires: gone in the same work as the input it feeds, so it fires once. */
  | { type: 'timer.fired'; timer: Pick<TimerRow, 'id' | 'instance_id' | 'key'> }
  /** The next round of a timer start event. */
  | { type: 'timer.insert-start'; row: TimerRow }
  | { type: 'message-subscription.insert'; row: MessageSubscriptionRow }
  | { type: 'message-subscription.delete'; instanceId: string; key: number }
  | { type: 'signal-subscription.insert'; row: SignalSubscriptionRow }
  | { type: 'signal-subscription.delete'; instanceId: string; key: number }
  | { type: 'incident.open'; row: IncidentRow }
  | { type: 'incident.resolve'; instanceId: string; key: number; at: Date }
  /** A migration renamed the element of what `key` identifies: its task, job, timer, subscription and incident rows follow. */
  | { type: 'element.migrate'; instanceId: string; key: number; elementId: string }
  /**
   * An ended instance keeps nothing waiting: open tasks cancelled, jobs cancelled, timers and
   * subscriptions gone — except the rows this same work writes itself (`spareKeys`, `spareJob`),
   * so no two parts of one statement touch one row.
   */
  | { type: 'instance.clean-up'; instanceId: string; at: Date; spareKeys: number[]; spareJob?: string }
  /** Attaches an upload of `uploadedBy` that no case holds to `instanceId`: exactly one row must change. */
  | { type: 'document.attach'; documentId: string; tenantId: string; uploadedBy: string; instanceId: string; field: string; taskId: string | null; by: string; at: Date };

export type RowOpType = RowOp['type'];

/**
 * What the work took for granted without reading it under a lock; the statement checks it and
 * fails whole when it no longer holds (then the work runs again in a transaction).
 */
export type Assumption =
  /** `version` is still the newest version of process `key` in the tenant, and not suspended. */
  | { type: 'latest-definition'; tenantId: string; key: string; version: number };

/** One query of an operation, with what the executor needs to place it. */
export interface Part {
  table: string;
  /**
   * A query builder; SQL written out (written-sql.ts: the operations of every command); or a raw
   * query (a part on every start's path, see counters.ts takeNumberQuery), never one that must `expect`.
   */
  query: Knex.QueryBuilder | WrittenSql | Knex.Raw;
  /** A plain insert (ON CONFLICT DO NOTHING at most): shares a statement with other inserts into its table. */
  insert?: boolean;
  /** Touches no row that the other queued parts of its table touch. */
  disjoint?: boolean;
  /** The rows it touches, named (instance and key): parts with different names are disjoint. */
  rows?: string;
  /** Must change exactly one row (`expectRows` rows), else the whole statement fails (RowChanged names this operation). */
  expect?: RowOp;
  expectRows?: number;
  /** The part's fixed name in the statement, for parts the others read (it then comes first). */
  name?: string;
}

const rowsOf = (instanceId: string, key: number | null) => `${instanceId}|${String(key)}`;

/** The queries of one operation. */
export function partsOf(db: Db, op: RowOp): Part[] {
  switch (op.type) {
    case 'number.take':
      return [{ table: 'number_counter', query: takeNumberQuery(db, op.key, op.at, op.shape), name: TAKEN_NUMBER.cte }];
    case 'instance.insert':
      return [{ table: 'process_instance', query: insertInstance(op.row, op.completed), insert: true }];
    case 'instance.update':
      return [{ table: 'process_instance', query: saveInstance(op.row, op.completed), rows: op.row.id, expect: op }];
    case 'instance.update-many':
      return [{ table: 'process_instance', query: saveInstances(db, op.rows), expect: op, expectRows: op.rows.length }];
    case 'history.insert':
      // The executor gathers the history rows of a statement into one insert, in order (see there).
      return [{ table: 'history', query: historyInsert(op.rows), insert: true }];
    case 'task.insert':
      return [{ table: 'user_task', query: insertTask(op.row), insert: true, rows: rowsOf(op.row.instance_id, op.row.key) }];
    case 'task.close':
      // Completed by a person: no row changes when someone else claimed it meanwhile.
      return [{ table: 'user_task', query: closeTask(op.instanceId, op.key, op.state, op.at, op.by), rows: rowsOf(op.instanceId, op.key), expect: op.state === 'completed' && op.by !== null ? op : undefined }];
    case 'task.assign':
      return [{ table: 'user_task', query: assignTask(db, op.taskId, op.expected, op.assignee), rows: rowsOf(op.instanceId, op.key), expect: op }];
    case 'task.reschedule':
      return [{ table: 'user_task', query: rescheduleTask(db, op.instanceId, op.key, op.dueAt), rows: rowsOf(op.instanceId, op.key) }];
    case 'task.reschedule-many':
      return [{ table: 'user_task', query: rescheduleTasks(db, op.tasks) }];
    case 'job.insert':
      return [{ table: 'job', query: insertJob(op.row), insert: true, rows: rowsOf(op.row.instance_id, op.row.key) }];
    case 'job.cancel':
      return [{ table: 'job', query: cancelJob(db, op.instanceId, op.key), rows: rowsOf(op.instanceId, op.key) }];
    case 'job.finish':
      return [{ table: 'job', query: finishJob(op.jobId, op.state, op.error), rows: rowsOf(op.instanceId, op.key) }];
    case 'job.cancel-others':
      // Only the key's other attempts, never `jobId` itself: disjoint from job.finish of the same key.
      return [{ table: 'job', query: cancelOtherAttempts({ id: op.jobId, instance_id: op.instanceId, key: op.key }), disjoint: true }];
    case 'timer.upsert':
      return [{ table: 'timer', query: upsertTimer(db, op.row), rows: rowsOf(op.row.instance_id!, op.row.key) }];
    case 'timer.delete':
      return [{ table: 'timer', query: deleteTimer(db, op.instanceId, op.key), rows: rowsOf(op.instanceId, op.key) }];
    case 'timer.fired':
      return [{ table: 'timer', query: deleteTimerById(db, op.timer.id), rows: op.timer.instance_id === null ? `timer:${op.timer.id}` : rowsOf(op.timer.instance_id, op.timer.key) }];
    case 'timer.insert-start':
      return [{ table: 'timer', query: insertStartTimer(db, op.row), insert: true }];
    case 'message-subscription.insert':
      return [{ table: 'message_subscription', query: insertMessageSubscription(db, op.row), insert: true, rows: rowsOf(op.row.instance_id, op.row.key) }];
    case 'message-subscription.delete':
      return [{ table: 'message_subscription', query: deleteMessageSubscription(db, op.instanceId, op.key), rows: rowsOf(op.instanceId, op.key) }];
    case 'signal-subscription.insert':
      return [{ table: 'signal_subscription', query: insertSignalSubscription(db, op.row), insert: true, rows: rowsOf(op.row.instance_id, op.row.key) }];
    case 'signal-subscription.delete':
      return [{ table: 'signal_subscription', query: deleteSignalSubscription(db, op.instanceId, op.key), rows: rowsOf(op.instanceId, op.key) }];
    case 'incident.open':
      return [{ table: 'incident', query: openIncident(db, op.row), rows: rowsOf(op.row.instance_id, op.row.key) }];
    case 'incident.resolve':
      return [{ table: 'incident', query: resolveIncident(db, op.instanceId, op.key, op.at), rows: rowsOf(op.instanceId, op.key) }];
    case 'document.attach':
      return [{ table: 'document', query: attachDocument(db, op), rows: `document:${op.documentId}`, expect: op }];
    case 'element.migrate':
      return ['user_task', 'job', 'timer', 'message_subscription', 'signal_subscription', 'incident'].map((table) => ({
        table, query: db(table).where({ instance_id: op.instanceId, key: op.key }).update({ element_id: op.elementId }), rows: rowsOf(op.instanceId, op.key),
      }));
    case 'instance.clean-up':
      return cleanUpEndedInstance(op.instanceId, op.at, op.spareKeys, op.spareJob).map(([table, query]) => ({ table, query, disjoint: true }));
  }
}

/**
 * The operations of many steps of different instances written together (the calendar re-plan's
 * batch), with each instance's save and each task's new due date folded into one bulk operation
 * per table: one update each instead of a statement part per row. The rest stays as it was, in
 * order (history is gathered into one insert by the executor anyway).
 */
export function bulkRowOps(ops: readonly RowOp[]): RowOp[] {
  const saves: InstanceRow[] = [];
  const tasks: { instanceId: string; key: number; dueAt: Date }[] = [];
  const rest: RowOp[] = [];
  for (const op of ops) {
    if (op.type === 'instance.update' && !op.completed?.length) saves.push(op.row);
    else if (op.type === 'task.reschedule') tasks.push({ instanceId: op.instanceId, key: op.key, dueAt: op.dueAt });
    else rest.push(op);
  }
  if (new Set(saves.map((r) => r.id)).size !== saves.length) throw new Error('bulkRowOps: one save per instance');
  if (new Set(tasks.map((t) => rowsOf(t.instanceId, t.key))).size !== tasks.length) throw new Error('bulkRowOps: one due date per task');
  return [
    ...(saves.length ? [{ type: 'instance.update-many' as const, rows: saves }] : []),
    ...(tasks.length ? [{ type: 'task.reschedule-many' as const, tasks }] : []),
    ...rest,
  ];
}

/** The SQL condition of an assumption (true while it holds). */
export function conditionOf(db: Db, assumption: Assumption): Knex.Raw {
  switch (assumption.type) {
    case 'latest-definition':
      // A remembered head is also assumed not suspended (a suspension through another process ends the assumption).
      return db.raw('not exists (select 1 from process_definition where tenant_id = ? and key = ? and (version > ? or (version = ? and suspended_at is not null)))',
        [assumption.tenantId, assumption.key, assumption.version, assumption.version]);
  }
}

/** A short description for errors and the assertion's message. */
export function describeOp(op: RowOp | Assumption): string {
  switch (op.type) {
    case 'instance.update': return `instance ${op.row.id} at version ${op.row.version - 1}`;
    case 'instance.update-many': return `${op.rows.length} instances at the versions read`;
    case 'task.close': return `task ${op.key} of instance ${op.instanceId} open and not claimed by another`;
    case 'task.assign': return `task ${op.taskId} assigned to ${op.expected ?? 'nobody'}`;
    case 'latest-definition': return `${op.key} version ${op.version} is the latest and not suspended`;
    case 'document.attach': return `document ${op.documentId} not attached to a case`;
    default: return op.type;
  }
}
