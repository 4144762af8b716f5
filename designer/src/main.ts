/**
 * The designer's entry point: shows the login page or, with a session, the signed-in frame.
 * Owns nothing else; every page lives in views/.
 */
import { currentSession } from './api.js';
import { currentLang, setLang } from './i18n/lang.js';
import { renderLogin } from './views/login.js';
import { renderShell } from './views/shell.js';

const root = document.getElementById('app') as HTMLElement;

function start(): void {
  setLang(currentLang());
  const session = currentSession();
  if (session) renderShell(root, session, start);
  else renderLogin(root, start);
}

window.addEventListener('alur:logged-out', start);
start();
