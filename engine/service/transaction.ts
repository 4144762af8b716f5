/**
 * One transaction per input, retried when PostgreSQL aborts it for a deadlock or a serialization
 * failure (two instances locking each other through a call activity or a message). The function
 * must be safe to rerun: everything it did was rolled back.
 */
import type { Knex } from 'knex';

const RETRYABLE = new Set(['40P01', '40001']);

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

/** A deadlock or serialization failure: PostgreSQL rolled the work back, running it again is safe. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return !!code && RETRYABLE.has(code);
}
