/** The admin console's calls (API 1.1 "People and groups"): users, groups, the audit. */
import { apiJson } from './api.js';

export interface Person {
  username: string; tenant: string | null; roles: string[]; groups: string[];
  displayName: string; nip: string | null; jabatan: string | null; email: string | null; active: boolean;
}
export interface Group { id: string; name: string; parent: string | null; members: number }
export interface Page<T> { items: T[]; total: number }

const qs = (params: Record<string, string | undefined>) => {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
};

export const searchPeople = (q: string, group?: string) => apiJson<Page<Person>>('GET', `/api/users${qs({ q, group, limit: '200' })}`);
export const createPerson = (body: Partial<Person> & { username: string; password: string; roles: string[] }) => apiJson<Person>('POST', '/api/users', body);
export const changePerson = (username: string, patch: Record<string, unknown>) => apiJson<Person>('PATCH', `/api/users/${encodeURIComponent(username)}`, patch);
export const listAllGroups = () => apiJson<Page<Group>>('GET', '/api/groups');
export const createGroup = (body: { id: string; name?: string; parent?: string | null }) => apiJson<Group>('POST', '/api/groups', body);
export const changeGroup = (id: string, patch: { name?: string; parent?: string | null }) => apiJson<Group>('PATCH', `/api/groups/${encodeURIComponent(id)}`, patch);
export interface Tenant { id: string; name: string; localPasswords?: boolean; singleSignOn?: boolean }
export const listTenants = () => apiJson<Page<Tenant>>('GET', '/api/tenants');
export const createTenant = (body: Tenant) => apiJson<Tenant>('POST', '/api/tenants', body);
export const deleteGroup = (id: string) => apiJson<void>('DELETE', `/api/groups/${encodeURIComponent(id)}`);
export const changeTenant = (id: string, patch: { localPasswords?: boolean }) => apiJson<Tenant>('PATCH', `/api/tenants/${encodeURIComponent(id)}`, patch);
