/**
 * A unit of work: the reads and the row operations of one command, applied all or nothing. It is
 * first tried as ONE statement without a transaction — reads take no locks, every write waits
 * for the end, what was read is asserted inside the statement (the instance still at the version
 * read, a task still unclaimed, a remembered definition still the latest) — which costs a start
 * one round trip and a completion two. Work that needs more (reads after its own writes, two
 * writes to one row, a row that changed meanwhile) throws NeedsTransaction or RowChanged before
 * anything was written, and `runUnitOfWork` runs it again inside a transaction, where the reads
 * lock (SELECT … FOR UPDATE) and the executor sends as it goes; deadlocks are retried there.
 *
 * Commands never ask which mode they run in: they read through the unit of work, write row
 * operations, and state what they need (`needsTransaction`, `assume`). Work must be safe to run
 * again — everything of a failed try was undone.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';
import { Executor, NeedsTransaction, RowChanged } from './executor.js';
import type { RowOp, Assumption } from './row-ops.js';
import type { InstanceRow } from './instances.js';
import { lockInstance, findInstanceById } from './instances.js';
import { taskWithInstance, findTaskForUpdate, type TaskRow } from './tasks.js';
import type { IncidentRow } from './incidents.js';
import type { JobRow } from './jobs.js';
import { takeNumber, type CounterKey, type NumberShape } from './counters.js';
import { TAKEN_NUMBER } from './taken-number.js';
import type { NumberedBatches } from './numbered-batches.js';

export { NeedsTransaction, RowChanged };

const RETRYABLE = new Set(['40P01', '40001']);

/** A deadlock or serialization failure: PostgreSQL rolled the work back, running it again is safe. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return !!code && RETRYABLE.has(code);
}

export class UnitOfWork {
  private readonly executor: Executor;
  /** Every instance this work wrote, as it now is: commands answer from it instead of reading back. */
  readonly instances = new Map<string, InstanceRow>();
  /** User tasks opened and not closed by this work, by `instanceId|key`. */
  readonly openedTasks = new Map<string, TaskRow>();
  /** Incidents opened and not resolved by this work, by `instanceId|key`. */
  readonly openedIncidents = new Map<string, IncidentRow>();
  /** Job rows this work inserted (the queue can take them at once after the commit). */
  readonly enqueued: JobRow[] = [];
  /** Job rows inserted already taken by the worker whose job this work finishes (service/plan.ts `takeOpenedJob`): queued nowhere. */
  readonly taken: JobRow[] = [];
  /** Whether this work scheduled a timer. */
  scheduled = false;
  private assumed = false;
  /** The counter this work's one statement takes a number of, and who sends that statement (with others of the series). */
  private numbering: { key: CounterKey; shape: NumberShape; batches?: NumberedBatches } | undefined;

  constructor(readonly db: Db, readonly now: Date, oneStatement: boolean) {
    this.executor = new Executor(db, oneStatement);
  }

  /** Whether the work may rely on what it remembers, checked by its one statement (else it reads). */
  get canAssume(): boolean {
    return this.executor.oneStatement;
  }

  /** Whether the work relied on something only its statement would have checked. */
  get hasAssumptions(): boolean {
    return this.assumed;
  }

  /** Statements sent. */
  get statements(): number {
    return this.executor.sent;
  }

  /**
   * The instance a step will save: locked in a transaction; else as read (or as `known` from
   * before this work, which saves a read), its version asserted by the save.
   */
  async instanceForStep(id: string, known?: InstanceRow): Promise<InstanceRow | undefined> {
    if (!this.executor.oneStatement) return lockInstance(this.db, id);
    return known ?? findInstanceById(this.db, id);
  }

  /** A task with its instance (for a completion): the instance locked in a transaction, in one round trip. */
  async taskWithInstance(tenant: string, id: string): Promise<{ task: TaskRow; instance: InstanceRow } | undefined> {
    return taskWithInstance(this.db, tenant, id, !this.executor.oneStatement);
  }

  /** A task whose assignee the work changes: locked in a transaction; else its assignee is asserted by task.assign. */
  async taskForAssignment(tenant: string, id: string): Promise<TaskRow | undefined> {
    return findTaskForUpdate(this.db, tenant, id, !this.executor.oneStatement);
  }

  /** Queues row operations (see row-ops.ts). */
  async write(ops: readonly RowOp[]): Promise<void> {
    for (const op of ops) this.note(op);
    await this.executor.add(ops);
  }

  /** Relies on `assumption` (only when canAssume): the statement checks it. */
  assume(assumption: Assumption): void {
    this.assumed = true;
    this.executor.assume(assumption);
  }

  /** A step ended; what follows may read what it wrote. */
  async stepEnded(): Promise<void> {
    await this.executor.stepEnded();
  }

  /** The work needs a transaction from here on (e.g. it reads other instances after writing). */
  needsTransaction(reason: string): void {
    if (this.executor.oneStatement) throw new NeedsTransaction(reason);
  }

  /**
   * Takes the next number of a counter for what this work records (taken-number.ts): in a
   * transaction now; as one statement, inside that statement — the answer is then the placeholder,
   * which the rows this work hands back lose when it finishes. With `batches`, the statement goes
   * with the other starts of the series waiting in this process (numbered-batches.ts); a
   * transaction never waits there (it holds a connection and locks).
   */
  async takeNumber(key: CounterKey, shape: NumberShape, batches?: NumberedBatches): Promise<string> {
    if (!this.executor.oneStatement) return (await takeNumber(this.db, key, this.now, shape)).number;
    if (this.numbering) throw new NeedsTransaction('two numbers in one statement');
    this.numbering = { key, shape, batches };
    await this.write([{ type: 'number.take', key, at: this.now, shape }]);
    return TAKEN_NUMBER.placeholder;
  }

  /** Sends what is left; the end of the work. */
  async finish(): Promise<void> {
    const numbering = this.numbering;
    if (numbering?.batches && this.executor.oneStatement) {
      const statement = this.executor.handOver();
      if (statement) this.fillIn(await numbering.batches.send(this.db, statement, numbering.key, numbering.shape, this.now));
      return;
    }
    await this.executor.finish();
    const number = this.executor.takenNumber;
    if (number !== undefined) this.fillIn(number);
  }

  /** The number the statement took replaces the placeholder in the rows this work hands back (the same objects its answer holds). */
  private fillIn(number: string): void {
    for (const row of this.instances.values()) {
      if (row.business_key !== TAKEN_NUMBER.placeholder) continue;
      row.business_key = number;
      row.snapshot.businessKey = number;
    }
    for (const task of this.openedTasks.values()) if (task.business_key === TAKEN_NUMBER.placeholder) task.business_key = number;
  }

  private dropTaken(cancelled: (row: JobRow) => boolean): void {
    for (let i = this.taken.length - 1; i >= 0; i--) if (cancelled(this.taken[i])) this.taken.splice(i, 1);
  }

  private note(op: RowOp): void {
    switch (op.type) {
      case 'instance.insert':
      case 'instance.update':
        this.instances.set(op.row.id, op.row);
        break;
      case 'instance.update-many':
        for (const row of op.rows) this.instances.set(row.id, row);
        break;
      case 'task.insert':
        this.openedTasks.set(`${op.row.instance_id}|${op.row.key}`, op.row);
        break;
      case 'task.close':
        this.openedTasks.delete(`${op.instanceId}|${op.key}`);
        break;
      case 'incident.open':
        this.openedIncidents.set(`${op.row.instance_id}|${op.row.key}`, op.row);
        break;
      case 'incident.resolve':
        this.openedIncidents.delete(`${op.instanceId}|${op.key}`);
        break;
      case 'job.insert':
        if (op.row.state === 'ready') this.enqueued.push(op.row);
        else this.taken.push(op.row);
        break;
      // A job taken and then cancelled in the same work (an error ended its branch, the case ended)
      // must not run: its row is cancelled in the database, and the worker only knows it from here.
      case 'job.cancel':
        this.dropTaken((row) => row.instance_id === op.instanceId && row.key === op.key);
        break;
      case 'instance.clean-up':
        // The case ended: no job of it is still waited for, whatever the clean-up's SQL spares.
        this.dropTaken((row) => row.instance_id === op.instanceId);
        break;
      case 'timer.upsert':
      case 'timer.insert-start':
        this.scheduled = true;
        break;
      default:
        break;
    }
  }
}

