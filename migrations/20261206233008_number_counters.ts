/**
 * Gap-free counters (engine/numbering): registration numbers of cases today, letter numbers
 * (issue 15) next. One row per tenant, scope and series; a number is taken by incrementing the row
 * inside the transaction or statement that uses it, so the row lock orders concurrent takers and a
 * rolled-back use gives its number back. Also: the start form version a case was started with.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('number_counter', (t) => {
    t.comment('Gap-free counters: the last number taken per tenant, scope and series (engine/numbering).');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('number_counter_tenant_fk').comment('Owning tenant.');
    t.text('scope').notNullable().comment('What is numbered, e.g. process:<process key> (registration numbers) or a letter register.');
    t.text('series').notNullable().comment('The number format rendered except its counter, e.g. PBG/2026/03/{seq:5}: one counter per distinct text.');
    t.bigInteger('value').notNullable().comment('The last number taken (the first one is 1).');
    t.timestamp('updated_at', { useTz: true }).notNullable().comment('When the last number was taken (engine clock).');
    t.primary(['tenant_id', 'scope', 'series'], { constraintName: 'number_counter_pkey' });
  });
  await knex.schema.alterTable('process_instance', (t) => {
    t.uuid('start_form_ref').nullable().references('id').inTable('form').withKeyName('process_instance_start_form_ref_fk')
      .comment('The start form version (form.id) the start was checked against; null when the process has no start form.');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_instance', (t) => {
    t.dropForeign(['start_form_ref'], 'process_instance_start_form_ref_fk');
    t.dropColumn('start_form_ref');
  });
  await knex.schema.dropTable('number_counter');
}
