/**
 * SQL written out for the row operations every command sends (an instance's insert and save, its
 * history, a task's insert and close, a job's insert and outcome, the end-of-instance clean-up).
 * knex building and compiling those queries was about a fifth of the server's CPU per command
 * (bench/README.md, "api"); a written text costs a string join. Each text is the one knex built
 * for the same row, word for word (test/store/written-sql.spec.ts holds them to it), with one
 * difference: an insert always names every column of its row type, where knex named only the
 * keys the row object had — the missing ones (all nullable, without a default) were null either way.
 * Placeholders are knex's `?`: the executor joins the parts into one statement through db.raw.
 */
import type { Knex } from 'knex';

/** A query written out: what the executor needs of a knex query (`toSQL`, and `returning 1` for a checked part). */
export class WrittenSql {
  constructor(readonly sql: string, readonly bindings: Knex.Value[]) {}

  toSQL(): { sql: string; bindings: Knex.Value[] } {
    return this;
  }

  /** The same statement answering one row per row it changed (a part whose changed rows are counted). */
  returningOne(): WrittenSql {
    return new WrittenSql(`${this.sql} returning 1`, this.bindings);
  }
}

/** `(?, ?, …)` for `n` values. */
export function placeholders(n: number): string {
  return `(${new Array<string>(n).fill('?').join(', ')})`;
}

/** The quoted, comma-separated column list of an insert. */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c}"`).join(', ');
}
