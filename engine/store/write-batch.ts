/**
 * Writes of one step sent as one statement. A step saves its snapshot, appends history and writes
 * its projections (tasks, jobs, timers, subscriptions, incidents): a handful of independent
 * statements, and on this stack every statement is a round trip that costs more than the step
 * itself. PostgreSQL runs data-modifying CTEs (`WITH a AS (INSERT …), b AS (UPDATE …) SELECT …`)
 * as one statement, so the batch sends them together.
 *
 * The catch: the parts of one statement all see the database as it was before the statement, and
 * a row modified by two parts ends up with only one of the modifications. So a part that touches a
 * table already in the batch first flushes what is queued, and a caller that reads inside the
 * transaction flushes before it reads. Within those rules the batch is exactly the sequence of
 * statements it replaces.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

interface Part {
  table: string;
  query: Knex.QueryBuilder;
  /** Called with the number of rows the part changed (the part must then return `id`). */
  check?: (rows: number) => void;
}

export class WriteBatch {
  private parts: Part[] = [];

  constructor(private readonly db: Db) {}

  /** Queues a write to `table`; flushes first when the table already has a queued write. */
  async add(table: string, query: Knex.QueryBuilder, check?: (rows: number) => void): Promise<void> {
    if (this.parts.some((p) => p.table === table)) await this.flush();
    this.parts.push({ table, query: check ? query.returning('id') : query, check });
  }

  get pending(): number {
    return this.parts.length;
  }

  /** Sends every queued write as one statement and runs the row-count checks. */
  async flush(): Promise<void> {
    const parts = this.parts;
    if (parts.length === 0) return;
    this.parts = [];
    if (parts.length === 1) {
      const result: unknown = await parts[0].query;
      parts[0].check?.(Array.isArray(result) ? result.length : Number(result));
      return;
    }
    let statement = this.db.queryBuilder();
    parts.forEach((p, i) => { statement = statement.with(`w${i}`, p.query); });
    const counts = parts.map((p, i) => (p.check ? this.db.raw(`(select count(*) from ??)::int as ??`, [`w${i}`, `n${i}`]) : undefined)).filter((c) => c !== undefined);
    const rows: Record<string, number>[] = await statement.select(counts.length ? counts : [this.db.raw('1 as done')]);
    parts.forEach((p, i) => p.check?.(Number(rows[0][`n${i}`])));
  }
}
