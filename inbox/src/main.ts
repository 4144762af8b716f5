/**
 * The inbox's entry point: the page shell (header with user, language and sign-out; the main
 * region; a message area) and the route switch. Owns which view is mounted and unmounts the
 * previous one (stopping its poll, destroying form-js and bpmn-js). Holds no task data itself.
 */
import '@bpmn-io/form-js/dist/assets/form-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './styles.css';
import './styles-list.css';
import './styles-task.css';
import './styles-documents.css';
import './styles-phone.css';
import '../../ui-shared/app-header.css';
import { ApiError, exchangeSso, whenUnauthorized } from './api.js';
import { errorMessage } from './errors.js';
import { fill, focusFirst, h } from './dom.js';
import { renderAppHeader } from '../../ui-shared/app-header.js';
import { lang, onLangChange, setLang, t, type Lang } from './i18n/index.js';
import { mountLogin } from './login-view.js';
import { accountHref, listHref, parseRoute, startListHref } from './router.js';
import { clearSession, currentUser, saveSession, updateSessionUser } from './session.js';
import { forgetProcessNames } from './process-names.js';
import { mountTaskList } from './task-list.js';
import { mountTaskView } from './task-view.js';
import { mountStartList } from './start-list.js';
import { mountStartView } from './start-view.js';
import './styles-start.css';
import './styles-account.css';
import { mountAccountView } from './account-view.js';

const app = document.getElementById('app')!;
const main = h('main', { id: 'main', tabindex: '-1' });
const header = h('header', { class: 'topbar' });
const flashBox = h('div', { class: 'flash', role: 'status', 'aria-live': 'polite' });
let unmount: () => void = () => undefined;
const firstListHash = listHref({ tab: 'mine', sort: 'dueDate', q: '', page: 1 });
let lastListHash = firstListHash;
let pendingFlash = '';
let shownView = '';
/** Shown above the login form once: why a single sign-on was refused. */
let loginNotice = '';

function renderHeader(): void {
  const user = currentUser();
  renderAppHeader(header, {
    app: 'inbox', lang: lang(), user, brandHref: lastListHash, main,
    nav: user ? [h('a', { class: 'alur-nav-link', href: startListHref(), 'aria-current': location.hash.startsWith('#/mulai') ? 'page' : null }, t('nav.start'))] : [],
    onAccountPage: location.hash === accountHref(),
    onLang: (next) => setLang(next as Lang),
    onLogout: signOut,
  });
  document.title = `Alur · ${t('app.title')}`;
}

function route(): void {
  unmount();
  const sso = location.hash.match(/^#\/sso\/([A-Za-z0-9_-]{1,100})$/);
  if (sso) {
    finishSso(sso[1]);
    return;
  }
  renderHeader();
  const user = currentUser();
  if (!user) {
    shownView = 'login';
    const notice = loginNotice;
    loginNotice = '';
    unmount = mountLogin(main, (token, signedIn) => {
      saveSession(token, signedIn);
      forgetProcessNames();
      // Stay on a deep link to a task; otherwise show the list. Same hash means no hashchange.
      if (location.hash.startsWith('#/task') || location.hash === lastListHash) route();
      else location.hash = lastListHash;
    }, notice);
    return;
  }
  const current = parseRoute(location.hash);
  // Coming from another view, move focus to the new page's heading so screen readers announce it;
  // a new tab, sort or search of the same list keeps focus where the user is.
  const arrived = shownView !== current.view;
  shownView = current.view;
  if (current.view === 'list') {
    lastListHash = location.hash || lastListHash;
    unmount = mountTaskList(main, current, user);
    if (arrived) focusFirst(main, 'h1');
  } else if (current.view === 'start') {
    unmount = mountStartList(main);
  } else if (current.view === 'account') {
    unmount = mountAccountView(main, (displayName) => { updateSessionUser({ displayName }); renderHeader(); });
  } else if (current.view === 'start-form') {
    unmount = mountStartView(main, current.processKey, user);
  } else {
    unmount = mountTaskView(main, current.id, {
      user,
      flash: (message) => { pendingFlash = message; },
      backHref: () => lastListHash,
    });
  }
  fill(flashBox, pendingFlash ? h('p', {}, pendingFlash) : null);
  pendingFlash = '';
}

/**
 * The end of a single sign-on: the server sent the browser here with a one-time code in the
 * fragment. The code leaves the address bar and the history at once, then becomes a session — or
 * the login form says why the sign-in was refused, in the words the server chose for this language.
 */
function finishSso(code: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${lastListHash}`);
  clearSession();
  renderHeader();
  fill(main, h('p', { class: 'card login', role: 'status' }, t('login.sso-working')));
  unmount = () => undefined;
  exchangeSso(code).then(({ token, user }) => {
    saveSession(token, user);
    forgetProcessNames();
  }, (failure) => {
    loginNotice = failure instanceof ApiError && failure.problem.detail ? failure.problem.detail : errorMessage(failure);
  }).finally(route);
}

/**
 * Signing out forgets where the user was: on a shared front-desk computer the next person signs in
 * to the list, not to the previous user's task, search or start form. (A session that merely
 * expired keeps the address, so the same person signs in again where they were.)
 */
function signOut(): void {
  clearSession();
  forgetProcessNames();
  lastListHash = firstListHash;
  history.replaceState(null, '', `${location.pathname}${location.search}${firstListHash}`);
  route();
}

document.documentElement.lang = lang();
fill(app, header, flashBox, main);
whenUnauthorized(() => route());
// The header is redrawn in the new language; keep focus on the language picker the user just used.
onLangChange(() => { route(); document.getElementById('lang')?.focus(); });
window.addEventListener('hashchange', route);
route();
