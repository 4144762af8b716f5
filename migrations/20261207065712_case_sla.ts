/**
 * The case's service standard (API.md 1.1, "Working days and deadlines"): projections of the
 * snapshot's `sla` (engine/core/sla.ts), written with every save, so the console finds cases by
 * `slaState` without opening snapshots and a calendar change finds the cases whose deadline may move.
 * - `sla_working_days`: the standard (null: the process has no alur:sla).
 * - `sla_due_at`: the due instant as last counted (while paused: as it stood when the clock stopped).
 * - `sla_paused_at`: since when the clock stands (an alur:slaPause element is active), else null.
 * - `sla_state`: the state that no longer depends on the time of asking — `met`/`missed` once the
 *   case ended, and while paused the state when the clock stopped; null while the clock runs.
 * And `timer.working_days`: the timer's date was one `add working days` call (a calendar change moves it).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_instance', (t) => {
    t.integer('sla_working_days').nullable().comment('The case service standard in working days (alur:sla on the process); null without one.');
    t.timestamp('sla_due_at', { useTz: true }).nullable().comment('When the case is due by its service standard (while paused: as when the clock stopped).');
    t.timestamp('sla_paused_at', { useTz: true }).nullable().comment('Since when the SLA clock stands (an alur:slaPause element is active).');
    t.text('sla_state').nullable().comment('met/missed once ended; while paused the state when the clock stopped; null while the clock runs.');
  });
  await knex.raw("CREATE INDEX process_instance_sla_due_idx ON process_instance (tenant_id, sla_due_at) WHERE state = 'active' AND sla_due_at IS NOT NULL");
  // A calendar change walks the cases with a pending deadline in id order (store/working-day-deadlines.ts).
  await knex.raw("CREATE INDEX process_instance_sla_pending_idx ON process_instance (tenant_id, id) WHERE state = 'active' AND sla_due_at IS NOT NULL");
  await knex.raw("CREATE INDEX user_task_working_day_instance_idx ON user_task (tenant_id, instance_id) WHERE state = 'open' AND due_working_days IS NOT NULL");
  await knex.raw('CREATE INDEX process_instance_sla_state_idx ON process_instance (tenant_id, sla_state) WHERE sla_state IS NOT NULL');
  await knex.schema.alterTable('timer', (t) => {
    t.boolean('working_days').notNullable().defaultTo(false).comment('The due time is one add working days(from, n) call, counted again when the calendar changes.');
  });
  await knex.raw('CREATE INDEX timer_working_days_idx ON timer (tenant_id, instance_id) WHERE working_days');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS timer_working_days_idx');
  await knex.schema.alterTable('timer', (t) => t.dropColumn('working_days'));
  await knex.raw('DROP INDEX IF EXISTS process_instance_sla_state_idx');
  await knex.raw('DROP INDEX IF EXISTS process_instance_sla_pending_idx');
  await knex.raw('DROP INDEX IF EXISTS user_task_working_day_instance_idx');
  await knex.raw('DROP INDEX IF EXISTS process_instance_sla_due_idx');
  await knex.schema.alterTable('process_instance', (t) => {
    for (const c of ['sla_state', 'sla_paused_at', 'sla_due_at', 'sla_working_days']) t.dropColumn(c);
  });
}
