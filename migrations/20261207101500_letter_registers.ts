/**
 * Letter registers a tenant's admin keeps (issue 15): a register named by document-render's
 * `register` header may carry its own name, classification code (kode), unit and number format,
 * which then win over the task's headers — so a regency adapts an imported pack's numbering
 * without editing its BPMN. Its counters stay in number_counter (scope surat:<key>).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('letter_register', (t) => {
    t.comment('A letter register set up by a tenant admin: what document-render numbers with, over the task headers.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('letter_register_tenant_fk').comment('Owning tenant.');
    t.text('key').notNullable().comment('The register as a task header names it, e.g. surat-keluar-kesbangpol.');
    t.text('name').nullable().comment('What people call it, e.g. Register surat keluar Kesbangpol.');
    t.text('kode').nullable().comment('Classification code for {kode}, e.g. 070; null: the task header.');
    t.text('unit').nullable().comment('Unit for {unit}, e.g. KESBANGPOL; null: the task header.');
    t.text('number_format').nullable().comment('Number format, e.g. {seq}/{kode}/{unit}/{yyyy}; null: the task header.');
    t.text('updated_by').notNullable().comment('Username of the admin who last changed it.');
    t.timestamp('updated_at', { useTz: true }).notNullable().comment('When (engine clock).');
    t.primary(['tenant_id', 'key'], { constraintName: 'letter_register_pkey' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('letter_register');
}
