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

function walk(value: unknown, lang: Lang): unknown {
  if (value instanceof Text) return render(value, lang);
  if (Array.isArray(value)) return value.map((item) => walk(item, lang));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'text' && item instanceof Text) continue;
    out[key] = walk(item, lang);
  }
  if (value.text instanceof Text && 'message' in value) out.message = render(value.text, lang);
  return out;
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
