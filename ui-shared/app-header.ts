/**
 * The one header of Alur's two browser apps, the designer (/designer/) and the inbox (/inbox/):
 * the brand with the app's name, the app's own navigation, the link to the other app, and the
 * user menu — who is signed in (linking to "Akun saya" in the inbox), the language and signing out
 * — in the same order and colours (app-header.css) in both. Each app keeps its own session and
 * language store and passes what to show and what to do; this module owns only the header's DOM.
 * The header is one row at every width: on a phone the other app, the language and signing out
 * fold into a menu behind a button beside the account badge, and the app's pages scroll sideways
 * when they do not fit (test/browser/app-header.spec.ts measures 390 and 1440 px).
 */
import { headerText, type HeaderKey, type HeaderLang } from './header-strings.js';

/** `tenantName` (the login's): shown in the header; the id stands in for a session saved without it. */
export interface HeaderUser { username: string; displayName?: string; tenant: string; tenantName?: string | null; roles: string[]; groups?: string[] }

export interface AppHeaderOptions {
  app: 'designer' | 'inbox';
  lang: HeaderLang;
  /** Null before signing in: only the brand and the language picker are shown. */
  user: HeaderUser | null;
  /** Where the brand leads (the app's start page). */
  brandHref: string;
  /** The app's own navigation links (built by the app; class `alur-nav-link`). */
  nav?: HTMLElement[];
  /** The element the "skip to content" link focuses. */
  main?: HTMLElement;
  /** True while the inbox shows "Akun saya" (the account link is then the current page). */
  onAccountPage?: boolean;
  onLang(lang: HeaderLang): void;
  onLogout(): void;
}

/** Who may model and deploy: they see the designer link; everyone else works in the inbox. */
export function canModel(roles: string[]): boolean {
  return ['analyst', 'admin', 'platform-admin'].some((role) => roles.includes(role));
}

const INBOX = '/inbox/';
const DESIGNER = '/designer/index.html';
const ACCOUNT = '#/akun';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | null | undefined> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== null && value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** Up to two initials of a name (a phone's header shows them instead of the name). */
export function initials(name: string): string {
  const words = name.replace(/,.*$/, '').split(/[\s._-]+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : name.slice(0, 2)).toUpperCase();
}

/** Fills `header` with the shared header; call again to redraw (language switch, new user). */
export function renderAppHeader(header: HTMLElement, options: AppHeaderOptions): void {
  const text = (key: HeaderKey, values?: Record<string, string>) => headerText(options.lang, key, values);
  const { user } = options;
  header.className = 'alur-header';
  header.dataset.app = options.app;

  const skip = options.main ? el('a', { class: 'alur-skip', href: `#${options.main.id || 'main'}` }, text('skip')) : null;
  skip?.addEventListener('click', (event) => { event.preventDefault(); options.main?.focus(); });

  const appName = text(options.app === 'designer' ? 'designerName' : 'inboxName');
  const brand = el('a', { class: 'alur-brand', href: options.brandHref },
    el('span', { class: 'alur-brand-mark', 'aria-hidden': 'true' }, 'A'),
    el('span', { class: 'alur-brand-name' }, 'Alur'),
    el('span', { class: 'alur-brand-app' }, appName));

  // The other app: the inbox for everyone signed in to the designer, the designer for those who model.
  const otherApp = !user ? null
    : options.app === 'designer' ? el('a', { class: 'alur-app-link', href: INBOX, 'data-nav': 'inbox' }, text('inboxName'))
      : canModel(user.roles) ? el('a', { class: 'alur-app-link', href: DESIGNER, 'data-nav': 'designer' }, text('designerName')) : null;

  const name = user ? user.displayName || user.username : '';
  const tenant = user ? user.tenantName || user.tenant : '';
  const groups = user?.groups?.length ? text('groups', { groups: user.groups.join(', ') }) : '';
  const who = user ? el('a', {
    class: 'who-am-i', 'data-testid': 'user', 'data-groups': (user.groups ?? []).join(','),
    // The account page lives in the inbox; from the designer it opens there.
    href: options.app === 'inbox' ? ACCOUNT : `${INBOX}${ACCOUNT}`,
    'aria-label': `${text('account')}: ${name}`,
    // The name and the tenant's name are cut short with an ellipsis when long; the title has them whole.
    title: [text('account'), name, tenant, groups].filter(Boolean).join(' · '),
    'aria-current': options.onAccountPage ? 'page' : null,
  }, el('strong', {}, name), el('span', { class: 'tenant' }, tenant), el('span', { class: 'initials', 'aria-hidden': 'true' }, initials(name))) : null;

  const select = el('select', { id: 'lang', class: 'alur-lang', 'data-testid': 'language', 'aria-label': text('language') },
    el('option', { value: 'id' }, 'Bahasa Indonesia'), el('option', { value: 'en' }, 'English'));
  select.value = options.lang;
  select.addEventListener('change', () => options.onLang(select.value as HeaderLang));

  const logout = user ? el('button', { type: 'button', class: 'alur-logout', 'data-action': 'logout' }, text('logout')) : null;
  logout?.addEventListener('click', () => options.onLogout());

  // Signed in: the account badge stays in the row; the rest sits in `more`, which is part of the
  // row on a wide screen (display: contents) and the toggle's drop-down panel on a phone.
  const toggle = user ? el('button', {
    type: 'button', class: 'alur-menu-toggle', 'aria-expanded': 'false', 'aria-controls': MORE_ID, 'aria-label': text('menu'), title: text('menu'),
  }, el('span', { 'aria-hidden': 'true' }, '☰')) : null;
  toggle?.addEventListener('click', () => setMenuOpen(header, !header.classList.contains(OPEN)));
  // On a phone the badge shows initials only: the panel says who and in which tenant, in full.
  const whoInFull = user ? el('p', { class: 'alur-more-who' }, el('strong', {}, name), el('span', {}, tenant)) : null;
  const menu = user ? [who, toggle, el('div', { class: 'alur-more', id: MORE_ID }, whoInFull, otherApp, select, logout)] : [select];
  wireMenuClosing(header);

  header.replaceChildren(...[
    skip, brand,
    el('nav', { class: 'alur-nav', 'aria-label': appName }, ...(options.nav ?? [])),
    el('div', { class: 'alur-user-menu' }, ...menu),
  ].filter((node): node is HTMLElement => node !== null));
}

const OPEN = 'alur-menu-open';
const MORE_ID = 'alur-more';

function setMenuOpen(header: HTMLElement, open: boolean): void {
  header.classList.toggle(OPEN, open);
  header.querySelector('.alur-menu-toggle')?.setAttribute('aria-expanded', String(open));
}

/** Headers whose menu closes on Escape and on a click elsewhere (wired once per header element). */
const wired = new WeakSet<HTMLElement>();

function wireMenuClosing(header: HTMLElement): void {
  if (wired.has(header)) return;
  wired.add(header);
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !header.classList.contains(OPEN)) return;
    setMenuOpen(header, false);
    header.querySelector<HTMLElement>('.alur-menu-toggle')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (header.classList.contains(OPEN) && !header.contains(event.target as Node)) setMenuOpen(header, false);
  });
}
