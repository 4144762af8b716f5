/**
 * The sign-in form (POST /api/auth/login) and, when the server has single sign-on, one button per
 * provider (*Masuk dengan SSO*), a plain link to the server's start. Owns the form only: on
 * success it hands the token and user to `onSignedIn`; the password never leaves this function
 * except in the login request. `notice` is a message to show first (a refused single sign-on).
 */
import { ApiError, login, ssoButtons, ssoStartHref, type SsoButton } from './api.js';
import { fill, h } from './dom.js';
import { errorMessage } from './errors.js';
import { t } from './i18n/index.js';
import type { User } from './session.js';

export function mountLogin(root: HTMLElement, onSignedIn: (token: string, user: User) => void, notice = ''): () => void {
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'notice-error', role: 'alert', hidden: !notice }, notice);
  const sso = h('div', { class: 'login-sso', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, t('login.submit'));
  const form = h('form', { class: 'card login', 'aria-labelledby': 'login-heading' },
    h('h1', { id: 'login-heading' }, t('login.heading')),
    h('p', { class: 'muted' }, t('login.intro')),
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, t('login.username')), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    error,
    submit,
    sso);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      const result = await login(username.value.trim(), password.value);
      onSignedIn(result.token, result.user);
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 401 ? t('login.failed') : errorMessage(failure);
      error.hidden = false;
      submit.disabled = false;
      password.select();
    }
  });
  fill(root, form);
  username.focus();
  let mounted = true;
  // No button when the server has no provider, or cannot say (the password form still works).
  ssoButtons().then((buttons) => {
    if (!mounted || !buttons.length) return;
    fill(sso, h('p', { class: 'login-or' }, t('login.or')), ...buttons.map((b) => h('a', { class: 'button secondary wide', href: ssoStartHref(b.id), 'data-sso': b.id }, t('login.sso', { label: ssoLabel(b) }))));
    sso.hidden = false;
  }, () => undefined);
  return () => { mounted = false; };
}

function ssoLabel(b: SsoButton): string {
  return b.label ?? (b.tenantName ? `SSO ${b.tenantName}` : 'SSO');
}