export interface UnitOfWorkOptions {
  /** Try it as one statement without a transaction first (commands whose usual path fits one). */
  oneStatement?: boolean;
  /** Transaction attempts on deadlock or serialization failure. */
  attempts?: number;
}

/**
 * Runs `work` and applies its writes: as one statement when `oneStatement` and it fits, else in a
 * transaction. A one-statement try that refuses (throws) after relying on an assumption runs again
 * in a transaction, where the refusal is decided on what it reads rather than what it remembered.
 */
export async function runUnitOfWork<T>(knex: Knex, now: () => Date, work: (uow: UnitOfWork) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<{ value: T; uow: UnitOfWork }> {
  if (options.oneStatement) {
    const uow = new UnitOfWork(knex, now(), true);
    try {
      const value = await work(uow);
      await uow.finish();
      return { value, uow };
    } catch (err) {
      // A deadlock of the one statement, or a failed check, wrote nothing either.
      const again = err instanceof NeedsTransaction || err instanceof RowChanged || isRetryable(err) || uow.hasAssumptions;
      if (!again) throw err;
    }
  }
  return inTransaction(knex, async (trx) => {
    const uow = new UnitOfWork(trx, now(), false);
    const value = await work(uow);
    await uow.finish();
    return { value, uow };
  }, options.attempts);
}

/**
 * One transaction, run again when PostgreSQL aborts it for a deadlock or a serialization failure
 * (two instances locking each other through a call activity or a message). `work` must be safe to
 * rerun: everything it did was rolled back.
 */
export async function inTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await knex.transaction(work);
    } catch (err) {
      if (!isRetryable(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
