/**
 * Deployments, process definitions and forms. Rows are immutable once inserted; versions count up
 * per tenant and key. Callers insert inside one transaction so a failed deploy leaves nothing.
 */
import type { Db, Page, PageQuery } from './db.js';
import { paged } from './db.js';
import type { ProcessModel } from '../core/index.js';

export interface DefinitionRow {
  id: string;
  tenant_id: string;
  deployment_id: string;
  key: string;
  version: number;
  name: string | null;
  resource_name: string | null;
  xml: string;
  checksum: string;
  model: ProcessModel;
  deployed_at: Date;
  /** Set while the definition is suspended: no new instances, no timer starts (service/suspension.ts). */
  suspended_at?: Date | null;
  suspended_by?: string | null;
}

/** A definition without its XML and model (models come from the ModelCache; XML only for download). */
export type DefinitionHead = Omit<DefinitionRow, 'xml' | 'model'>;
const HEAD = ['id', 'tenant_id', 'deployment_id', 'key', 'version', 'name', 'resource_name', 'checksum', 'deployed_at', 'suspended_at', 'suspended_by'];

export interface FormRow {
  id: string;
  tenant_id: string;
  deployment_id: string;
  form_id: string;
  version: number;
  schema: Record<string, unknown>;
  checksum: string;
  deployed_at: Date;
}

export async function insertDeployment(db: Db, row: { id: string; tenant_id: string; deployed_by: string | null; created_at: Date }): Promise<void> {
  await db('deployment').insert(row);
}

/** Inserts a definition; a concurrent deploy of the same key+version fails on the unique index. */
export async function insertDefinition(db: Db, row: DefinitionRow): Promise<void> {
  await db('process_definition').insert({ ...row, model: JSON.stringify(row.model) });
}

/** The latest definition of `key` in the tenant (without XML and model), or undefined. */
export async function latestDefinition(db: Db, tenant: string, key: string): Promise<DefinitionHead | undefined> {
  return db('process_definition').where({ tenant_id: tenant, key }).orderBy('version', 'desc').first(HEAD);
}

export async function definitionVersion(db: Db, tenant: string, key: string, version: number): Promise<DefinitionHead | undefined> {
  return db('process_definition').where({ tenant_id: tenant, key, version }).first(HEAD);
}

/** A definition by id within the tenant (another tenant's id is simply not found). */
export async function findDefinition(db: Db, tenant: string, id: string): Promise<DefinitionRow | undefined> {
  return db('process_definition').where({ tenant_id: tenant, id }).first();
}

/** Suspends (`at` set) or resumes (`at` null) definition `id` of the tenant; false when there is none. */
export async function setSuspended(db: Db, tenant: string, id: string, at: Date | null, by: string | null): Promise<boolean> {
  const n = await db('process_definition').where({ tenant_id: tenant, id }).update({ suspended_at: at, suspended_by: by });
  return Number(n) > 0;
}

/** A definition by id regardless of tenant: only for loading models of rows already scoped. */
export async function findDefinitionById(db: Db, id: string): Promise<DefinitionRow | undefined> {
  return db('process_definition').where({ id }).first();
}

/** Definitions without xml/model, newest first; `latest` keeps only the highest version per key. */
export async function listDefinitions(db: Db, tenant: string, filter: { key?: string; latest?: boolean }, page: PageQuery): Promise<Page<Omit<DefinitionRow, 'xml' | 'model'>>> {
  const q = db('process_definition as d').where('d.tenant_id', tenant)
    .select(HEAD.map((c) => `d.${c}`));
  if (filter.key) q.andWhere('d.key', filter.key);
  if (filter.latest) {
    q.whereNotExists(function () {
      this.select(1).from('process_definition as n').whereRaw('n.tenant_id = d.tenant_id and n.key = d.key and n.version > d.version');
    });
  }
  return paged(q, page, (x) => x.orderBy([{ column: 'd.key' }, { column: 'd.version', order: 'desc' }]));
}

/** Latest definitions of every key in the tenant (for message/signal start events; models from the cache). */
export async function latestDefinitions(db: Db, tenant: string): Promise<DefinitionHead[]> {
  return db('process_definition as d').where('d.tenant_id', tenant).whereNotExists(function () {
    this.select(1).from('process_definition as n').whereRaw('n.tenant_id = d.tenant_id and n.key = d.key and n.version > d.version');
  }).select(HEAD.map((c) => `d.${c}`));
}

/** The start fields of a process's model (ProcessModel: noneStart, startFormId, starters, businessKeyFormat). */
export interface StartInfo {
  id: string;
  key: string;
  version: number;
  name: string | null;
  none_start: string | null;
  start_form_id: string | null;
  starters: string[] | null;
  business_key_format: string | null;
}

/** The start fields of the latest version of every process of the tenant, read from the stored models in one query. */
export async function latestStartInfo(db: Db, tenant: string): Promise<StartInfo[]> {
  return db('process_definition as d').where('d.tenant_id', tenant).whereNotExists(function () {
    this.select(1).from('process_definition as n').whereRaw('n.tenant_id = d.tenant_id and n.key = d.key and n.version > d.version');
  }).select('d.id', 'd.key', 'd.version', 'd.name', db.raw("d.model->>'noneStart' as none_start"), db.raw("d.model->>'startFormId' as start_form_id"),
    db.raw("d.model->'starters' as starters"), db.raw("d.model->>'businessKeyFormat' as business_key_format"));
}

export async function insertForm(db: Db, row: FormRow): Promise<void> {
  await db('form').insert({ ...row, schema: JSON.stringify(row.schema) });
}

/** The latest version of a form in the tenant, or undefined. */
export async function latestForm(db: Db, tenant: string, formId: string): Promise<FormRow | undefined> {
  return db('form').where({ tenant_id: tenant, form_id: formId }).orderBy('version', 'desc').first();
}

/** The form a task shows and is checked against: the version pinned when it opened, else the newest. */
export async function formOfTask(db: Db, task: { tenant_id: string; form_id: string | null; form_ref?: string | null }): Promise<FormRow | undefined> {
  if (!task.form_id) return undefined;
  if (task.form_ref) return db('form').where({ tenant_id: task.tenant_id, id: task.form_ref }).first();
  return latestForm(db, task.tenant_id, task.form_id);
}
