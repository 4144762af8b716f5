/**
 * Seeds `count` open user tasks (with their instances) spread over `tenants` tenants straight in
 * SQL, for the inbox query benchmark. Each task names one of 20 groups as candidate group.
 */
import type { Knex } from 'knex';

export async function seedInbox(knex: Knex, count: number, tenants: number): Promise<void> {
  const def = await knex('process_definition').first('id', 'tenant_id');
  await knex.raw(`insert into tenant (id, name, created_at) select 'inbox-' || lpad(g::text, 2, '0'), 'Inbox ' || g, now() from generate_series(0, ?) g`, [tenants - 1]);
  // One definition row per tenant is not needed for the query; instances point at the bench definition.
  const batch = 100_000;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await knex.raw(`
      insert into process_instance (id, tenant_id, definition_id, process_key, process_version, state, snapshot, version, started_at)
      select 'seed-' || g, 'inbox-' || lpad((g % ?)::text, 2, '0'), ?, 'one-task', 1, 'active', '{}'::jsonb, 1, now() - (g || ' seconds')::interval
      from generate_series(?::int, ?::int) g`, [tenants, def.id, from, to]);
    await knex.raw(`
      insert into user_task (id, tenant_id, instance_id, key, element_id, name, process_key, candidate_groups, candidate_keys, priority, state, created_at)
      select gen_random_uuid(), t, 'seed-' || g, 2, 'T', 'Approve', 'one-task', array[grp], array[t || ':g:' || grp], 50, 'open', now() - (g || ' seconds')::interval
      from (select g, 'inbox-' || lpad((g % ?)::text, 2, '0') as t, 'unit-' || lpad(((g / ?) % 20)::text, 2, '0') as grp
            from generate_series(?::int, ?::int) g) s`, [tenants, tenants, from, to]);
  }
  // VACUUM, not just ANALYZE: it also merges the GIN pending list, as autovacuum would on a live system.
  await knex.raw('vacuum analyze user_task');
  await knex.raw('vacuum analyze process_instance');
  await knex.destroy();
}
