/**
 * Sorting and searching of one page of tasks, in the page. The API is asked to sort and search
 * (`sort`, `order`, `q`) so paging stays right over tens of thousands of tasks; applying the same
 * order and filter to the page it returns changes nothing when it did, and keeps the page sensible
 * where a server does not (yet) support them. Pure: no DOM, no requests.
 */
import type { Task, TaskSort } from './types.js';

export function matchesSearch(task: Task, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [task.businessKey, task.processKey, task.processName, task.name]
    .some((text) => (text ?? '').toLowerCase().includes(needle));
}

/** Earliest deadline first (none last), highest priority first, newest first; ties keep API order. */
export function compareTasks(sort: TaskSort): (a: Task, b: Task) => number {
  if (sort === 'priority') return (a, b) => (b.priority ?? 50) - (a.priority ?? 50);
  if (sort === 'createdAt') return (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
  return (a, b) => due(a) - due(b);
}

function due(task: Task): number {
  const at = task.dueDate ? Date.parse(task.dueDate) : Number.NaN;
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}

export interface PageView {
  items: Task[];
  /** True when the server returned tasks that do not match the search: it did not search. */
  searchedLocally: boolean;
}

export function viewOfPage(items: Task[], sort: TaskSort | null, q: string): PageView {
  const matching = items.filter((task) => matchesSearch(task, q));
  const ordered = sort ? [...matching].sort(compareTasks(sort)) : matching;
  return { items: ordered, searchedLocally: matching.length !== items.length };
}
