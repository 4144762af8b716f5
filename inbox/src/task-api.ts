/**
 * Task and case calls the inbox makes (API.md, "Tasks" and "Process instances"). Lists are always
 * paged on the server (limit/offset, sorted and searched there), so a tenant with tens of
 * thousands of tasks costs one small page per request; the inbox never fetches everything.
 */
import { get, post, query, type Page } from './api.js';
import type { HistoryItem, ProcessDefinition, ProcessInstance, Task, TaskDetail, TaskFilter, TaskSort } from './types.js';

export const PAGE_SIZE = 20;

/** Sort order per sort key: the nearest deadline, the highest priority, the newest task first. */
const orders: Record<TaskSort, 'asc' | 'desc'> = { dueDate: 'asc', priority: 'desc', createdAt: 'desc' };

/** The API query behind a tab. */
function tabQuery(tab: TaskFilter): { filter: string; state: string } {
  return tab === 'done' ? { filter: 'mine', state: 'completed' } : { filter: tab, state: 'open' };
}

export function listTasks(tab: TaskFilter, sort: TaskSort, q: string, page: number): Promise<Page<Task>> {
  // Completed tasks read best newest first, whatever the sort chosen for open work.
  const order = tab === 'done' ? { sort: 'createdAt' as TaskSort, order: 'desc' } : { sort, order: orders[sort] };
  return get(`tasks${query({ ...tabQuery(tab), ...order, q: q.trim(), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
}

/** The count for a tab: one row is enough, since the answer carries `total`. */
export async function countTasks(tab: TaskFilter, q: string): Promise<number> {
  const page = await get<Page<Task>>(`tasks${query({ ...tabQuery(tab), q: q.trim(), limit: 1 })}`);
  return page.total;
}

export const getTask = (id: string): Promise<TaskDetail> => get(`tasks/${encodeURIComponent(id)}`);
export const claimTask = (id: string): Promise<unknown> => post(`tasks/${encodeURIComponent(id)}/claim`);
export const unclaimTask = (id: string): Promise<unknown> => post(`tasks/${encodeURIComponent(id)}/unclaim`);
export const assignTask = (id: string, assignee: string): Promise<unknown> => post(`tasks/${encodeURIComponent(id)}/assign`, { assignee });
export const completeTask = (id: string, variables: Record<string, unknown>): Promise<unknown> =>
  post(`tasks/${encodeURIComponent(id)}/complete`, { variables });

export const getInstance = (id: string): Promise<ProcessInstance> => get(`process-instances/${encodeURIComponent(id)}`);
export const getHistory = (id: string): Promise<Page<HistoryItem> | { items: HistoryItem[] }> =>
  get(`process-instances/${encodeURIComponent(id)}/history`);

/** The XML of the definition an instance runs: by its id when the server gives it, else by key and version. */
export async function getDefinitionXml(instance: ProcessInstance): Promise<string> {
  if (instance.processDefinitionId) return get<string>(`process-definitions/${encodeURIComponent(instance.processDefinitionId)}/xml`);
  const { processKey, version } = instance;
  const page = await get<Page<ProcessDefinition>>(`process-definitions${query({ key: processKey, limit: 500 })}`);
  const definition = page.items.find((d) => d.key === processKey && d.version === version)
    ?? page.items.find((d) => d.key === processKey);
  if (!definition) throw new Error(`no definition ${processKey} v${version}`);
  return get<string>(`process-definitions/${encodeURIComponent(definition.id)}/xml`);
}

export interface Colleague { username: string; displayName: string; jabatan: string | null }

/**
 * Colleagues who could cover a task (Plt/Plh): the active members of its groups, with names and
 * jabatan; null when the server cannot say (an API before 1.1), and a username is typed instead.
 */
export async function colleagues(taskId: string): Promise<Colleague[] | null> {
  try {
    return (await get<Page<Colleague>>(`tasks/${encodeURIComponent(taskId)}/colleagues`)).items ?? [];
  } catch {
    return null;
  }
}
