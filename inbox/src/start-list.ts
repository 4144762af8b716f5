/**
 * "Mulai berkas": the services the user may start, as large tappable cards (a front desk often
 * works on a tablet or phone). What is listed is decided by the API (`alur:starters`); the page
 * only shows it. Owns this view's DOM.
 */
import { fill, focusFirst, h } from './dom.js';
import { errorMessage } from './errors.js';
import { t } from './i18n/index.js';
import { startHref } from './router.js';
import { listStartable, type StartableProcess } from './start-api.js';

export function mountStartList(root: HTMLElement): () => void {
  let stopped = false;
  const list = h('ul', { class: 'service-list', 'aria-labelledby': 'start-heading', 'aria-busy': 'true' });
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite' }, t('list.loading'));
  fill(root,
    h('div', { class: 'list-head' }, h('h1', { id: 'start-heading' }, t('start.heading'))),
    h('p', { class: 'start-intro' }, t('start.intro')),
    status, list);
  focusFirst(root, 'h1');

  listStartable().then((page) => {
    if (stopped) return;
    list.setAttribute('aria-busy', 'false');
    status.textContent = page.items.length ? '' : t('start.empty');
    fill(list, ...page.items.map(card));
  }, (error) => {
    if (!stopped) status.textContent = errorMessage(error);
  });
  return () => { stopped = true; };
}

function card(process: StartableProcess): HTMLLIElement {
  return h('li', { class: 'service', 'data-process': process.processKey },
    h('a', { class: 'service-link', href: startHref(process.processKey) },
      h('span', { class: 'service-name' }, process.name ?? process.processKey),
      h('span', { class: 'service-tags' },
        process.startFormId ? h('span', { class: 'tag' }, t('start.hasForm')) : null,
        process.registrationNumber ? h('span', { class: 'tag tag-number' }, t('start.numbered')) : null),
      h('span', { class: 'service-go', 'aria-hidden': 'true' }, `${t('start.open')} →`)));
}
