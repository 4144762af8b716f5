/**
 * The console's search and statistics read one tenant's rows without touching the others'
 * (bench/README.md "operate"):
 * - `alur_tenant_trigrams(tenant, text)`: the pg_trgm trigrams of `text`, each prefixed with the
 *   tenant id, so one GIN posting list holds one tenant's keys. The business-key trigram index over
 *   every tenant read the posting lists of trigrams every key shares ("202", "000") for all
 *   tenants before the tenant filter (130 ms for `q=2026/00012` over a million cases; 0.5 ms so).
 *   engine/store/case-search.ts computes the trigrams a substring must contain, tenant-prefixed the
 *   same way; the LIKE stays and decides.
 * - `process_instance_statistics_idx` (tenant, definition, state) with the element projections
 *   included: the per-element statistics read the index alone (an index-only scan) instead of a
 *   heap page per case of the version.
 */
import type { Knex } from 'knex';

const TRIGRAMS = "alur_tenant_trigrams(tenant_id, lower(coalesce(business_key, '')))";

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  // Index builds run functions with search_path pg_catalog (PostgreSQL 17, so PGlite): name show_trgm by its schema.
  const schema = (await knex.raw("SELECT extnamespace::regnamespace::text AS s FROM pg_extension WHERE extname = 'pg_trgm'")).rows[0].s as string;
  await knex.raw(`CREATE OR REPLACE FUNCTION alur_tenant_trigrams(tenant text, value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_agg(tenant || '|' || g), '{}') FROM unnest(${schema}.show_trgm(value)) g $$`);
  await knex.raw(`COMMENT ON FUNCTION alur_tenant_trigrams(text, text) IS 'Trigrams of a text (pg_trgm show_trgm), each prefixed with the tenant id: a tenant-scoped trigram index.'`);
  await knex.raw(`CREATE INDEX process_instance_tenant_trgm_idx ON process_instance USING gin ((${TRIGRAMS}))`);
  await knex.raw(`COMMENT ON INDEX process_instance_tenant_trgm_idx IS 'Tenant-prefixed trigrams of the business key, for q= substring search within one tenant.'`);
  await knex.raw('DROP INDEX IF EXISTS process_instance_business_key_trgm_idx');
  await knex.raw('CREATE INDEX process_instance_statistics_idx ON process_instance (tenant_id, definition_id, state) INCLUDE (active_elements, completed_elements)');
  await knex.raw(`COMMENT ON INDEX process_instance_statistics_idx IS 'Per-element statistics of a version from the index alone (index-only scan).'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS process_instance_statistics_idx');
  await knex.raw('DROP INDEX IF EXISTS process_instance_tenant_trgm_idx');
  await knex.raw("CREATE INDEX IF NOT EXISTS process_instance_business_key_trgm_idx ON process_instance USING gin (lower(coalesce(business_key, '')) gin_trgm_ops)");
  await knex.raw('DROP FUNCTION IF EXISTS alur_tenant_trigrams(text, text)');
}
