/**
 * Seeds `count` process instances spread over `tenants` tenants straight in SQL, for the case
 * search and per-element statistics benchmark (bench/api/operate-search.ts): 30 % active, each
 * waiting at one of 8 elements (active_elements), the rest completed; every case passed the
 * elements before its own (completed_elements); one in a hundred cases, all of them active, holds an open incident.
 * Business keys look like registration numbers (IZN/2026/0000123).
 */
import type { Knex } from 'knex';

export const ELEMENTS = ['Masuk', 'Verifikasi', 'Survei', 'Kajian', 'Paraf', 'Tandatangan', 'Arsip', 'Kirim'];

export async function seedCases(knex: Knex, definitionId: string, count: number, tenants: number): Promise<void> {
  await knex.raw(`insert into tenant (id, name, created_at) select 'ops-' || lpad(g::text, 2, '0'), 'Ops ' || g, now() from generate_series(0, ?) g on conflict do nothing`, [tenants - 1]);
  const elements = `array[${ELEMENTS.map((e) => `'${e}'`).join(',')}]`;
  const batch = 100_000;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch) - 1;
    await knex.raw(`
      insert into process_instance (id, tenant_id, definition_id, process_key, process_version, business_key, state, snapshot, version, started_at, ended_at, active_elements, completed_elements)
      select 'case-' || g, 'ops-' || lpad((g % ?)::text, 2, '0'), ?, 'izin-usaha', 1, 'IZN/2026/' || lpad(g::text, 7, '0'),
        case when (g / ?) % 10 < 3 then 'active' else 'completed' end, '{}'::jsonb, 1, now() - (g || ' seconds')::interval,
        case when (g / ?) % 10 < 3 then null else now() end,
        case when (g / ?) % 10 < 3 then array[(${elements})[1 + (g / ?) % 8]] else '{}'::text[] end,
        (${elements})[1:(case when (g / ?) % 10 < 3 then (g / ?) % 8 else 8 end)]
      from generate_series(?::int, ?::int) g`, [tenants, definitionId, tenants, tenants, tenants, tenants, tenants, tenants, from, to]);
    await knex.raw(`
      insert into incident (id, tenant_id, instance_id, key, element_id, type, message, state, created_at)
      select gen_random_uuid(), 'ops-' || lpad((g % ?)::text, 2, '0'), 'case-' || g, 99, (${elements})[1 + (g / ?) % 8], 'job', 'no worker took job type "tte-sign"', 'open', now()
      from generate_series(?::int, ?::int) g where (g / ?) % 10 < 3 and (g / ?) % 100 = 2`, [tenants, tenants, from, to, tenants, tenants]);
  }
  await knex.raw('vacuum analyze process_instance');
  await knex.raw('vacuum analyze incident');
  await knex.destroy();
}
