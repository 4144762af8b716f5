/**
 * An incident's text as data (issue 16): `params` holds the numbers and names its message carries
 * (engine/core/effects.ts IncidentParams), so the API writes the message in the reader's language
 * (engine/messages/catalog/incidents.ts). Rows from before have none: they show the kind's words
 * around the English message.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('incident', (t) => {
    t.jsonb('params').nullable().comment('IncidentParams of the message (engine/core/effects.ts); null before 2026-12-07.');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('incident', (t) => {
    t.dropColumn('params');
  });
}
