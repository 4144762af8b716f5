/**
 * The language select (Bahasa Indonesia / English). Stores the choice and lets the caller
 * re-render; it never reloads the page, so an unsaved diagram survives the switch.
 */
import { h } from '../dom.js';
import { currentLang, setLang, t, type Lang } from '../i18n/lang.js';

export function languagePicker(onChange: () => void): HTMLElement {
  const select = h('select', { className: 'lang-select', 'aria-label': t('language'), 'data-testid': 'language' },
    h('option', { value: 'id', selected: currentLang() === 'id' }, 'Bahasa Indonesia'),
    h('option', { value: 'en', selected: currentLang() === 'en' }, 'English'),
  );
  select.addEventListener('change', () => {
    setLang(select.value as Lang);
    onChange();
  });
  return select;
}
