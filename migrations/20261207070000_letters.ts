/**
 * Letters (issue 15 item 4): the `.docx` templates deployed with processes (document_template,
 * versioned by file name per tenant like forms), and the letters the `document-render` connector
 * made (letter): one per service-task activation, with its number from a register, so a job
 * delivered twice finds its letter instead of taking a second number.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_template', (t) => {
    t.comment('A .docx letter template deployed with a process; document-render fills the latest version of a name.');
    t.uuid('id').primary().comment('Template version id.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('document_template_tenant_fk').comment('Owning tenant.');
    t.uuid('deployment_id').notNullable().comment('The deployment that brought it.');
    t.text('name').notNullable().comment('File name as deployed, e.g. surat-izin.docx; what a task header names.');
    t.integer('version').notNullable().comment('1, 2, … per tenant and name.');
    t.binary('content').notNullable().comment('The .docx bytes (checked at deployment: a bounded zip with word/document.xml and a template that compiles).');
    t.text('checksum').notNullable().comment('Hex sha256 of the content: the same file deployed again makes no new version.');
    t.timestamp('deployed_at', { useTz: true }).notNullable().comment('When (engine clock).');
    t.unique(['tenant_id', 'name', 'version'], { indexName: 'document_template_version_uq' });
  });
  await knex.schema.createTable('letter', (t) => {
    t.comment('A letter made by document-render: its number (if numbered) and the documents attached to the case.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('letter_tenant_fk').comment('Owning tenant.');
    t.text('instance_id').notNullable().references('id').inTable('process_instance').withKeyName('letter_instance_fk').comment('The case.');
    t.bigInteger('job_key').notNullable().comment('Element-instance key of the service task activation that made it.');
    t.text('register').nullable().comment('The register that numbered it; null for an unnumbered letter.');
    t.text('number').nullable().comment('The letter number as rendered, e.g. 15/503/DPMPTSP/2026.');
    t.uuid('template_id').notNullable().comment('The template version it was filled from.');
    t.uuid('document_id').notNullable().references('id').inTable('document').withKeyName('letter_document_fk').comment('The filled .docx.');
    t.uuid('pdf_document_id').nullable().references('id').inTable('document').withKeyName('letter_pdf_fk').comment('Its PDF (LibreOffice), once converted.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it was numbered and made (engine clock).');
    t.primary(['instance_id', 'job_key'], { constraintName: 'letter_pkey' });
    t.index(['tenant_id', 'register'], 'letter_register_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('letter');
  await knex.schema.dropTable('document_template');
}
