/** The console's calls (API 1.1 "Operating running cases"): counts, statistics, search, one case and its actions. */
import { apiJson, definitionXml } from './api.js';
import type { CaseDataLabels } from '../../ui-shared/case-values.js';

export interface Page<T> { items: T[]; total: number }
export interface DefinitionWithCounts { id: string; key: string; version: number; name: string | null; deployedAt: string; counts: { active: number; incidents: number } }
export interface ElementCount { elementId: string; active: number; incidents: number; completed: number }
export interface CaseSummary {
  id: string; processKey: string; version: number; processDefinitionId: string; businessKey: string | null;
  state: string; startedBy: string | null; startedAt: string; endedAt: string | null;
  sla?: { state: string; workingDaysLeft?: number | null } | null;
}
export interface Incident { id: string; processInstanceId: string; elementId: string; type: string; message: string; createdAt: string }
export interface CaseDetail extends CaseSummary { variables: Record<string, unknown>; activeElements: string[]; incidents: Incident[] }
export interface HistoryItem { at: string; type: string; elementId?: string; user?: string; userName?: string; assigneeName?: string; data?: Record<string, any> }
export interface CaseFilter {
  q?: string; state?: string; processKey?: string; processDefinitionId?: string; version?: string;
  elementId?: string; hasIncident?: string; startedAfter?: string; startedBefore?: string; slaState?: string;
}
export interface Modification { terminate: { elementId: string }[]; activate: { elementId: string }[] }
export interface MigrationResult { migrated: boolean; errors: { element?: string; message: string }[] }

const qs = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};
const one = (id: string) => `/api/process-instances/${encodeURIComponent(id)}`;

export const definitionsWithCounts = () => apiJson<Page<DefinitionWithCounts>>('GET', '/api/process-definitions?counts=true&limit=500');
export const elementCounts = (definitionId: string) => apiJson<{ items: ElementCount[] }>('GET', `/api/process-definitions/${encodeURIComponent(definitionId)}/statistics`);
export const xmlOf = definitionXml;
export const searchCases = (filter: CaseFilter, limit: number, offset = 0) =>
  apiJson<Page<CaseSummary>>('GET', `/api/process-instances${qs({ ...filter, limit: String(limit), offset: String(offset) })}`);
export const caseDetail = (id: string) => apiJson<CaseDetail>('GET', one(id));
export const caseHistory = (id: string) => apiJson<{ items: HistoryItem[] }>('GET', `${one(id)}/history`);
/** The forms' labels of the case's values (the start form, and each completed step's fields). */
export const caseData = (id: string) => apiJson<CaseDataLabels>('GET', `${one(id)}/data`);
export const cancelCase = (id: string) => apiJson<CaseDetail>('POST', `${one(id)}/cancel`);
export const changeVariables = (id: string, variables: Record<string, unknown>, reason: string) => apiJson<CaseDetail>('PATCH', `${one(id)}/variables`, { variables, reason });
export const modifyCase = (id: string, mod: Modification) => apiJson<CaseDetail>('POST', `${one(id)}/modify`, mod);
export const migrateCase = (id: string, targetDefinitionId: string, mappings: { source: string; target: string }[], dryRun: boolean) =>
  apiJson<MigrationResult>('POST', `${one(id)}/migrate?dryRun=${dryRun}`, { targetDefinitionId, mappings });
export const retryIncident = (id: string) => apiJson<unknown>('POST', `/api/incidents/${encodeURIComponent(id)}/retry`);
export const resolveIncident = (id: string) => apiJson<unknown>('POST', `/api/incidents/${encodeURIComponent(id)}/resolve`);
export const retryIncidentsWhere = (filter: { processDefinitionId: string; elementId: string }) =>
  apiJson<{ retried: string[]; failed: { id: string; message: string }[]; remaining: number }>('POST', '/api/incidents/retry', filter);
export const versionsOf = (key: string) => apiJson<Page<{ id: string; key: string; version: number; name: string | null }>>('GET', `/api/process-definitions${qs({ key, limit: '500' })}`);
