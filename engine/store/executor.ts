/**
 * The one executor of row operations (row-ops.ts). A command writes a handful of rows — its
 * snapshot, history, tasks, jobs — and on this stack every statement is a round trip that costs
 * more than the step itself. PostgreSQL runs data-modifying CTEs (`WITH a AS (INSERT …), b AS
 * (UPDATE …) SELECT …`) as one statement, atomically even outside a transaction, so the executor
 * sends the queued queries together.
 *
 * The catch: the parts of one statement all see the database as it was before the statement, and
 * a row modified by two parts ends up with only one of the modifications. So a part joins the
 * queued ones only when that cannot happen — another table, inserts beside inserts, or parts
 * naming different rows — and otherwise what is queued is sent first; so it is when the statement
 * would carry more bind parameters than the protocol allows. Within those rules the executor is
 * exactly the sequence of statements it replaces. A part that must change exactly one row, and
 * every assumption, is checked inside the statement through `alur_assert` (migration
 * 20261129000700): a failed check undoes the whole statement and throws RowChanged.
 *
 * Two modes. In a transaction (`oneStatement` false) it sends as it goes (before the command reads
 * again: `stepEnded`). For work run without a transaction (`oneStatement` true) it sends nothing
 * until `finish()`, and everything must fit that one statement: anything that would need a second
 * one throws NeedsTransaction before a row was written, and the unit of work runs again in a
 * transaction.
 */
import type { Knex } from 'knex';
import { prepared, type Db } from './db.js';
import { partsOf, conditionOf, describeOp, type Part, type RowOp, type Assumption } from './row-ops.js';
import { historyInsert, type HistoryRow } from './history.js';
import { TAKEN_NUMBER } from './taken-number.js';
import { WrittenSql } from './written-sql.js';

/** The work needs more than one statement (or lost a race): run it again in a transaction. */
export class NeedsTransaction extends Error {
  constructor(reason: string) {
    super(`needs a transaction: ${reason}`);
  }
}

