/**
 * `alur_assert(ok, what)`: raises SQLSTATE AL001 ("alur assertion failed: <what>") unless `ok`.
 * A command's writes go as one statement (engine/store/write-batch.ts); a part that must change
 * exactly one row (a snapshot saved at the version it was read with) is asserted in that same
 * statement, so a lost race undoes all of it — which lets a command run without an explicit
 * transaction and still never half-apply.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION alur_assert(ok boolean, what text) RETURNS boolean LANGUAGE plpgsql AS $$
    BEGIN
      IF ok IS NOT TRUE THEN
        RAISE EXCEPTION 'alur assertion failed: %', what USING ERRCODE = 'AL001';
      END IF;
      RETURN true;
    END $$`);
  await knex.raw(`COMMENT ON FUNCTION alur_assert(boolean, text) IS 'Fails the statement (SQLSTATE AL001) unless ok: the in-statement check of a write batch.'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP FUNCTION IF EXISTS alur_assert(boolean, text)');
}
