/**
 * The business-key trigram index (`process_instance_tenant_trgm_idx`, operate_tenant_indexes) holds
 * only instances that have a business key. Its expression, the PL/pgSQL `alur_tenant_trigrams`, is
 * computed for every row the index covers whenever a row version is written — every instance
 * insert and every save, since a save changes indexed columns and is never a HOT update — and an
 * instance without a key went through the function and into the GIN index for an empty list of
 * trigrams that no search can match: a case search (`q=`) looks for trigrams of a non-empty
 * substring of the key, so a key that is null never answers it (the LIKE that decides compares
 * with the empty string). The search now says `business_key is not null` beside the trigrams
 * (store/instances.ts), so the planner can use the partial index. For a process started without a
 * key (bench/api's) that is one PL/pgSQL call and one GIN insertion less per start and per save.
 */
import type { Knex } from 'knex';

const TRIGRAMS = "alur_tenant_trigrams(tenant_id, lower(coalesce(business_key, '')))";
const COMMENT = 'Tenant-prefixed trigrams of the business key, for q= substring search within one tenant (instances with a key only).';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX process_instance_tenant_trgm_keyed_idx ON process_instance USING gin ((${TRIGRAMS})) WHERE business_key IS NOT NULL`);
  await knex.raw('DROP INDEX IF EXISTS process_instance_tenant_trgm_idx');
  await knex.raw('ALTER INDEX process_instance_tenant_trgm_keyed_idx RENAME TO process_instance_tenant_trgm_idx');
  await knex.raw(`COMMENT ON INDEX process_instance_tenant_trgm_idx IS '${COMMENT}'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX process_instance_tenant_trgm_all_idx ON process_instance USING gin ((${TRIGRAMS}))`);
  await knex.raw('DROP INDEX IF EXISTS process_instance_tenant_trgm_idx');
  await knex.raw('ALTER INDEX process_instance_tenant_trgm_all_idx RENAME TO process_instance_tenant_trgm_idx');
  await knex.raw("COMMENT ON INDEX process_instance_tenant_trgm_idx IS 'Tenant-prefixed trigrams of the business key, for q= substring search within one tenant.'");
}
