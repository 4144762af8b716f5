/**
 * Deployments, process definitions (one row per process per version, with the compiled model) and
 * form-js forms. Definitions and forms are immutable once written.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('deployment', (t) => {
    t.comment('One upload of BPMN and form files.');
    t.uuid('id').primary().comment('Opaque deployment id.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').comment('Owning tenant.');
    t.text('deployed_by').nullable().comment('Username of the deployer.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When it was deployed.');
  });

  await knex.schema.createTable('process_definition', (t) => {
    t.comment('One version of one executable process; key + version is unique per tenant.');
    t.uuid('id').primary().comment('Opaque definition id.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').comment('Owning tenant.');
    t.uuid('deployment_id').notNullable().references('id').inTable('deployment').comment('The upload that created it.');
    t.text('key').notNullable().comment('BPMN process id (bpmn:process/@id).');
    t.integer('version').notNullable().comment('1, 2, ... per tenant and key.');
    t.text('name').nullable().comment('bpmn:process/@name.');
    t.text('resource_name').nullable().comment('File name of the uploaded BPMN file.');
    t.text('xml').notNullable().comment('The BPMN XML exactly as deployed.');
    t.text('checksum').notNullable().comment('SHA-256 of the XML; an unchanged file creates no new version.');
    t.jsonb('model').notNullable().comment('Compiled ProcessModel (engine/core/model.ts); immutable.');
    t.timestamp('deployed_at', { useTz: true }).notNullable().comment('When this version was deployed.');
    t.unique(['tenant_id', 'key', 'version'], { indexName: 'process_definition_tenant_key_version_uq' });
    t.index(['tenant_id', 'checksum'], 'process_definition_tenant_checksum_idx');
  });

  await knex.schema.createTable('form', (t) => {
    t.comment('One version of a form-js form; user tasks reference it by formId.');
    t.uuid('id').primary().comment('Opaque form id.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').comment('Owning tenant.');
    t.uuid('deployment_id').notNullable().references('id').inTable('deployment').comment('The upload that created it.');
    t.text('form_id').notNullable().comment('The form-js schema id that zeebe:formDefinition formId names.');
    t.integer('version').notNullable().comment('1, 2, ... per tenant and form id.');
    t.jsonb('schema').notNullable().comment('The form-js schema as deployed.');
    t.text('checksum').notNullable().comment('SHA-256 of the canonical schema JSON.');
    t.timestamp('deployed_at', { useTz: true }).notNullable().comment('When this version was deployed.');
    t.unique(['tenant_id', 'form_id', 'version'], { indexName: 'form_tenant_form_version_uq' });
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['form', 'process_definition', 'deployment']) await knex.schema.dropTableIfExists(table);
}
