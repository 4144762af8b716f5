/**
 * The inbox's server-side sorts (`GET /api/tasks?sort=dueDate|priority|createdAt&order=`): one
 * index per sort key in list order — tenant, state, the key, then id (the tie-break that keeps
 * paging stable) — so a page of a tenant's open tasks is read in order, forward for asc and
 * backward for desc, instead of sorting every visible task. The search (`q`, a substring) cannot
 * use a b-tree; it filters the rows these scans (or the candidate GIN lookup) produce.
 */
import type { Knex } from 'knex';

const INDEXES: [name: string, column: string][] = [
  ['user_task_tenant_state_due_id_idx', 'due_at'],
  ['user_task_tenant_state_priority_id_idx', 'priority'],
  ['user_task_tenant_state_created_id_idx', 'created_at'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, column] of INDEXES) await knex.raw(`CREATE INDEX ${name} ON user_task (tenant_id, state, ${column}, id)`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of [...INDEXES].reverse()) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
}
