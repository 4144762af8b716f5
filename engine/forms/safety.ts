/**
 * Recognises content that could run script in the inbox when a form is rendered: `<script>`
 * and other active tags, `javascript:`-style URLs (also when hidden behind HTML entities or
 * whitespace), inline `on…=` event handlers, and iframes that are not plain https. Used by
 * `validateFormSchema` at deployment; a false alarm costs the analyst a rewording, a miss could
 * cost a civil servant's session, so it errs on the side of refusing.
 */

import { text as t, type Text } from '../messages/index.js';

const ACTIVE_TAG = /<\s*\/?\s*(script|iframe|object|embed|applet|meta|link|base|style|form|svg|math)\b/i;
const EVENT_HANDLER = /<[^>]*[\s/"'`]on[a-z]+\s*=/i;
const SCRIPT_URL = /(javascript|vbscript|livescript):|data:text\/html/i;

/** Undoes the HTML escapes an attacker would use to hide `javascript:` from a plain search. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(Math.min(0x10ffff, parseInt(hex, 16))))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Math.min(0x10ffff, Number(dec))))
    .replace(/&colon;/gi, ':').replace(/&(tab|newline);/gi, '');
}

/** Why `text` could run script anywhere it is shown, or undefined when it cannot. */
export function scriptInText(text: string): Text | undefined {
  const decoded = decodeEntities(text);
  // Browsers ignore whitespace and control characters inside a URL scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const squeezed = decoded.replace(/[\s\u0000-\u001f]+/g, '');
  if (/<\s*script/i.test(decoded)) return t('form-schema.script-tag');
  if (SCRIPT_URL.test(squeezed)) return t('form-schema.script-url');
  return undefined;
}

/** Why rendered HTML/Markdown `text` could run script, or undefined when it cannot. */
export function scriptInMarkup(text: string): Text | undefined {
  const decoded = decodeEntities(text);
  const tag = ACTIVE_TAG.exec(decoded);
  if (tag) return t('form-schema.active-tag', { tag: tag[1].toLowerCase() });
  if (EVENT_HANDLER.test(decoded)) return t('form-schema.event-handler');
  return scriptInText(text);
}

/** Why an iframe `url` is refused, or undefined for a literal https URL. */
export function unsafeIframeUrl(url: unknown): Text | undefined {
  if (url === undefined || url === '') return undefined;
  if (typeof url !== 'string') return t('form-schema.iframe-string');
  if (url.trim().startsWith('=')) return t('form-schema.iframe-expression');
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return t('form-schema.iframe-invalid', { url: JSON.stringify(url) });
  }
  return parsed.protocol === 'https:' ? undefined : t('form-schema.iframe-https', { protocol: parsed.protocol });
}
