/**
 * `alur_tenant_trigrams` (operate_tenant_indexes), the expression of the business-key trigram
 * index, as PL/pgSQL. Every instance save is a non-HOT update (it changes indexed columns), so
 * PostgreSQL computes every index expression again; a SQL function that cannot be inlined (this
 * one aggregates) is parsed and planned afresh in every statement that calls it, which made it
 * ~6 % of the backends' CPU per start + complete (bench/README.md "store"). PL/pgSQL keeps the
 * compiled function for the session, and the loop runs no query at all: ~110 µs less per
 * single-row update in a loop of updates (bench/README.md "store", 2026-12-07 16:13–16:45). The answer is
 * the same for every input (the same trigrams in the same order, '{}' for none), so the index
 * stays valid without a rebuild; test/store/search-index.spec.ts compares the two.
 */
import type { Knex } from 'knex';

async function trgmSchema(knex: Knex): Promise<string> {
  // Index builds run functions with search_path pg_catalog (PostgreSQL 17, so PGlite): name show_trgm by its schema.
  return (await knex.raw("SELECT extnamespace::regnamespace::text AS s FROM pg_extension WHERE extname = 'pg_trgm'")).rows[0].s as string;
}

/** The PL/pgSQL body, for the migration and for the spec that compares it with the SQL one. */
export function plpgsqlTrigrams(schema: string): string {
  return `CREATE OR REPLACE FUNCTION alur_tenant_trigrams(tenant text, value text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    DECLARE g text; trigrams text[] := '{}';
    BEGIN
      FOREACH g IN ARRAY coalesce(${schema}.show_trgm(value), '{}') LOOP trigrams := trigrams || (tenant || '|' || g); END LOOP;
      RETURN trigrams;
    END $$`;
}

/** The SQL body it replaces (operate_tenant_indexes). */
export function sqlTrigrams(schema: string, name = 'alur_tenant_trigrams'): string {
  return `CREATE OR REPLACE FUNCTION ${name}(tenant text, value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_agg(tenant || '|' || g), '{}') FROM unnest(${schema}.show_trgm(value)) g $$`;
}

export async function up(knex: Knex): Promise<void> {
  await knex.raw(plpgsqlTrigrams(await trgmSchema(knex)));
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(sqlTrigrams(await trgmSchema(knex)));
}
