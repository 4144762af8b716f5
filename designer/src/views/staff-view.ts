/**
 * What a person without the analyst or admin role sees instead of the modeler: the designer is
 * for analysts, and their own work is in the inbox. Shown before anything they could not save
 * (no English 403 after drawing a diagram and pressing Deploy).
 */
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n/lang.js';
import type { View } from './shell.js';

export function mountStaffNotice(root: HTMLElement): View {
  replaceChildren(root, h('section', { className: 'staff-notice', 'data-testid': 'staff-notice' },
    h('h1', {}, t('staffTitle')),
    h('p', {}, t('staffLead')),
    h('a', { className: 'btn btn-primary', href: '/inbox/', 'data-testid': 'to-inbox' }, t('staffToInbox'))));
  return { destroy() { root.replaceChildren(); } };
}
