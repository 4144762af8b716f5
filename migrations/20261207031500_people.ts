/**
 * People and groups (API 1.1 "People and groups"): a user's display name, NIP, jabatan and e-mail;
 * usernames unique whatever their case (`ADMIN` beside `admin` is refused: one person, two
 * accounts that read alike); groups as org units with a parent (OPD → bidang → seksi); whether a
 * tenant still accepts local passwords (single sign-on may replace them); the subject a user has
 * at the identity provider; and the audit of administration (who changed which user, group, role
 * or pack, when, with the values before and after).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  const clashes = await knex('app_user').select(knex.raw('lower(username) as u')).groupByRaw('lower(username)').havingRaw('count(*) > 1');
  if (clashes.length) {
    throw new Error(`usernames differ only in case: ${clashes.map((c: { u: string }) => c.u).join(', ')} — rename one of each before upgrading`);
  }
  await knex.schema.alterTable('app_user', (t) => {
    t.text('display_name').nullable().comment('Name shown instead of the username (e.g. Siti Rahmawati, S.T.); null shows the username.');
    t.text('nip').nullable().comment('Nomor Induk Pegawai (18 digits) of a civil servant; null for others.');
    t.text('jabatan').nullable().comment('Position, e.g. Kepala Seksi Perizinan.');
    t.text('email').nullable().comment('E-mail address for notifications.');
    t.text('oidc_subject').nullable().comment('Subject (sub) at the identity provider for a user signed in by single sign-on; null for local accounts.');
  });
  await knex.raw('create unique index app_user_username_lower_uq on app_user (lower(username))');
  await knex.raw('create unique index app_user_oidc_subject_uq on app_user (oidc_subject) where oidc_subject is not null');
  await knex.schema.alterTable('user_group', (t) => {
    t.text('parent').nullable().comment('Name of the parent group in the same tenant (OPD → bidang → seksi); null at the top.');
    t.foreign(['tenant_id', 'parent'], 'user_group_parent_fk').references(['tenant_id', 'name']).inTable('user_group');
  });
  await knex.schema.alterTable('tenant', (t) => {
    t.boolean('local_passwords').notNullable().defaultTo(true).comment('Whether users of this tenant may sign in with a password; false when single sign-on is the only way.');
  });
  await knex.schema.createTable('audit_entry', (t) => {
    t.comment('Administration history: who created, changed or deleted which user, group, tenant or pack, with the values before and after. Never a password.');
    t.bigIncrements('id').primary().comment('Order of the entries.');
    t.text('tenant_id').nullable().references('id').inTable('tenant').withKeyName('audit_entry_tenant_fk').comment('Tenant of the object; null for platform objects.');
    t.timestamp('at', { useTz: true }).notNullable().comment('When (real time).');
    t.text('actor').notNullable().comment('Username of who did it (or sso:<issuer> for a sign-in that changed the user).');
    t.text('object_type').notNullable().comment('user, group, tenant or pack.');
    t.text('object_id').notNullable().comment('Username, group id, tenant id or pack name.');
    t.text('action').notNullable().comment('created, changed, deleted, deactivated, imported.');
    t.jsonb('before').nullable().comment('The values before (only those that changed); null when created.');
    t.jsonb('after').nullable().comment('The values after (only those that changed); null when deleted.');
    t.index(['tenant_id', 'id'], 'audit_entry_tenant_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_entry');
  await knex.schema.alterTable('tenant', (t) => t.dropColumn('local_passwords'));
  await knex.schema.alterTable('user_group', (t) => {
    t.dropForeign(['tenant_id', 'parent'], 'user_group_parent_fk');
    t.dropColumn('parent');
  });
  await knex.raw('drop index app_user_oidc_subject_uq');
  await knex.raw('drop index app_user_username_lower_uq');
  await knex.schema.alterTable('app_user', (t) => {
    for (const c of ['display_name', 'nip', 'jabatan', 'email', 'oidc_subject']) t.dropColumn(c);
  });
}
