/**
 * Documents (berkas, API.md 1.1 "Documents"): the bytes of each distinct content once per tenant
 * (document_blob, addressed by sha256, stored as ordered chunks so nothing ever holds a whole file
 * in memory, on PostgreSQL and PGlite alike), and the uploads that name them (document), attached
 * to a case by a form's filepicker field or still waiting for it (deleted after 24 hours).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('document_blob', (t) => {
    t.comment('Content of documents, once per tenant and sha256; its bytes are the document_chunk rows.');
    t.uuid('id').primary().comment('Opaque blob id (chunks are written under it before the hash is known).');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('document_blob_tenant_fk').comment('Owning tenant: content is never shared across tenants.');
    t.text('sha256').nullable().comment('Hex sha256 of the content; null while the upload is still being written.');
    t.bigInteger('size').notNullable().defaultTo(0).comment('Bytes.');
    t.integer('chunks').notNullable().defaultTo(0).comment('Number of document_chunk rows (seq 0..chunks-1).');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When writing began (wall clock): unfinished blobs are swept after an hour.');
    t.unique(['tenant_id', 'sha256'], { indexName: 'document_blob_tenant_sha256_uq' });
  });
  await knex.schema.createTable('document_chunk', (t) => {
    t.comment('The bytes of a blob in order, a few hundred kilobytes per row.');
    t.uuid('blob_id').notNullable().references('id').inTable('document_blob').onDelete('CASCADE').withKeyName('document_chunk_blob_fk').comment('Its blob.');
    t.integer('seq').notNullable().comment('Position, from 0.');
    t.binary('data').notNullable().comment('The bytes.');
    t.primary(['blob_id', 'seq'], { constraintName: 'document_chunk_pkey' });
  });
  await knex.schema.createTable('document', (t) => {
    t.comment('An uploaded document: unattached (only its uploader sees it, deleted after 24 hours) or attached to a case.');
    t.uuid('id').primary().comment('Document id.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('document_tenant_fk').comment('Owning tenant.');
    // RESTRICT: a blob in use cannot be swept away under an upload that just found it.
    t.uuid('blob_id').notNullable().references('id').inTable('document_blob').onDelete('RESTRICT').withKeyName('document_blob_fk').comment('Its content.');
    t.text('name').notNullable().comment('File name as uploaded, sanitised (no folders, no control characters).');
    t.text('media_type').notNullable().comment('Decided from the content (file-type), never from the name.');
    t.bigInteger('size').notNullable().comment('Bytes.');
    t.text('sha256').notNullable().comment('Hex sha256 of the content.');
    t.text('uploaded_by').notNullable().comment('Username of the uploader.');
    t.timestamp('uploaded_at', { useTz: true }).notNullable().comment('When it was uploaded (engine clock).');
    t.text('instance_id').nullable().references('id').inTable('process_instance').withKeyName('document_instance_fk').comment('The case it is attached to; null until then.');
    t.text('field').nullable().comment('Key of the filepicker field (or the connector) that attached it.');
    t.uuid('task_id').nullable().comment('The task whose completion attached it; null for a start.');
    t.text('attached_by').nullable().comment('Who attached it.');
    t.timestamp('attached_at', { useTz: true }).nullable().comment('When it was attached (engine clock).');
    t.index(['instance_id'], 'document_instance_idx');
    t.index(['blob_id'], 'document_blob_idx');
  });
  await knex.raw('CREATE INDEX document_unattached_idx ON document (uploaded_at) WHERE instance_id IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document');
  await knex.schema.dropTable('document_chunk');
  await knex.schema.dropTable('document_blob');
}
