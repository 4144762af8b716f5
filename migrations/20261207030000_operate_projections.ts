/**
 * Operating running cases (API.md 1.1, "Operating running cases"): what the console's search and
 * per-element statistics read without opening a snapshot.
 * - `active_elements`: the element ids active in the snapshot (engine/core/queries.ts
 *   activeElements), written with every save; `elementId=` search and the `active` statistic.
 * - `completed_elements`: every element id that has completed at least once in the case (the
 *   process itself excluded), grown by each step's `element.completed` entries; the `completed`
 *   statistic (cases that passed the element).
 * Indexes: a tenant's cases newest first (the default list), by definition and state (statistics),
 * a GIN on the active elements (`elementId=`), and trigrams of the business key (`q=`).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('process_instance', (t) => {
    t.specificType('active_elements', 'text[]').notNullable().defaultTo('{}').comment('Element ids active in the snapshot (projection for search and statistics).');
    t.specificType('completed_elements', 'text[]').notNullable().defaultTo('{}').comment('Element ids completed at least once in this case (projection for statistics).');
  });
  await knex.raw(`UPDATE process_instance SET active_elements = coalesce((SELECT array_agg(DISTINCT e.value->>'e') FROM jsonb_each(snapshot->'els') e WHERE e.key <> '1'), '{}')`);
  await knex.raw(`UPDATE process_instance p SET completed_elements = coalesce((SELECT array_agg(DISTINCT h.element_id) FROM history h
    WHERE h.instance_id = p.id AND h.type = 'element.completed' AND h.element_id IS NOT NULL AND h.element_id <> p.process_key), '{}')`);
  await knex.raw('CREATE INDEX process_instance_tenant_started_idx ON process_instance (tenant_id, started_at DESC, id)');
  await knex.raw('CREATE INDEX process_instance_definition_state_idx ON process_instance (definition_id, state)');
  await knex.raw("CREATE INDEX process_instance_active_elements_idx ON process_instance USING gin (active_elements) WHERE state = 'active'");
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.raw("CREATE INDEX process_instance_business_key_trgm_idx ON process_instance USING gin (lower(coalesce(business_key, '')) gin_trgm_ops)");
}

export async function down(knex: Knex): Promise<void> {
  for (const name of ['process_instance_business_key_trgm_idx', 'process_instance_active_elements_idx', 'process_instance_definition_state_idx', 'process_instance_tenant_started_idx']) {
    await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  }
  await knex.schema.alterTable('process_instance', (t) => {
    t.dropColumn('completed_elements');
    t.dropColumn('active_elements');
  });
}
