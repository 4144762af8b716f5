/**
 * Hash routes of the inbox: `#/tasks?tab=&sort=&q=&page=` (the list), `#/task/<id>` (one task),
 * `#/mulai` (the services the user may start), `#/mulai/<processKey>` (one start form) and
 * `#/akun` (the user's own name, e-mail and password).
 * Hash routing keeps the page a set of static files the engine can serve from /inbox/ without
 * rewrites, and keeps list state in the URL so Back and bookmarks work. Parsing only.
 */
import type { TaskFilter, TaskSort } from './types.js';

export type Route =
  | { view: 'list'; tab: TaskFilter; sort: TaskSort; q: string; page: number }
  | { view: 'task'; id: string }
  | { view: 'start' }
  | { view: 'start-form'; processKey: string }
  | { view: 'account' };

const tabs: TaskFilter[] = ['mine', 'candidate', 'all', 'done'];
const sorts: TaskSort[] = ['dueDate', 'priority', 'createdAt'];

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const taskMatch = path.match(/^\/task\/([^/]+)$/);
  if (taskMatch) return { view: 'task', id: decodeURIComponent(taskMatch[1]) };
  if (path === '/mulai') return { view: 'start' };
  if (path === '/akun') return { view: 'account' };
  const startMatch = path.match(/^\/mulai\/([^/]+)$/);
  if (startMatch) return { view: 'start-form', processKey: decodeURIComponent(startMatch[1]) };
  const params = new URLSearchParams(search);
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'mine';
  const sort = sorts.find((x) => x === params.get('sort')) ?? 'dueDate';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { view: 'list', tab, sort, q: params.get('q') ?? '', page };
}

export function listHref(route: { tab: TaskFilter; sort: TaskSort; q: string; page: number }): string {
  const params = new URLSearchParams({ tab: route.tab, sort: route.sort });
  if (route.q) params.set('q', route.q);
  if (route.page > 1) params.set('page', String(route.page));
  return `#/tasks?${params}`;
}

export function taskHref(id: string): string {
  return `#/task/${encodeURIComponent(id)}`;
}

/** "Mulai berkas": the services the user may start, and one service's start form. */
export function startListHref(): string {
  return '#/mulai';
}

export function startHref(processKey: string): string {
  return `#/mulai/${encodeURIComponent(processKey)}`;
}

/** "Akun saya": the user's own name, e-mail and password. */
export function accountHref(): string {
  return '#/akun';
}
