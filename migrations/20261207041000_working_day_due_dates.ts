/**
 * Due dates counted in working days (alur:sla on a user task, or a dueDate that is one
 * `add working days` call) remember where they were counted from, so that a change of the tenant's
 * calendar computes them again (API.md, "Working days and deadlines").
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_task', (t) => {
    t.text('due_from').nullable().comment('Local date-time (with offset) the working days of due_at are counted from; null when due_at is not in working days.');
    t.integer('due_working_days').nullable().comment('How many working days after due_from the task is due; null when due_at is not in working days.');
  });
  await knex.raw('CREATE INDEX user_task_working_day_due_idx ON user_task (tenant_id, id) WHERE state = \'open\' AND due_working_days IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS user_task_working_day_due_idx');
  await knex.schema.alterTable('user_task', (t) => {
    t.dropColumn('due_working_days');
    t.dropColumn('due_from');
  });
}
