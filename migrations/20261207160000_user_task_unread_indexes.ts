/**
 * Four user_task indexes no query reads, each written on every task opened (and the b-trees again
 * on every task closed, an update that changes `state`), so they only cost (issue 10: PostgreSQL's
 * CPU per start + complete was 1.7 × the bare stack's; bench/README.md "api"):
 * - `user_task_tenant_state_idx` (tenant, state, created_at): the first columns of
 *   `user_task_tenant_state_created_id_idx` (tenant, state, created_at, id), which serves the same scans.
 * - `user_task_tenant_state_order_idx` (tenant, state, priority desc, created_at, id): the inbox's
 *   first list order; since inbox_sort_indexes every order is (key, id) in one direction, read from
 *   `user_task_tenant_state_<key>_id_idx`, and nothing orders by priority then creation.
 * - `user_task_candidate_groups_idx`, `user_task_candidate_users_idx` (GIN over the open tasks'
 *   candidates): the inbox reads `candidate_keys` (inbox_candidate_keys); candidate_users/groups
 *   are matched only inside the case-visibility test (store/instances.ts), an OR with
 *   `completed_by`, which has no index, so a bitmap of these could never answer it (the test
 *   reads a case's tasks by `user_task_instance_key_uq`).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  for (const name of ['user_task_tenant_state_idx', 'user_task_tenant_state_order_idx', 'user_task_candidate_groups_idx', 'user_task_candidate_users_idx']) {
    await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX IF NOT EXISTS user_task_tenant_state_idx ON user_task (tenant_id, state, created_at)');
  await knex.raw('CREATE INDEX IF NOT EXISTS user_task_tenant_state_order_idx ON user_task (tenant_id, state, priority DESC, created_at, id)');
  await knex.raw("CREATE INDEX IF NOT EXISTS user_task_candidate_groups_idx ON user_task USING GIN (candidate_groups) WHERE state = 'open'");
  await knex.raw("CREATE INDEX IF NOT EXISTS user_task_candidate_users_idx ON user_task USING GIN (candidate_users) WHERE state = 'open'");
}
