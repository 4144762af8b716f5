/**
 * What makes a message catalog or a UI dictionary whole: every key in every language, the same
 * placeholders in each, and sentences that start with a capital letter. The specs run these over
 * the server catalog and the designer's and inbox's dictionaries; pure, so they also run on a
 * deliberately broken catalog to show they catch it.
 */
import type { Catalog, Template } from './catalog/types.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function startsWell(template: Template): boolean {
  const sample = typeof template === 'function' ? template(new Proxy({}, { get: () => '1' }), {}) : template;
  const first = sample.trimStart().charAt(0);
  return first === '{' || first === '"' || first === '“' || (first !== first.toLowerCase() && first === first.toUpperCase()) || /\d/.test(first);
}

/** Problems of a server catalog (engine/messages/catalog): missing languages, placeholder drift, lower-case starts. */
export function catalogProblems(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const [key, entry] of Object.entries(catalog)) {
    for (const lang of ['id', 'en'] as const) {
      const template = entry[lang];
      if (template === undefined || template === '') out.push(`${key}: no ${lang === 'id' ? 'Indonesian' : 'English'} text`);
      else if (!entry.fragment && !startsWell(template)) out.push(`${key} (${lang}): starts with a lower-case letter`);
    }
    if (typeof entry.id === 'string' && typeof entry.en === 'string' && placeholders(entry.id).join() !== placeholders(entry.en).join()) {
      out.push(`${key}: placeholders differ (id {${placeholders(entry.id).join('}, {')}}, en {${placeholders(entry.en).join('}, {')}})`);
    }
  }
  return out;
}

/** Problems of UI dictionaries (one object per language): keys missing in a language, placeholder drift. */
export function dictionaryProblems(dictionaries: Record<string, Record<string, unknown>>): string[] {
  const out: string[] = [];
  const langs = Object.keys(dictionaries);
  const keys = new Set(langs.flatMap((lang) => Object.keys(dictionaries[lang])));
  for (const key of keys) {
    const present = langs.filter((lang) => typeof dictionaries[lang][key] === 'string' && dictionaries[lang][key] !== '');
    for (const lang of langs) if (!present.includes(lang)) out.push(`${key}: missing in ${lang}`);
    const shapes = new Set(present.map((lang) => placeholders(dictionaries[lang][key] as string).join()));
    if (shapes.size > 1) out.push(`${key}: placeholders differ between ${present.join(' and ')}`);
  }
  return out;
}
