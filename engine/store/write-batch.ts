/**
 * Writes of one step sent as one statement. A step saves its snapshot, appends history and writes
 * its projections (tasks, jobs, timers, subscriptions, incidents): a handful of independent
 * statements, and on this stack every statement is a round trip that costs more than the step
 * itself. PostgreSQL runs data-modifying CTEs (`WITH a AS (INSERT …), b AS (UPDATE …) SELECT …`)
 * as one statement — atomically, even outside a transaction — so the batch sends them together.
 *
 * The catch: the parts of one statement all see the database as it was before the statement, and
 * a row modified by two parts ends up with only one of the modifications. So a part joins the
 * queued ones only when that cannot happen — another table, inserts beside inserts, or a part
 * declared disjoint from the others on its table — and otherwise what is queued is sent first.
 * A caller that reads inside the transaction flushes before it reads. Within those rules the batch
 * is exactly the sequence of statements it replaces.
 *
 * A part that must change exactly one row (a snapshot saved at the version it was read with, a
 * task closed by the person who read it open) is asserted inside the statement through
 * `alur_assert` (migration 20261129000700), so a failed assertion undoes the whole statement.
 *
 * A deferred batch (an optimistic command, run without a transaction) sends nothing until
 * `finish()`: everything the command writes must fit one statement. When it does not — a second
 * statement would be needed — the batch throws NeedsTransaction and the caller runs the command
 * again inside a transaction; a failed assertion does the same.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

/** The command needs more than one statement (or lost a race): run it again in a transaction. */
export class NeedsTransaction extends Error {
  constructor(reason: string) {
    super(`needs a transaction: ${reason}`);
  }
}

/** SQLSTATE raised by alur_assert. */
const ASSERTION_FAILED = 'AL001';

export interface PartOptions {
  /** Plain INSERT (ON CONFLICT DO NOTHING at most): may share a statement with other inserts into its table. */
  insert?: boolean;
  /** Touches no row that the other queued parts of its table touch (the caller guarantees it). */
  disjoint?: boolean;
  /** The rows it touches, named (e.g. instance and key): parts with different names are disjoint. */
  rows?: string;
  /** Must change exactly one row; else the statement fails and `fails()` is thrown (a deferred batch throws NeedsTransaction). */
  expectOne?: { what: string; fails: () => Error };
}

interface Part extends PartOptions {
  table: string;
  query: Knex.QueryBuilder;
}

export class WriteBatch {
  private parts: Part[] = [];
  /** Deferred: a step ended (flush was asked for) while parts were queued; nothing more may join. */
  private sealed = false;

  constructor(private readonly db: Db, private readonly deferred = false) {}

  /** Queues a write to `table`; sends the queued ones first when they could touch the same rows. */
  async add(table: string, query: Knex.QueryBuilder, options: PartOptions = {}): Promise<void> {
    const part: Part = { ...options, table, query: options.expectOne ? query.returning('id') : query };
    if (this.deferred && this.sealed) throw new NeedsTransaction(`a write to ${table} after a step's writes were queued`);
    if (!this.fits(part)) await this.flush();
    this.parts.push(part);
  }

  get pending(): number {
    return this.parts.length;
  }

  /** Sends every queued write as one statement (a deferred batch only notes that a step ended). */
  async flush(): Promise<void> {
    if (this.deferred) {
      if (this.parts.length) this.sealed = true;
      return;
    }
    await this.send();
  }

  /** Sends what is queued; the end of a command. */
  async finish(): Promise<void> {
    await this.send();
  }

  private fits(part: Part): boolean {
    const same = this.parts.filter((p) => p.table === part.table);
    if (same.length === 0 || part.disjoint) return true;
    if (part.insert && same.every((p) => p.insert)) return true;
    if (part.rows !== undefined && same.every((p) => p.disjoint || (p.rows !== undefined && p.rows !== part.rows))) return true;
    if (this.deferred) throw new NeedsTransaction(`two writes to ${part.table} that may touch the same rows`);
    return false;
  }

  private async send(): Promise<void> {
    const parts = this.parts;
    if (parts.length === 0) return;
    this.parts = [];
    this.sealed = false;
    if (parts.length === 1 && !parts[0].expectOne) {
      await parts[0].query;
      return;
    }
    let statement = this.db.queryBuilder();
    parts.forEach((p, i) => { statement = statement.with(`w${i}`, p.query); });
    const asserts = parts.flatMap((p, i) => (p.expectOne ? [this.db.raw('alur_assert((select count(*) from ??) = 1, ?) as ??', [`w${i}`, `${i}: ${p.expectOne.what}`, `a${i}`])] : []));
    try {
      await statement.select(asserts.length ? asserts : [this.db.raw('1 as done')]);
    } catch (err) {
      const failed = failedPart(err, parts);
      if (!failed) throw err;
      if (this.deferred) throw new NeedsTransaction(failed.expectOne!.what);
      throw failed.expectOne!.fails();
    }
  }
}

/** The part whose assertion failed, from the error alur_assert raised. */
function failedPart(err: unknown, parts: Part[]): Part | undefined {
  const e = err as { code?: string; message?: string };
  if (e.code !== ASSERTION_FAILED) return undefined;
  const m = /alur assertion failed: (\d+):/.exec(e.message ?? '');
  return m ? parts[Number(m[1])] : undefined;
}
