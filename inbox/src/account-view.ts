/**
 * "Akun saya" (#/akun): a person changes their own display name and e-mail, and their password
 * with the current one (PATCH /api/users/{username}). NIP, jabatan, groups and roles are shown as
 * an admin set them. Where the tenant signs in through single sign-on only, the password part says
 * so instead of offering a change. A refusal is shown at its field (the server's `errors[].path`)
 * or as the server words it. Owns this view's DOM; the saved name reaches the header through
 * `onSaved`.
 */
import { ApiError } from './api.js';
import { changePassword, me, saveProfile, type Me } from './account-api.js';
import { fill, focusFirst, h } from './dom.js';
import { errorMessage } from './errors.js';
import { t } from './i18n/index.js';

export function mountAccountView(root: HTMLElement, onSaved: (displayName: string) => void): () => void {
  let stopped = false;
  fill(root, h('h1', { id: 'account-heading' }, t('account.heading')), h('p', { class: 'muted', role: 'status' }, t('list.loading')));
  me().then((who) => { if (!stopped) show(who); }, (error) => {
    if (!stopped) fill(root, h('h1', {}, t('account.heading')), h('p', { class: 'notice-error', role: 'alert' }, errorMessage(error)));
  });

  function show(who: Me): void {
    fill(root,
      h('h1', { id: 'account-heading' }, t('account.heading')),
      h('p', { class: 'muted' }, t('account.who', { username: who.username, tenant: who.tenant ?? '' })),
      h('div', { class: 'account-grid' }, profileCard(who, onSaved), passwordCard(who)));
    focusFirst(root, 'h1');
  }
  return () => { stopped = true; };
}

function profileCard(who: Me, onSaved: (displayName: string) => void): HTMLElement {
  const name = input('account-name', 'text', who.displayName, { maxlength: 200, autocomplete: 'name' });
  const email = input('account-email', 'email', who.email ?? '', { maxlength: 254, autocomplete: 'email' });
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'account-status' });
  const save = h('button', { type: 'submit', class: 'button primary' }, t('account.save'));
  const fields = { displayName: field('account-name', t('account.displayName'), name, t('account.displayNameHint')), email: field('account-email', t('account.email'), email) };
  const form = h('form', { class: 'card account-card', 'aria-labelledby': 'account-profile', novalidate: true },
    h('h2', { id: 'account-profile' }, t('account.profile')),
    fields.displayName.el, fields.email.el,
    h('dl', { class: 'account-fixed' },
      h('dt', {}, t('account.nip')), h('dd', {}, who.nip ?? t('account.none')),
      h('dt', {}, t('account.jabatan')), h('dd', {}, who.jabatan ?? t('account.none')),
      h('dt', {}, t('account.groups')), h('dd', {}, who.groups.join(', ') || t('account.none'))),
    h('p', { class: 'hint' }, t('account.byAdmin')),
    status, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(fields, status);
    const address = email.value.trim();
    if (address && !/^[^@\s]+@[^@\s]+$/.test(address)) return fields.email.refuse(t('account.emailInvalid'));
    save.disabled = true;
    status.textContent = t('account.saving');
    try {
      const saved = await saveProfile(who.username, { displayName: name.value.trim(), email: address || null });
      name.value = saved.displayName;
      status.textContent = t('account.saved');
      status.className = 'account-status notice-info';
      onSaved(saved.displayName);
    } catch (error) {
      status.textContent = '';
      refuse(error, fields, status);
    } finally {
      save.disabled = false;
    }
  });
  return form;
}

function passwordCard(who: Me): HTMLElement {
  if (!who.localPasswords) {
    return h('section', { class: 'card account-card', 'aria-labelledby': 'account-password' },
      h('h2', { id: 'account-password' }, t('account.password')), h('p', { class: 'hint' }, t('account.ssoOnly')));
  }
  const current = input('account-current', 'password', '', { autocomplete: 'current-password', required: true });
  const next = input('account-new', 'password', '', { autocomplete: 'new-password', required: true, minlength: 8 });
  const again = input('account-again', 'password', '', { autocomplete: 'new-password', required: true });
  const fields = {
    currentPassword: field('account-current', t('account.currentPassword'), current),
    password: field('account-new', t('account.newPassword'), next, t('account.passwordHint')),
    repeat: field('account-again', t('account.repeatPassword'), again),
  };
  const status = h('p', { role: 'status', 'aria-live': 'polite', class: 'account-status' });
  const change = h('button', { type: 'submit', class: 'button primary' }, t('account.changePassword'));
  const form = h('form', { class: 'card account-card', 'aria-labelledby': 'account-password', novalidate: true },
    h('h2', { id: 'account-password' }, t('account.password')),
    // A hidden username lets password managers file the new password under the right account.
    h('input', { type: 'text', name: 'username', autocomplete: 'username', value: who.username, hidden: true, readonly: true }),
    fields.currentPassword.el, fields.password.el, fields.repeat.el, status, change);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(fields, status);
    if (next.value.length < 8) return fields.password.refuse(t('account.passwordShort'));
    if (next.value !== again.value) return fields.repeat.refuse(t('account.passwordMismatch'));
    change.disabled = true;
    try {
      await changePassword(who.username, current.value, next.value);
      form.reset();
      status.textContent = t('account.passwordChanged');
      status.className = 'account-status notice-info';
    } catch (error) {
      refuse(error, fields, status);
      // The server's "current password is wrong" belongs to that field.
      if (error instanceof ApiError && error.status === 403) { fields.currentPassword.refuse(error.message); status.textContent = ''; status.className = 'account-status'; }
    } finally {
      change.disabled = false;
    }
  });
  return form;
}

interface Field { el: HTMLElement; refuse(message: string): void; clear(): void }

function input(id: string, type: string, value: string, attrs: Record<string, string | number | boolean>): HTMLInputElement {
  const el = h('input', { id, name: id, type, ...attrs });
  el.value = value;
  return el;
}

/** A labelled input with its hint and a place for its error (tied to it with aria-describedby). */
function field(id: string, label: string, control: HTMLInputElement, hint?: string): Field {
  const error = h('p', { id: `${id}-error`, class: 'field-error', hidden: true });
  const hintEl = hint ? h('p', { id: `${id}-hint`, class: 'field-hint' }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  return {
    el: h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl, error),
    refuse(message) { error.textContent = message; error.hidden = false; control.setAttribute('aria-invalid', 'true'); control.focus(); },
    clear() { error.hidden = true; control.removeAttribute('aria-invalid'); },
  };
}

function clear(fields: Record<string, Field>, status: HTMLElement): void {
  for (const f of Object.values(fields)) f.clear();
  status.textContent = '';
  status.className = 'account-status';
}

/** Puts the server's refusal on its fields (`errors[].path`), or under the form as the server worded it. */
function refuse(error: unknown, fields: Record<string, Field>, status: HTMLElement): void {
  const items = error instanceof ApiError ? error.problem.errors ?? [] : [];
  const placed = items.filter((e) => e.path && fields[e.path]);
  for (const e of placed) fields[e.path!].refuse(e.message);
  if (placed.length) return;
  status.textContent = error instanceof ApiError && error.problem.detail ? error.problem.detail : errorMessage(error);
  status.className = 'account-status notice-error';
}
