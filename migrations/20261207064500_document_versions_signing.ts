/**
 * Signing (issue 15 item 5): a document may be a later version of another (the signed copy of a
 * letter is version 2 of it; the unsigned version 1 stays), a version made by signing records who
 * signed, when and with which certificate; and each tenant's signing certificates, sealed (the
 * .p12 and its passphrase are never stored in the clear, see engine/signing/secret-box.ts).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('document', (t) => {
    t.uuid('version_of').nullable().references('id').inTable('document').withKeyName('document_version_of_fk')
      .comment('The first version of this document; null when this is the first version.');
    t.integer('version').notNullable().defaultTo(1).comment('1 for an upload; each later version (e.g. the signed copy) one more.');
    t.jsonb('signature').nullable().comment('Set on a version made by signing: { signedBy, signerName, signedAt, reason, location, certificate: { name, subject, serialNumber, fingerprintSha256 }, job }.');
    t.index(['version_of'], 'document_version_of_idx');
  });
  // One signed version per signing job: a job delivered twice finds the first one instead of signing again.
  await knex.raw("CREATE UNIQUE INDEX document_signed_by_job_uq ON document (instance_id, (signature->>'job')) WHERE signature IS NOT NULL");
  await knex.raw('CREATE UNIQUE INDEX document_version_uq ON document ((coalesce(version_of, id)), version)');
  await knex.schema.createTable('signing_certificate', (t) => {
    t.comment('Signing certificates (.p12) of tenants, sealed with the secret of the installation; only the description is ever read back.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').withKeyName('signing_certificate_tenant_fk').comment('Owning tenant.');
    t.text('name').notNullable().comment('Slug naming it in the tenant (`default` unless a tte-sign task names another).');
    t.binary('sealed').notNullable().comment('AES-256-GCM of { p12, passphrase }: iv, tag, ciphertext.');
    t.text('key_id').notNullable().comment('Which installation secret sealed it (a hash of the key, not the key).');
    t.text('subject').notNullable().comment('Subject DN of the certificate of the signer.');
    t.text('issuer').notNullable().comment('Issuer DN.');
    t.text('serial_number').notNullable().comment('Serial number (hex).');
    t.timestamp('not_before', { useTz: true }).notNullable().comment('Valid from.');
    t.timestamp('not_after', { useTz: true }).notNullable().comment('Valid until.');
    t.text('fingerprint_sha256').notNullable().comment('SHA-256 fingerprint of the certificate.');
    t.text('uploaded_by').notNullable().comment('The admin who uploaded it.');
    t.timestamp('uploaded_at', { useTz: true }).notNullable().comment('When (engine clock).');
    t.primary(['tenant_id', 'name'], { constraintName: 'signing_certificate_pkey' });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('signing_certificate');
  await knex.raw('DROP INDEX IF EXISTS document_version_uq');
  await knex.raw('DROP INDEX IF EXISTS document_signed_by_job_uq');
  await knex.schema.alterTable('document', (t) => {
    t.dropIndex(['version_of'], 'document_version_of_idx');
    t.dropForeign(['version_of'], 'document_version_of_fk');
    t.dropColumn('signature');
    t.dropColumn('version');
    t.dropColumn('version_of');
  });
}
