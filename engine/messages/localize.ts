/**
 * Writes the messages of an answer in the reader's language just before it is sent. An entry of
 * a list (`errors`, `warnings`, a pack report) carries its English `message` for logs and code,
 * and the message as data in `text`; here `message` becomes `text` rendered, and `text` goes. A
 * bare Text becomes its rendering. Only plain objects and arrays are walked; other values (dates,
 * buffers) are left for JSON to handle.
 */
import { render, Text, type Lang } from './text.js';

export interface Localizable { message: string; text?: Text }

export function localize<T>(value: T, lang: Lang): T {
  return walk(value, lang) as T;
}

/**
 * Copy on write: an object or list with no Text anywhere inside is returned as it is (most answers
 * have none, and copying every answer before JSON.stringify walked it again was a per-request cost
 * of its own); one that has is copied along the path to each Text only.
 */
function walk(value: unknown, lang: Lang): unknown {
  if (value instanceof Text) return render(value, lang);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = walk(value[i], lang);
      if (item !== value[i]) (out ??= value.slice())[i] = item;
    }
    return out ?? value;
  }
  if (!isPlainObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (key === 'text' && item instanceof Text) {
      delete (out ??= { ...value }).text;
      continue;
    }
    const localized = walk(item, lang);
    if (localized !== item) (out ??= { ...value })[key] = localized;
  }
  if (value.text instanceof Text && 'message' in value) (out ??= { ...value }).message = render(value.text, lang);
  return out ?? value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An error or report entry whose message is catalog text: English in `message`, data in `text`. */
export function entry<T extends object>(where: T, message: Text): T & Localizable {
  return { ...where, message: render(message, 'en'), text: message };
}
