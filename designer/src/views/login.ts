/**
 * The sign-in page. Owns the login form only; the session itself is kept by api.ts.
 * A failed login says so without telling which of name or password was wrong.
 */
import { ApiError, login } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n/lang.js';
import { languagePicker } from './language-picker.js';

export function renderLogin(root: HTMLElement, onLoggedIn: () => void): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { className: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'btn btn-primary btn-block' }, t('loginButton'));

  const form = h('form', { className: 'login-card' },
    h('div', { className: 'brand brand-large' }, h('span', { className: 'brand-mark' }, 'A'), h('span', {}, 'Alur')),
    h('h1', {}, t('loginTitle')),
    h('p', { className: 'muted' }, t('loginLead')),
    h('label', {}, t('username'), username),
    h('label', {}, t('password'), password),
    error,
    submit,
    h('div', { className: 'login-footer' }, languagePicker(() => renderLogin(root, onLoggedIn))),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    submit.disabled = true;
    try {
      await login(username.value.trim(), password.value);
      onLoggedIn();
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 401 ? t('loginFailed') : t('requestFailed', { detail: (failure as Error).message });
    } finally {
      submit.disabled = false;
    }
  });

  replaceChildren(root, h('main', { className: 'login-page' }, form));
}
