/**
 * A process definition can be suspended (POST /api/process-definitions/{id}/suspend): no new
 * instances, its timer start events stop, running instances go on. Before this an analyst's
 * runaway timer start (R/PT0.001S) could only be stopped by editing the database.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_definition', (t) => {
    t.timestamp('suspended_at', { useTz: true }).nullable().comment('When the definition was suspended; null while it runs.');
    t.text('suspended_by').nullable().comment('Username of who suspended it.');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_definition', (t) => {
    t.dropColumn('suspended_by');
    t.dropColumn('suspended_at');
  });
}
