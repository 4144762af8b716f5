/**
 * The task list view: tabs (mine / my groups' / all) with counts, sort, search, paging, and a poll
 * that brings new tasks in without a reload. Owns this view's DOM and timer; list state lives in
 * the URL (router.ts). It never fetches more than one page, and never decides who sees what: the
 * API filters by the caller, the tabs only pick which filter to ask for.
 */
import { ApiError } from './api.js';
import { fill, h } from './dom.js';
import { formatNumber, formatTime, t } from './i18n/index.js';
import { listHref, type Route } from './router.js';
import { maySeeAll, type User } from './session.js';
import { taskCard } from './task-card.js';
import { countTasks, listTasks, PAGE_SIZE } from './task-api.js';
import { processNames } from './process-names.js';
import { errorMessage } from './errors.js';
import type { Task, TaskFilter, TaskSort } from './types.js';

type ListRoute = Extract<Route, { view: 'list' }>;
export const POLL_MS = 4000;
const OTHER_COUNTS_EVERY = 3;

export function mountTaskList(root: HTMLElement, route: ListRoute, user: User): () => void {
  const tabs: TaskFilter[] = maySeeAll(user) ? ['mine', 'candidate', 'all', 'done'] : ['mine', 'candidate', 'done'];
  const tab = tabs.includes(route.tab) ? route.tab : 'mine';
  const go = (change: Partial<ListRoute>): void => {
    location.hash = listHref({ ...route, tab, ...change });
  };

  const counts = new Map<TaskFilter, HTMLElement>();
  const tabNav = h('nav', { class: 'tabs', 'aria-label': t('tabs.label') },
    ...tabs.map((filter) => {
      const count = h('span', { class: 'count', 'data-count': filter }, '–');
      counts.set(filter, count);
      return h('a', { class: 'tab', href: listHref({ ...route, tab: filter, page: 1 }), 'aria-current': filter === tab ? 'page' : null, 'data-tab': filter },
        h('span', {}, t(`tabs.${filter}`)), ' ', count);
    }));

  const search = h('input', { id: 'task-search', type: 'search', name: 'q', value: route.q, placeholder: t('search.placeholder'), autocomplete: 'off' });
  const searchForm = h('form', { class: 'search', role: 'search', onsubmit: (event: Event) => { event.preventDefault(); go({ q: search.value.trim(), page: 1 }); } },
    h('label', { for: 'task-search' }, t('search.label')),
    h('span', { class: 'search-row' }, search, h('button', { type: 'submit', class: 'button secondary' }, t('search.submit'))));

  const sortSelect = h('select', { id: 'task-sort', onchange: () => go({ sort: sortSelect.value as TaskSort, page: 1 }) },
    ...(['dueDate', 'priority', 'createdAt'] as TaskSort[]).map((key) => h('option', { value: key, selected: key === route.sort }, t(`sort.${key}`))));
  const sortField = h('div', { class: 'sort' }, h('label', { for: 'task-sort' }, t('sort.label')), sortSelect);

  const list = h('ul', { class: 'task-list', 'aria-labelledby': 'list-heading', 'aria-busy': 'true' });
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite' }, t('list.loading'));
  const pager = h('nav', { class: 'pager', 'aria-label': t('list.paging') });
  const updated = h('p', { class: 'updated' });

  fill(root,
    h('div', { class: 'list-head' }, h('h1', { id: 'list-heading' }, t('list.heading')), updated),
    tabNav,
    h('div', { class: 'toolbar' }, searchForm, tab === 'done' ? null : sortField),
    status, list, pager);

  let seen: Set<string> | null = null;
  let signature = '';
  let stopped = false;

  let polls = 0;
  /** Tasks waiting in the user's groups, for the empty "Tugas saya" to point to. */
  let groupTotal = 0;
  async function load(): Promise<void> {
    // The open tab's count comes with its page; the other tabs are counted on every third poll,
    // which keeps a poll at one or two small queries for a tenant with many tasks.
    const others = polls++ % OTHER_COUNTS_EVERY === 0 ? tabs.filter((filter) => filter !== tab) : [];
    try {
      const [names, page, ...totals] = await Promise.all([
        processNames(),
        listTasks(tab, route.sort, route.q, route.page),
        ...others.map((filter) => countTasks(filter, route.q)),
      ]);
      if (stopped) return;
      counts.get(tab)!.textContent = formatNumber(page.total);
      others.forEach((filter, i) => { counts.get(filter)!.textContent = formatNumber(totals[i]); });
      const candidates = others.indexOf('candidate');
      if (candidates >= 0) groupTotal = totals[candidates];
      const named = page.items.map((task) => ({ ...task, processName: task.processName ?? names.get(task.processKey) ?? null }));
      // The API sorted, searched and paged (task-api.ts): the page is shown as it came.
      render(named, page.total);
      updated.textContent = t('list.updated', { time: formatTime(new Date()) });
    } catch (error) {
      if (stopped || (error instanceof ApiError && error.status === 401)) return;
      status.textContent = errorMessage(error);
    }
  }

  function render(items: Task[], total: number): void {
    const fresh = seen ? items.filter((task) => !seen!.has(task.id)) : [];
    seen = new Set([...(seen ?? []), ...items.map((task) => task.id)]);
    const nextSignature = JSON.stringify([items, total]);
    list.setAttribute('aria-busy', 'false');
    if (total === 0 && tab === 'mine' && groupTotal > 0) {
      // An empty "Tugas saya" is where a newcomer starts: say where the work is.
      fill(status, `${t('list.emptyMine', { n: formatNumber(groupTotal) })} `, h('a', { href: listHref({ ...route, tab: 'candidate', page: 1 }), 'data-action': 'to-group' }, t('list.toGroup')));
    } else {
      status.textContent = total === 0 ? t('list.empty') : fresh.length ? t('list.new', { n: fresh.length }) : '';
    }
    if (nextSignature === signature) return;
    signature = nextSignature;
    // Keep keyboard focus on the same task when a poll re-renders the list under it.
    const focusedId = (document.activeElement?.closest('[data-task-id]') as HTMLElement | null)?.dataset.taskId;
    const now = new Date();
    fill(list, ...items.map((task) => taskCard(task, user.username, now, fresh.includes(task))));
    if (focusedId) list.querySelector<HTMLElement>(`[data-task-id="${CSS.escape(focusedId)}"] a`)?.focus();
    renderPager(total);
  }

  function renderPager(total: number): void {
    const from = total === 0 ? 0 : (route.page - 1) * PAGE_SIZE + 1;
    const to = Math.min(total, route.page * PAGE_SIZE);
    if (total <= PAGE_SIZE && route.page === 1) {
      fill(pager);
      return;
    }
    fill(pager,
      h('button', { type: 'button', class: 'button secondary', disabled: route.page <= 1, onclick: () => go({ page: route.page - 1 }) }, t('list.prev')),
      h('span', { class: 'range' }, t('list.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })),
      h('button', { type: 'button', class: 'button secondary', disabled: to >= total, onclick: () => go({ page: route.page + 1 }) }, t('list.next')));
  }

  void load();
  const timer = setInterval(() => { if (!document.hidden) void load(); }, POLL_MS);
  return () => { stopped = true; clearInterval(timer); };
}
