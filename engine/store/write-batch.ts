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
 * declared disjoint from the others on its table — and otherwise what is queued is sent first;
 * so it is when the statement would carry more bind parameters than the protocol allows.
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

/**
 * Bind parameters one statement may carry: the protocol counts them in 16 bits (65,535), and a
 * step that opens thousands of tasks at once (a parallel multi-instance) would go past that in one
 * statement. Kept below the limit so the statement's own few (assertions) always fit.
 */
export const MAX_BINDINGS = 60_000;

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
  /** Bind parameters of the query. */
  bindings: number;
}

export class WriteBatch {
  private parts: Part[] = [];
  /** Bind parameters of the queued parts. */
  private bindings = 0;
  private conditions: { condition: Knex.Raw; what: string }[] = [];
  /** Deferred: a step ended (flush was asked for) while parts were queued; nothing more may join. */
  private sealed = false;

  constructor(private readonly db: Db, private readonly deferred = false) {}

  /** Queues a write to `table`; sends the queued ones first when they could touch the same rows or the statement would grow too big. */
  async add(table: string, query: Knex.QueryBuilder, options: PartOptions = {}): Promise<void> {
    const built = options.expectOne ? query.returning('id') : query;
    const part: Part = { ...options, table, query: built, bindings: built.toSQL().bindings.length };
    if (this.deferred && this.sealed) throw new NeedsTransaction(`a write to ${table} after a step's writes were queued`);
    if (!this.fits(part)) await this.flush();
    if (this.parts.length && this.bindings + part.bindings > MAX_BINDINGS) {
      if (this.deferred) throw new NeedsTransaction(`more than ${MAX_BINDINGS} bind parameters for one statement`);
      await this.send();
    }
    this.parts.push(part);
    this.bindings += part.bindings;
  }

  /**
   * A condition the statement checks when it is sent (e.g. that the definition a start used is
   * still the latest); false fails the statement like a failed part. Deferred batches only: a
   * batch that sends as it goes has no single statement to put it in.
   */
  assert(condition: Knex.Raw, what: string): void {
    if (!this.deferred) throw new Error('assertions need a deferred batch');
    this.conditions.push({ condition, what });
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
    const conditions = this.conditions;
    if (parts.length === 0) return;
    this.parts = [];
    this.bindings = 0;
    this.conditions = [];
    this.sealed = false;
    if (parts.length === 1 && !parts[0].expectOne && conditions.length === 0) {
      await parts[0].query;
      return;
    }
    let statement = this.db.queryBuilder();
    parts.forEach((p, i) => { statement = statement.with(`w${i}`, p.query); });
    const asserts = [
      ...parts.flatMap((p, i) => (p.expectOne ? [this.db.raw('alur_assert((select count(*) from ??) = 1, ?) as ??', [`w${i}`, `${i}: ${p.expectOne.what}`, `a${i}`])] : [])),
      ...conditions.map((c, i) => this.db.raw('alur_assert(?, ?) as ??', [c.condition, `c${i}: ${c.what}`, `c${i}`])),
    ];
    try {
      await statement.select(asserts.length ? asserts : [this.db.raw('1 as done')]);
    } catch (err) {
      const failed = failedAssertion(err);
      if (failed === undefined) throw err;
      if (this.deferred) throw new NeedsTransaction(failed);
      const part = /^(\d+):/.exec(failed);
      throw part ? parts[Number(part[1])].expectOne!.fails() : new Error(`assertion failed: ${failed}`);
    }
  }
}

/** What a failed alur_assert checked (`<part>: …` or `c<n>: …`), from its error; else undefined. */
function failedAssertion(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string };
  if (e.code !== ASSERTION_FAILED) return undefined;
  return /alur assertion failed: (.*)$/s.exec(e.message ?? '')?.[1] ?? 'unknown';
}
