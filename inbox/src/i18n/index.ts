/**
 * The inbox's language: Bahasa Indonesia by default, English selectable, the choice kept in
 * localStorage. Owns message lookup and date/number formatting; never touches the DOM beyond
 * setting <html lang>.
 */
import { id, type MessageKey as CoreKey } from './id.js';
import { en } from './en.js';
import { startingEn, startingId, type StartingKey } from './starting.js';
import { accountEn, accountId, type AccountKey } from './account.js';
import { documentsEn, documentsId, type DocumentsKey } from './documents.js';
import { LANG_STORAGE_KEY } from '../../../ui-shared/header-strings.js';

export type Lang = 'id' | 'en';
export type MessageKey = CoreKey | StartingKey | DocumentsKey | AccountKey;

// The same key as the designer's (ui-shared/header-strings.ts): one language for both apps.
const STORAGE_KEY = LANG_STORAGE_KEY;
const dictionaries: Record<Lang, Record<MessageKey, string>> = {
  id: { ...id, ...startingId, ...documentsId, ...accountId },
  en: { ...en, ...startingEn, ...documentsEn, ...accountEn },
};
let current: Lang = readStoredLang();
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** Called after every language change, so open views can re-render their text. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = dictionaries[current][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** True when the dictionary has this key (history types come from the server and may be new). */
export function has(key: string): key is MessageKey {
  return key in dictionaries[current];
}

const locale = (): string => (current === 'id' ? 'id-ID' : 'en-GB');

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** 12500 → "12.500" in Indonesian, "12,500" in English: big inboxes stay readable. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

export function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium' }).format(date);
}
