/**
 * The list of migrations, in order, as a knex migration source. Listing them explicitly (instead of
 * letting knex scan the folder) works the same under tsx, mocha and a bundled build.
 * An applied migration is never edited; add a new file and append it here.
 */
import type { Knex } from 'knex';
import * as identity from './20261129000100_identity.js';
import * as definitions from './20261129000200_definitions.js';
import * as runtime from './20261129000300_runtime.js';
import * as inboxKeys from './20261129000400_inbox_candidate_keys.js';
import * as inboxSort from './20261129000500_inbox_sort_indexes.js';
import * as taskForm from './20261129000600_task_form_version.js';
import * as assertFn from './20261129000700_assert_function.js';
import * as searchTrgm from './20261129000800_inbox_search_trigrams.js';
import * as numberCounters from './20261206233008_number_counters.js';
import * as operateProjections from './20261207030000_operate_projections.js';
import * as people from './20261207031500_people.js';
import * as calendars from './20261207034000_working_day_calendars.js';
import * as documents from './20261207040000_documents.js';
import * as workingDayDue from './20261207041000_working_day_due_dates.js';
import * as definitionSuspension from './20261207041347_definition_suspension.js';
import * as singleSignOn from './20261207063000_single_sign_on.js';
import * as documentVersionsSigning from './20261207064500_document_versions_signing.js';
import * as caseSla from './20261207065712_case_sla.js';
import * as letters from './20261207070000_letters.js';
import * as letterRegisters from './20261207101500_letter_registers.js';
import * as operateTenantIndexes from './20261207070100_operate_tenant_indexes.js';
import * as userTaskUnreadIndexes from './20261207160000_user_task_unread_indexes.js';
import * as tenantTrigramsPlpgsql from './20261207160100_tenant_trigrams_plpgsql.js';
import * as taskWorkingDayPlan from './20261207093000_task_working_day_plan.js';
import * as incidentParams from './20261207100000_incident_params.js';
import * as instanceTrigramsKeyed from './20261207200000_instance_trigrams_keyed.js';

type Migration = { up(knex: Knex): Promise<void>; down(knex: Knex): Promise<void> };

const MIGRATIONS: [string, Migration][] = [
  ['20261129000100_identity', identity],
  ['20261129000200_definitions', definitions],
  ['20261129000300_runtime', runtime],
  ['20261129000400_inbox_candidate_keys', inboxKeys],
  ['20261129000500_inbox_sort_indexes', inboxSort],
  ['20261129000600_task_form_version', taskForm],
  ['20261129000700_assert_function', assertFn],
  ['20261129000800_inbox_search_trigrams', searchTrgm],
  ['20261206233008_number_counters', numberCounters],
  ['20261207030000_operate_projections', operateProjections],
  ['20261207031500_people', people],
  ['20261207034000_working_day_calendars', calendars],
  ['20261207040000_documents', documents],
  ['20261207041000_working_day_due_dates', workingDayDue],
  ['20261207041347_definition_suspension', definitionSuspension],
  ['20261207063000_single_sign_on', singleSignOn],
  ['20261207064500_document_versions_signing', documentVersionsSigning],
  ['20261207065712_case_sla', caseSla],
  ['20261207070000_letters', letters],
  ['20261207070100_operate_tenant_indexes', operateTenantIndexes],
  ['20261207093000_task_working_day_plan', taskWorkingDayPlan],
  ['20261207100000_incident_params', incidentParams],
  ['20261207101500_letter_registers', letterRegisters],
  ['20261207160000_user_task_unread_indexes', userTaskUnreadIndexes],
  ['20261207160100_tenant_trigrams_plpgsql', tenantTrigramsPlpgsql],
  ['20261207200000_instance_trigrams_keyed', instanceTrigramsKeyed],
];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => MIGRATIONS,
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};

export const migrationNames = MIGRATIONS.map(([name]) => name);
