/**
 * Incidents: opened and resolved only by the service applying incident effects.
 */
import type { Knex } from 'knex';
import type { Db, Page, PageQuery } from './db.js';
import { paged } from './db.js';

export interface IncidentRow {
  id: string;
  tenant_id: string;
  instance_id: string;
  key: number;
  element_id: string;
  type: string;
  message: string;
  /** The message's numbers and names (IncidentParams), for its text in the reader's language; null on rows from before. */
  params?: Record<string, string | number> | null;
  state: 'open' | 'resolved';
  created_at: Date;
  resolved_at: Date | null;
}

/** Opens an incident; re-opening the same instance+key (a new failure after a retry) reopens the row. */
export function openIncident(db: Db, row: IncidentRow): Knex.QueryBuilder {
  return db('incident').insert({ ...row, params: row.params ? JSON.stringify(row.params) : null }).onConflict(['instance_id', 'key']).merge(['message', 'params', 'state', 'created_at', 'resolved_at', 'type', 'element_id']);
}

/** Resolves the open incident of instance+key; running twice is harmless. */
export function resolveIncident(db: Db, instanceId: string, key: number, at: Date): Knex.QueryBuilder {
  return db('incident').where({ instance_id: instanceId, key, state: 'open' }).update({ state: 'resolved', resolved_at: at });
}

export async function findIncident(db: Db, tenant: string, id: string): Promise<IncidentRow | undefined> {
  return db('incident').where({ tenant_id: tenant, id }).first();
}

export interface IncidentFilter {
  processInstanceId?: string; state: 'open' | 'resolved';
  /** Operating (API.md 1.1): where and what — the instance's process and version, the element, the kind. */
  processKey?: string; processDefinitionId?: string; elementId?: string; type?: string;
}

export async function listIncidents(db: Db, tenant: string, f: IncidentFilter, page: PageQuery): Promise<Page<IncidentRow>> {
  const q = db('incident as x').where({ 'x.tenant_id': tenant, 'x.state': f.state }).select('x.*');
  if (f.processInstanceId) q.andWhere('x.instance_id', f.processInstanceId);
  if (f.elementId) q.andWhere('x.element_id', f.elementId);
  if (f.type) q.andWhere('x.type', f.type);
  if (f.processKey || f.processDefinitionId) {
    q.join('process_instance as i', 'i.id', 'x.instance_id');
    if (f.processKey) q.andWhere('i.process_key', f.processKey);
    if (f.processDefinitionId) q.andWhere('i.definition_id', f.processDefinitionId);
  }
  return paged(q, page, (x) => x.orderBy([{ column: 'x.created_at' }, { column: 'x.id' }]));
}

/** Open incidents of one instance. */
export async function openIncidentsOf(db: Db, instanceId: string): Promise<IncidentRow[]> {
  return db('incident').where({ instance_id: instanceId, state: 'open' }).orderBy('created_at');
}
