/**
 * The inbox search (`GET /api/tasks?q=`, a case-insensitive substring of business key, process key
 * or task name) as a trigram index on the very expression the query matches
 * (engine/store/tasks.ts, SEARCH_TEXT), so a search no longer reads every task the user may see:
 * PostgreSQL combines it with the candidate-keys index. pg_trgm is a trusted contrib extension
 * (PostgreSQL ≥ 13: the database owner may create it); PGlite loads it at start.
 */
import type { Knex } from 'knex';

/** Must stay character for character the SEARCH_TEXT of engine/store/tasks.ts, or the index goes unused. */
const SEARCH_TEXT = "lower(coalesce(business_key, '') || chr(31) || process_key || chr(31) || coalesce(name, ''))";

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw(`CREATE INDEX user_task_search_trgm_idx ON user_task USING gin ((${SEARCH_TEXT}) gin_trgm_ops)`);
  await knex.raw(`COMMENT ON INDEX user_task_search_trgm_idx IS 'Trigrams of the inbox search text (business key, process key, task name) for q= substring search.'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS user_task_search_trgm_idx');
  // The extension stays: other objects of the database may use it.
}
