/**
 * Calls behind "Mulai berkas" and "Data permohonan" (API.md 1.1, "Starting a case"): what the
 * user may start, its start form, the start itself, and a case's data for whoever handles it.
 */
import { get, post, query, type Page } from './api.js';
import type { FormSchema, Task } from './types.js';

export interface StartableProcess {
  processKey: string;
  name: string | null;
  version: number;
  definitionId: string;
  startFormId: string | null;
  registrationNumber?: boolean;
}

export interface StartedCase {
  id: string;
  processKey: string;
  businessKey: string | null;
  state: string;
  startedAt: string;
  /** The tasks the start opened that the caller may work. */
  tasks: Task[];
}

export interface CaseField { key: string; label: string; value: unknown; valueLabel?: string | string[] }
export interface CaseStep { taskId: string; elementId: string; name: string | null; completedBy: string | null; completedByName?: string | null; completedAt: string; formId: string | null; fields: CaseField[] }
export interface CaseData {
  start: { formId: string; version: number; schema: FormSchema; values: Record<string, unknown> } | null;
  steps: CaseStep[];
  truncated: boolean;
}

/** Everything the user may start (a tenant has dozens of services at most; one page of 500). */
export const listStartable = (): Promise<Page<StartableProcess>> => get(`startable-processes${query({ limit: 500 })}`);
export const getStartForm = (definitionId: string): Promise<{ schema: FormSchema }> => get(`process-definitions/${encodeURIComponent(definitionId)}/start-form`);
export const startCase = (processKey: string, version: number, variables: Record<string, unknown>): Promise<StartedCase> =>
  post('process-instances', { processKey, version, variables });
export const getCaseData = (instanceId: string): Promise<CaseData> => get(`process-instances/${encodeURIComponent(instanceId)}/data`);
