/**
 * The language of a request's messages, from its Accept-Language header (RFC 9110 §12.5.4):
 * the highest-weighted of Bahasa Indonesia (`id`, and the retired `in`) and English. Without a
 * preference Alur answers in English — the callers that send none are programs (the CLI in
 * scripts, integrations, acceptance tests); the designer and the inbox always send the language
 * their user chose, Indonesian unless they switched.
 */
import type { Lang } from './text.js';

export const DEFAULT_LANG: Lang = 'en';

/** Headers longer than this are not a preference anyone wrote; they get the default. */
const MAX_HEADER = 512;

export function negotiateLang(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || value.length > MAX_HEADER) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of value.split(',')) {
    const [range, ...attributes] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const lang: Lang | undefined = primary === 'id' || primary === 'in' ? 'id' : primary === 'en' ? 'en' : undefined;
    if (!lang) continue;
    const qAttribute = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttribute ? Number(qAttribute.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}
