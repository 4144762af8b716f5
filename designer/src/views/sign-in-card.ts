/**
 * The admin console's "Cara masuk" card (tenant admins): whether the tenant's people sign in only
 * through single sign-on (PATCH /api/tenants/{id} { localPasswords }). Offered only when a provider
 * serves the tenant — the server refuses it otherwise, since nobody could sign in any more.
 */
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n/lang.js';
import { changeTenant, listTenants } from '../people-api.js';

export function signInCard(tenant: string, say: (text: string, ok?: boolean) => void, fail: (error: unknown) => void): HTMLElement {
  const body = h('div', {});
  const card = h('section', { className: 'card', 'data-testid': 'sign-in' }, h('h2', {}, t('signInHeading')), body);
  void listTenants().then((page) => {
    const own = page.items.find((x) => x.id === tenant);
    if (!own?.singleSignOn) return replaceChildren(body, h('p', { className: 'muted' }, t('signInNoSso')));
    const ssoOnly = h('input', { type: 'checkbox', name: 'sso-only' }) as HTMLInputElement;
    ssoOnly.checked = own.localPasswords === false;
    ssoOnly.addEventListener('change', () => {
      ssoOnly.disabled = true;
      changeTenant(tenant, { localPasswords: !ssoOnly.checked }).then(() => say(t('signInSaved'), true), (error) => {
        ssoOnly.checked = !ssoOnly.checked;
        fail(error);
      }).finally(() => { ssoOnly.disabled = false; });
    });
    replaceChildren(body, h('label', { className: 'check' }, ssoOnly, t('signInSsoOnly')));
  }, fail);
  return card;
}
