/**
 * Server messages in Bahasa Indonesia and English (the catalog), the request's language
 * (negotiate.ts) and their rendering at the edge (localize.ts). docs/messages.md says how to add one.
 */
export { text, render, phrase, anyOf, allOf, Text, ListParam, LANGS, type Lang, type Param, type Params } from './text.js';
export { negotiateLang, DEFAULT_LANG } from './negotiate.js';
export { localize, entry, type Localizable } from './localize.js';
export { incidentText } from './incident-text.js';
export { jsonErrorText } from './json-error.js';
export { zipErrorText } from './zip-error.js';
export { xmlErrorText } from './xml-error.js';
export { regexpErrorText } from './regexp-error.js';
export { technicalText } from './technical.js';
export type { MessageKey } from './catalog/index.js';
