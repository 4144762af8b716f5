/**
 * form-js's viewer writes its widgets' own words in English and has no translate service: a select
 * says "Select", a searchable one "Search", and the date picker (flatpickr) shows English months
 * and weekdays, starts the week on Sunday and asks for "dd/mm/yyyy". This puts them into the
 * inbox's language without touching form-js: flatpickr's default locale is set before a form is
 * mounted (every picker the viewer creates reads it), and the few fixed words are rewritten in the
 * form's DOM as the viewer renders them. Preact only rewrites a text it rendered when its own
 * value changes, so a rewritten word stays until then — and is rewritten again.
 */
import type { Lang } from './i18n/index.js';
import { setDefaultPickerLocale } from '../../ui-shared/date-picker.js';

/** The viewer's fixed words; English stays as form-js writes it. */
const WORDS: Record<Lang, Record<string, string>> = {
  id: { Select: 'Pilih', Search: 'Cari' },
  en: {},
};

/** Letters of a date placeholder: "dd/mm/yyyy" reads "hh/bb/tttt" (hari, bulan, tahun) in Indonesian. */
const DATE_LETTERS: Record<Lang, Record<string, string>> = { id: { d: 'h', m: 'b', y: 't' }, en: {} };

/** Sets the language of the date pickers the next forms create (Monday first in Indonesian). */
export function localiseDatePickers(lang: Lang): void {
  // The same words as the designer's date fields (ui-shared/date-picker.ts).
  setDefaultPickerLocale(lang);
}

/** Rewrites the viewer's fixed words inside `container` now and as it re-renders; returns the stop. */
export function localiseFormWords(container: HTMLElement, lang: Lang): () => void {
  const words = WORDS[lang];
  const letters = DATE_LETTERS[lang];
  if (!Object.keys(words).length && !Object.keys(letters).length) return () => undefined;
  const fix = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      const word = words[text.trim()];
      if (word && node.parentElement?.closest('.fjs-select-display, .fjs-taglist, .fjs-form-field-select')) node.textContent = text.replace(text.trim(), word);
      return;
    }
    if (!(node instanceof Element)) return;
    for (const input of [node, ...node.querySelectorAll('input[placeholder]')]) {
      const placeholder = input.getAttribute('placeholder');
      if (!placeholder) continue;
      if (words[placeholder]) input.setAttribute('placeholder', words[placeholder]);
      else if (/^[dmy]+([/.-][dmy]+)+$/i.test(placeholder) && Object.keys(letters).length) {
        input.setAttribute('placeholder', placeholder.replace(/[dmy]/gi, (c) => letters[c.toLowerCase()] ?? c));
      }
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) fix(text);
  };
  fix(container);
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'characterData') fix(change.target);
      else if (change.type === 'attributes') fix(change.target);
      else change.addedNodes.forEach(fix);
    }
  });
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
  return () => observer.disconnect();
}
