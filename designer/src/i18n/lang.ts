/**
 * The designer's language: Bahasa Indonesia by default, English when chosen; the choice is kept in
 * localStorage. Owns the lookup of Alur's own UI strings; bpmn-js labels go through
 * translate-module.ts, which reads the same setting.
 */
import { uiStrings, type UiKey } from './ui-strings.js';
import { LANG_STORAGE_KEY } from '../../../ui-shared/header-strings.js';

export type Lang = 'id' | 'en';
const LANG_KEY = LANG_STORAGE_KEY;

export function currentLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  const template = uiStrings[currentLang()][key] ?? uiStrings.en[key] ?? key;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => (name in values ? String(values[name]) : `{${name}}`));
}

/**
 * A date as both apps write it: "7 Des 2026" in Indonesian, "7 Dec 2026" in English (the inbox's
 * formatDate is the same), never the browser's own locale order such as 12/7/2026.
 */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLang() === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}
