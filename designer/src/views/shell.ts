/**
 * The signed-in page frame: the header shared with the inbox (ui-shared/app-header.ts: brand,
 * the designer's pages, the inbox link, user, language, log out) and the routed
 * page below it (#/ designer, #/packs pack admin, #/people admin console, #/kalender the working-day calendar, #/register the letter registers, #/pantau the console of
 * running cases and #/pantau/berkas/<id> one case). Owns routing and re-rendering on a language
 * switch; each page owns its own content and cleans up in destroy().
 */
import { logout, type Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { currentLang, setLang, t } from '../i18n/lang.js';
import { canModel as mayModel, renderAppHeader } from '../../../ui-shared/app-header.js';
import { mountDesigner } from './designer-view.js';
import { mountPacks } from './packs-view.js';
import { mountPeople } from './people-view.js';
import { mountStaffNotice } from './staff-view.js';
import { mountOperate } from './operate-view.js';
import { mountCalendar } from './calendar-view.js';
import { ct } from '../i18n/calendar-strings.js';
import { mountRegisters } from './registers-view.js';
import { rt } from '../i18n/register-strings.js';
import { canOperate } from './operate-common.js';
import { ot } from '../i18n/operate-strings.js';

export interface View { destroy(): void }

let current: View | null = null;
let onHashChange: (() => void) | null = null;

/** Who may model and deploy: the others get a notice pointing to the inbox instead of the modeler. */
function canModel(session: Session): boolean {
  return mayModel(session.user.roles);
}

function isAdmin(session: Session): boolean {
  return session.user.roles.includes('admin') || session.user.roles.includes('platform-admin');
}

export function renderShell(root: HTMLElement, session: Session, onLoggedOut: () => void): void {
  const content = h('div', { className: 'shell-content', id: 'main', tabindex: '-1' });
  const page = () => (location.hash === '#/packs' ? 'packs' : location.hash === '#/people' ? 'people' : location.hash === '#/kalender' ? 'calendar' : location.hash === '#/register' ? 'registers' : location.hash.startsWith('#/pantau') ? 'pantau' : 'designer');
  const navLink = (hash: string, label: string, name: string) =>
    h('a', { href: hash, className: `nav-link alur-nav-link${page() === name ? ' active' : ''}`, 'data-nav': name }, label);

  const teardown = () => {
    current?.destroy();
    current = null;
    if (onHashChange) window.removeEventListener('hashchange', onHashChange);
    onHashChange = null;
  };

  // The header both apps share (ui-shared/app-header.ts); the designer adds its own pages.
  const header = h('header', {});
  renderAppHeader(header, {
    app: 'designer', lang: currentLang(), user: session.user, brandHref: '#/', main: content,
    nav: [navLink('#/', t('navDesigner'), 'designer'), canOperate(session) ? navLink('#/pantau', ot('navOperate'), 'pantau') : null, isAdmin(session) ? navLink('#/packs', t('navPacks'), 'packs') : null, isAdmin(session) ? navLink('#/people', t('navPeople'), 'people') : null, navLink('#/kalender', ct('navCalendar'), 'calendar'), canModel(session) ? navLink('#/register', rt('navRegisters'), 'registers') : null]
      .filter((link): link is HTMLAnchorElement => link !== null),
    onLang: (lang) => {
      setLang(lang);
      teardown();
      renderShell(root, session, onLoggedOut);
    },
    onLogout: () => { teardown(); logout(); onLoggedOut(); },
  });

  replaceChildren(root, header, content);

  const show = () => {
    current?.destroy();
    content.replaceChildren();
    for (const link of Array.from(header.querySelectorAll('.nav-link'))) link.classList.toggle('active', (link as HTMLElement).dataset.nav === page());
    const name = page();
    current = name === 'packs' ? mountPacks(content, session) : name === 'people' ? mountPeople(content, session) : name === 'calendar' ? mountCalendar(content, session) : name === 'registers' ? mountRegisters(content, session) : name === 'pantau' ? mountOperate(content, session) : canModel(session) ? mountDesigner(content, session) : mountStaffNotice(content);
  };
  onHashChange = show;
  window.addEventListener('hashchange', show);
  show();
}
