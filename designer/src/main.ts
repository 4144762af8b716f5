/**
 * The designer's entry point: shows the login page or, with a session, the signed-in frame.
 * Owns nothing else; every page lives in views/.
 */
import { ApiError, currentSession, exchangeSso, logout } from './api.js';
import { h, replaceChildren } from './dom.js';
import { t } from './i18n/lang.js';
import { currentLang, setLang } from './i18n/lang.js';
import { renderLogin } from './views/login.js';
import { renderShell } from './views/shell.js';

const root = document.getElementById('app') as HTMLElement;

function start(): void {
  setLang(currentLang());
  const sso = location.hash.match(/^#\/sso\/([A-Za-z0-9_-]{1,100})$/);
  if (sso) {
    finishSso(sso[1]);
    return;
  }
  const session = currentSession();
  if (session) renderShell(root, session, start);
  else renderLogin(root, start);
}

/**
 * The end of a single sign-on: the server sent the browser here with a one-time code in the
 * fragment. The code leaves the address bar and the history at once, then becomes the session —
 * or the login page says why the sign-in was refused, in the words the server chose.
 */
function finishSso(code: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  logout();
  replaceChildren(root, h('main', { className: 'login-page' }, h('p', { className: 'login-card', role: 'status' }, t('loginSsoWorking'))));
  exchangeSso(code).then(() => start(), (failure) => {
    renderLogin(root, start, failure instanceof ApiError ? failure.message : String(failure));
  });
}

window.addEventListener('alur:logged-out', start);
start();
