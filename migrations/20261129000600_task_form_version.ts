/**
 * A user task keeps the form version it was opened with. Camunda 8's default form binding
 * (`bindingType="latest"`) resolves the form when the task is activated; before this column the
 * inbox showed, and completion checked against, whatever version was newest at that moment, so a
 * form redeployed while a task waited changed the rules under the person working it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_task', (t) => {
    t.uuid('form_ref').nullable().references('id').inTable('form').withKeyName('user_task_form_ref_fk')
      .comment('The form version (form.id) resolved when the task opened; null when it has no form or opened before forms were pinned (then the newest version applies).');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_task', (t) => {
    t.dropForeign(['form_ref'], 'user_task_form_ref_fk');
    t.dropColumn('form_ref');
  });
}
