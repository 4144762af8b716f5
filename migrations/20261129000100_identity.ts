/**
 * Identity: tenants (regencies/cities), users, groups (org units or posts that candidateGroups name),
 * memberships and API tokens. Tokens and passwords are stored only as hashes.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenant', (t) => {
    t.comment('A regency or city running its own processes; every other row carries its id.');
    t.text('id').primary().comment('Lower-case slug, e.g. semarang.');
    t.text('name').notNullable().comment('Display name, e.g. Kota Semarang.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When the tenant was created.');
  });

  await knex.schema.createTable('app_user', (t) => {
    t.comment('A person or system account that logs in. Usernames are unique across tenants.');
    t.uuid('id').primary().comment('Opaque user id.');
    t.text('username').notNullable().unique({ indexName: 'app_user_username_uq' }).comment('Login name, unique platform-wide.');
    t.text('tenant_id').nullable().references('id').inTable('tenant').comment('Home tenant; null for a platform administrator without one.');
    t.text('password_hash').notNullable().comment('scrypt hash with its parameters and salt; never the password.');
    t.specificType('roles', 'text[]').notNullable().defaultTo('{}').comment('platform-admin, admin, analyst, staff.');
    t.boolean('disabled').notNullable().defaultTo(false).comment('A disabled user cannot log in and its tokens stop working.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When the user was created.');
  });

  await knex.schema.createTable('user_group', (t) => {
    t.comment('An org unit or post inside a tenant (kepala-dinas-pu); candidateGroups refer to its name.');
    t.text('tenant_id').notNullable().references('id').inTable('tenant').comment('Owning tenant.');
    t.text('name').notNullable().comment('Group name as used in candidateGroups.');
    t.text('title').nullable().comment('Optional display title.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When the group was created.');
    t.primary(['tenant_id', 'name'], { constraintName: 'user_group_pk' });
  });

  await knex.schema.createTable('group_membership', (t) => {
    t.comment('Which user belongs to which group of their tenant.');
    t.uuid('user_id').notNullable().references('id').inTable('app_user').onDelete('CASCADE').comment('The member.');
    t.text('tenant_id').notNullable().comment('Tenant of the group (and of the user).');
    t.text('group_name').notNullable().comment('The group name.');
    t.primary(['user_id', 'tenant_id', 'group_name'], { constraintName: 'group_membership_pk' });
    t.foreign(['tenant_id', 'group_name'], 'group_membership_group_fk').references(['tenant_id', 'name']).inTable('user_group').onDelete('CASCADE');
  });

  await knex.schema.createTable('api_token', (t) => {
    t.comment('Bearer tokens issued at login; only the SHA-256 of the token is kept.');
    t.uuid('id').primary().comment('Opaque token id.');
    t.text('token_hash').notNullable().unique({ indexName: 'api_token_hash_uq' }).comment('Hex SHA-256 of the bearer token.');
    t.uuid('user_id').notNullable().references('id').inTable('app_user').onDelete('CASCADE').comment('Owner of the token.');
    t.timestamp('created_at', { useTz: true }).notNullable().comment('When the token was issued.');
    t.timestamp('expires_at', { useTz: true }).notNullable().comment('After this the token is refused.');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['api_token', 'group_membership', 'user_group', 'app_user', 'tenant']) {
    await knex.schema.dropTableIfExists(table);
  }
}
