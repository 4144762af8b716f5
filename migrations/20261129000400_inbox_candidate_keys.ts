/**
 * The inbox's candidate filter, made selective per tenant: `candidate_keys` holds
 * `<tenant>:u:<username>` and `<tenant>:g:<group>` for every candidate, so one GIN lookup with the
 * caller's keys finds exactly their claimable tasks of their tenant (a GIN on candidate_groups
 * alone matches that group in every tenant). The list order gets its own index, so the first page
 * of a tenant's inbox is read in order without sorting.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_task', (t) => {
    t.specificType('candidate_keys', 'text[]').notNullable().defaultTo('{}')
      .comment('Tenant-qualified candidates (<tenant>:u:<user>, <tenant>:g:<group>) for the inbox GIN lookup.');
  });
  await knex.raw(`
    update user_task set candidate_keys =
      array(select tenant_id || ':u:' || u from unnest(candidate_users) u) || array(select tenant_id || ':g:' || g from unnest(candidate_groups) g)`);
  await knex.raw('CREATE INDEX user_task_candidate_keys_idx ON user_task USING GIN (candidate_keys) WHERE state = \'open\'');
  await knex.raw('CREATE INDEX user_task_tenant_state_order_idx ON user_task (tenant_id, state, priority DESC, created_at, id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS user_task_tenant_state_order_idx');
  await knex.raw('DROP INDEX IF EXISTS user_task_candidate_keys_idx');
  await knex.schema.alterTable('user_task', (t) => t.dropColumn('candidate_keys'));
}
