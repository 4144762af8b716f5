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

/**
 * `key` of a page's string table in the current language (English, then the key itself, when
 * missing), with `{name}` placeholders filled in; placeholders without a value (a format's {seq})
 * stay as written. The one lookup behind t and each page's own table (ct, ot, rt, tt).
 */
export function lookup<K extends string>(tables: Record<Lang, Record<K, string>>, key: K, values: Record<string, string | number> = {}): string {
  const template = tables[currentLang()][key] ?? tables.en[key] ?? key;
  return template.replace(/\{([^}]+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

/** The UI string `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return lookup(uiStrings, key, values);
}

/**
 * A date as both apps write it: "7 Des 2026" in Indonesian, "7 Dec 2026" in English (the inbox's
 * formatDate is the same), never the browser's own locale order such as 12/7/2026.
 */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLang() === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}
