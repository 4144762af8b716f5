/**
 * A user-facing server message as data: a catalog key and its parameters, rendered in the
 * reader's language only where it leaves the server (problem+json, deployment reports, pack
 * reports, the designer's live lint). Browser-safe and pure: the designer bundles it with the
 * deployment rules.
 *
 * `String(text)` and `Error.message` are English, so logs and code that only wants a string keep
 * working; `render(text, 'id')` is the Indonesian. How to add a message: docs/messages.md.
 */
import { catalog, type MessageKey } from './catalog/index.js';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

/** A list written out in the reader's language: "analyst or admin" / "analyst atau admin". */
export class ListParam {
  constructor(readonly items: readonly Param[], readonly kind: 'or' | 'and') {}
}

export type Param = string | number | Text | ListParam;
export type Params = Record<string, Param | undefined>;

export class Text {
  constructor(readonly key: MessageKey, readonly params: Params = {}) {}
  toString(): string {
    return render(this, 'en');
  }
}

/** The message `key` with `params`; a typo in the key is a type error. */
export function text(key: MessageKey, params: Params = {}): Text {
  return new Text(key, params);
}

export const anyOf = (items: readonly Param[]) => new ListParam(items, 'or');
export const allOf = (items: readonly Param[]) => new ListParam(items, 'and');

const LIST_WORDS: Record<Lang, Record<'or' | 'and', string>> = { en: { or: 'or', and: 'and' }, id: { or: 'atau', and: 'dan' } };

function renderParam(value: Param | undefined, lang: Lang): string {
  if (value === undefined) return '';
  if (value instanceof Text) return renderInner(value, lang);
  if (value instanceof ListParam) {
    const items = value.items.map((item) => renderParam(item, lang));
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${LIST_WORDS[lang][value.kind]} ${items[items.length - 1]}`;
  }
  return String(value);
}

/** `message` in `lang` as it reads inside a sentence: not capitalised (a rule's finding after its element). */
export function phrase(message: Text, lang: Lang): string {
  return renderInner(message, lang);
}

function renderInner(message: Text, lang: Lang): string {
  const entry = catalog[message.key];
  // An unknown key cannot pass the type checker; data read back from elsewhere may still carry one.
  if (!entry) return message.key;
  const template = entry[lang];
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params)) values[name] = renderParam(value, lang);
  if (typeof template === 'function') return template(values, message.params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

/**
 * `message` in `lang`, starting with a capital letter — unless the entry starts with a field's
 * name (`nameFirst`) given as a plain string: an identifier (`dryRun`, `roles[0]`) is written as
 * given, never made `DryRun`. A plain string passes through unchanged.
 */
export function render(message: Text | string, lang: Lang): string {
  if (typeof message === 'string') return message;
  const out = renderInner(message, lang);
  const entry = catalog[message.key];
  if (entry?.verbatim || (entry?.nameFirst && startsWithIdentifier(message, out))) return out;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function startsWithIdentifier(message: Text, out: string): boolean {
  return Object.values(message.params).some((value) => typeof value === 'string' && value !== '' && out.startsWith(value));
}

/**
 * A Text as it arrives from another thread (structured cloning keeps the data, not the class):
 * made a Text again, its parameters too, so it renders in the reader's language.
 */
export function reviveText(value: { key: MessageKey; params?: Record<string, unknown> }): Text {
  const revive = (param: unknown): Param | undefined => {
    if (param === null || typeof param !== 'object') return param as Param | undefined;
    if ('key' in param) return reviveText(param as { key: MessageKey; params?: Record<string, unknown> });
    const list = param as { items: unknown[]; kind: 'or' | 'and' };
    return new ListParam(list.items.map((item) => revive(item)!), list.kind);
  };
  return new Text(value.key, Object.fromEntries(Object.entries(value.params ?? {}).map(([k, v]) => [k, revive(v)])));
}
