/**
 * A number taken inside the statement that records what it numbers (a case's registration
 * number). Work run as one statement cannot know the number before the statement runs — and must
 * not take it in a statement of its own, which would use the number even when the work's write
 * then failed (a gap). So the work writes `TAKEN_NUMBER.placeholder` where the number goes (the
 * business key of the instance row, of its tasks, in its snapshot), queues a `number.take` row
 * operation, and the statement's parts read the number from the counter upsert's CTE; the unit of
 * work then puts the number into the rows it hands back. A transaction takes the number first
 * (store/counters.ts) and never sees the placeholder.
 *
 * The core copies the business key but never reads it (FEEL does not see it), so the step that
 * runs with the placeholder plans the same rows it would with the number. A call activity would
 * pass it on to its child — but follow-ups in other instances need a transaction anyway, where
 * the work runs again with a real number.
 */
const CTE = 'taken_number';

export const TAKEN_NUMBER = {
  /** Name of the counter upsert's CTE (it returns `number`). */
  cte: CTE,
  /** Stands for the number until the statement has run; never stored (the parts replace it). */
  placeholder: '\u27e8alur:taken-number\u27e9',
  /** The number as an SQL expression for a part of the statement that took it (written SQL, store/written-sql.ts). */
  sql: `(select number from "${CTE}")`,
} as const;