/** A row an operation expected (or an assumption) changed meanwhile; nothing of the statement was written. */
export class RowChanged extends Error {
  constructor(readonly op: RowOp | Assumption) {
    super(`changed meanwhile: ${describeOp(op)}`);
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

/** A part as queued: compiled once, here (knex's compiling is a good share of a job's CPU), and sent as that SQL. */
export interface Queued extends Part {
  sql: string;
  values: readonly Knex.Value[];
}

/** Bind parameters of one history row. */
const HISTORY_ROW_BINDINGS = 7;

export class Executor {
  private parts: Queued[] = [];
  /**
   * History rows of the statement, sent as ONE insert at the end: the parts of a statement run in
   * no particular order, and the order of history is its ids.
   */
  private history: HistoryRow[] = [];
  private bindings = 0;
  private assumptions: Assumption[] = [];
  /** One-statement mode: a step ended while parts were queued; a read may have followed, nothing more may join. */
  private sealed = false;
  /** Statements sent so far. */
  sent = 0;
  /** The number a `number.take` operation took in the last statement (taken-number.ts). */
  takenNumber: string | undefined;

  constructor(private readonly db: Db, readonly oneStatement: boolean) {}

  /** Queues the operations; in a transaction, sends what is queued first when they could touch the same rows or the statement would grow too big. */
  async add(ops: readonly RowOp[]): Promise<void> {
    for (const op of ops) {
      if (op.type === 'history.insert') await this.addHistory(op.rows);
      else for (const part of partsOf(this.db, op)) await this.addPart(part);
    }
  }

  private async addHistory(rows: readonly HistoryRow[]): Promise<void> {
    if (rows.length && this.oneStatement && this.sealed) throw new NeedsTransaction('history after a step\'s writes were queued');
    for (const row of rows) {
      if (this.bindings + HISTORY_ROW_BINDINGS > MAX_BINDINGS) {
        if (this.oneStatement) throw new NeedsTransaction(`more than ${MAX_BINDINGS} bind parameters for one statement`);
        await this.send();
      }
      this.history.push(row);
      this.bindings += HISTORY_ROW_BINDINGS;
    }
  }

  /** Something the statement must check (one-statement mode only: a transaction reads under locks instead). */
  assume(assumption: Assumption): void {
    if (!this.oneStatement) throw new Error('assumptions are checked by the one statement; a transaction reads instead');
    this.assumptions.push(assumption);
  }

  /** A step ended: the work may read next, so what is queued must be visible (sent, in a transaction). */
  async stepEnded(): Promise<void> {
    if (this.oneStatement) {
      if (this.parts.length || this.history.length) this.sealed = true;
      return;
    }
    await this.send();
  }

  /** Sends what is queued: the end of the work. */
  async finish(): Promise<void> {
    await this.send();
  }

  private async addPart(part: Part): Promise<void> {
    const query = !part.expect ? part.query : part.query instanceof WrittenSql ? part.query.returningOne() : (part.query as Knex.QueryBuilder).returning(this.db.raw('1'));
    const queued = compiled({ ...part, query });
    if (this.oneStatement && this.sealed) throw new NeedsTransaction(`a write to ${part.table} after a step's writes were queued`);
    if (!this.fits(queued)) {
      if (this.oneStatement) throw new NeedsTransaction(`two writes to ${part.table} that may touch the same rows`);
      await this.send();
    }
    if (this.parts.length && this.bindings + queued.values.length > MAX_BINDINGS) {
      if (this.oneStatement) throw new NeedsTransaction(`more than ${MAX_BINDINGS} bind parameters for one statement`);
      await this.send();
    }
    this.parts.push(queued);
    this.bindings += queued.values.length;
  }

  private fits(part: Queued): boolean {
    const same = this.parts.filter((p) => p.table === part.table);
    if (same.length === 0 || part.disjoint) return true;
    if (part.insert && same.every((p) => p.insert)) return true;
    return part.rows !== undefined && same.every((p) => p.disjoint || (p.rows !== undefined && p.rows !== part.rows));
  }

  /**
   * Hands over what is queued as one statement, for the caller to send (numbered starts go
   * together: numbering/batches.ts); the executor counts it as sent. Undefined when nothing is.
   */
  handOver(): Statement | undefined {
    const { assumptions } = this;
    const parts: Queued[] = this.history.length ? [...this.parts, compiled({ table: 'history', query: historyInsert(this.history), insert: true })] : this.parts;
    if (parts.length === 0 && assumptions.length === 0) return undefined;
    this.parts = [];
    this.history = [];
    this.bindings = 0;
    this.assumptions = [];
    this.sealed = false;
    this.sent++;
    return { parts, assumptions, numbers: parts.some((p) => p.name === TAKEN_NUMBER.cte) ? [TAKEN_NUMBER.cte] : [] };
  }

  private async send(): Promise<void> {
    const statement = this.handOver();
    if (!statement) return;
    const { parts, assumptions } = statement;
    if (parts.length === 1 && !parts[0].expect && !parts[0].name && assumptions.length === 0) {
      await prepared(this.db, parts[0].sql, parts[0].values);
      return;
    }
    const numbers = await sendStatement(this.db, statement);
    if (numbers.length) this.takenNumber = numbers[0];
  }
}

/** What one statement holds: its parts (history folded in), what it must check, and the numbers it answers with. */
export interface Statement {
  parts: Queued[];
  assumptions: Assumption[];
  /** Named parts whose `number` the statement returns, in order (taken-number.ts). */
  numbers: string[];
}

/**
 * Sends `statement` as WITH <parts> SELECT <checks>, from the parts' SQL as compiled when they
 * were queued; answers the numbers it took. A failed check throws RowChanged naming it.
 */
export async function sendStatement(db: Db, statement: Statement): Promise<string[]> {
  const { parts, assumptions } = statement;
  const sql: string[] = [];
  const values: Knex.Value[] = [];
  const add = (text: string, more: readonly Knex.Value[] = []) => {
    sql.push(text);
    for (const v of more) values.push(v);
  };
  // A named part is read by the others (a CTE sees only those before it): it goes first.
  const ctes = [...parts.flatMap((p) => (p.name ? [[p.name, p] as const] : [])), ...parts.flatMap((p, i) => (p.name ? [] : [[`w${i}`, p] as const]))];
  ctes.forEach(([name, p], i) => add(`${i ? ', ' : 'with '}"${name}" as (${p.sql})`, p.values));
  const checks: { sql: string; values: Knex.Value[]; failed: RowOp | Assumption }[] = [
    ...parts.flatMap((p, i) => (p.expect ? [{ sql: `alur_assert((select count(*) from "w${i}") = ?, ?) as "a${i}"`, values: [p.expectRows ?? 1, `p${i}`], failed: p.expect }] : [])),
    ...assumptions.map((a, i) => {
      const condition = conditionOf(db, a).toSQL();
      return { sql: `alur_assert(${condition.sql}, ?) as "c${i}"`, values: [...condition.bindings, `c${i}`], failed: a };
    }),
  ];
  const columns = [...checks, ...statement.numbers.map((n) => ({ sql: `(select number from "${n}") as "${n}"`, values: [] }))];
  if (columns.length === 0) add(' select 1 as done');
  columns.forEach((c, i) => add(`${i ? ', ' : ' select '}${c.sql}`, c.values));
  try {
    const { rows } = await prepared(db, sql.join(''), values) as { rows: Record<string, string>[] };
    return statement.numbers.map((n) => rows[0][n]);
  } catch (err) {
    const failed = failedCheck(err);
    const check = failed === undefined ? undefined : failed.startsWith('p') ? parts[Number(failed.slice(1))]?.expect : assumptions[Number(failed.slice(1))];
    throw check ? new RowChanged(check) : err;
  }
}

/** A part compiled to its SQL. */
function compiled(part: Part): Queued {
  const { sql, bindings } = part.query.toSQL();
  return { ...part, sql, values: bindings };
}

/** Which check failed (`p<part>` or `c<assumption>`), from an alur_assert error; else undefined. */
function failedCheck(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string };
  if (e.code !== ASSERTION_FAILED) return undefined;
  return /alur assertion failed: (\S+)/.exec(e.message ?? '')?.[1] ?? 'unknown';
}
