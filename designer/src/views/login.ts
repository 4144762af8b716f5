/**
 * The sign-in page. Owns the login form only; the session itself is kept by api.ts.
 * A failed login says so without telling which of name or password was wrong; a refusal the
 * server words itself (a tenant on single sign-on only) is shown as the server says it. With
 * single sign-on, one button per provider links to the server's start. `notice`: a message to
 * show first (a refused single sign-on). Above it, the header both apps share
 * (ui-shared/app-header.ts) with no one signed in yet: the brand and the language picker, in the
 * same place and colours as on the inbox's sign-in page.
 */
import { ApiError, login, ssoButtons, ssoStartHref, type SsoButton } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { currentLang, setLang, t } from '../i18n/lang.js';
import { renderAppHeader } from '../../../ui-shared/app-header.js';

export function renderLogin(root: HTMLElement, onLoggedIn: () => void, notice = ''): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { className: 'form-error', role: 'alert' }, notice);
  const sso = h('div', { className: 'login-sso', hidden: true });
  const submit = h('button', { type: 'submit', className: 'btn btn-primary btn-block' }, t('loginButton'));

  const form = h('form', { className: 'login-card' },
    h('h1', {}, t('loginTitle')),
    h('p', { className: 'muted' }, t('loginLead')),
    h('label', {}, t('username'), username),
    h('label', {}, t('password'), password),
    error,
    submit,
    sso,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await login(username.value.trim(), password.value);
      onLoggedIn();
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 401 ? t('loginFailed')
        : failure instanceof ApiError && failure.status === 403 ? failure.message : t('requestFailed', { detail: (failure as Error).message });
    } finally {
      submit.disabled = false;
    }
  });

  const main = h('main', { className: 'login-page', id: 'main', tabindex: '-1' }, form);
  const header = h('header', {});
  renderAppHeader(header, {
    app: 'designer', lang: currentLang(), user: null, brandHref: '#/', main,
    onLang: (lang) => { setLang(lang); renderLogin(root, onLoggedIn, notice); },
    onLogout: () => undefined,
  });
  replaceChildren(root, header, main);
  // No button when the server has no provider, or cannot say (the password form still works).
  ssoButtons().then((buttons) => {
    if (!buttons.length || !form.isConnected) return;
    replaceChildren(sso, h('p', { className: 'login-or muted' }, t('loginOr')),
      ...buttons.map((b) => h('a', { className: 'btn btn-block', href: ssoStartHref(b.id), 'data-sso': b.id }, t('loginSso', { label: ssoLabel(b) }))));
    sso.hidden = false;
  }, () => undefined);
}

function ssoLabel(b: SsoButton): string {
  return b.label ?? (b.tenantName ? `SSO ${b.tenantName}` : 'SSO');
}
