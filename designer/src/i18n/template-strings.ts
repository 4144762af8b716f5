/**
 * The words of the letter-template shelf (views/template-shelf.ts), Indonesian and English side by
 * side. Kept apart from ui-strings.ts so each stays small.
 */
import { lookup } from './lang.js';

const id = {
  attach: 'Templat surat (.docx)',
  shelfLabel: 'Templat surat yang ikut di-deploy',
  remove: 'Hapus {name}',
  notDocx: '{name} bukan berkas .docx; templat surat harus dokumen Word (.docx).',
  attached: '{count} templat surat dilampirkan; ikut terkirim saat Deploy.',
  deployedTemplates: 'Templat: {list}.',
};
type TemplateKey = keyof typeof id;

const en: Record<TemplateKey, string> = {
  attach: 'Letter templates (.docx)',
  shelfLabel: 'Letter templates deployed with the diagram',
  remove: 'Remove {name}',
  notDocx: '{name} is not a .docx file; a letter template must be a Word document (.docx).',
  attached: '{count} letter template(s) attached; they are sent on Deploy.',
  deployedTemplates: 'Templates: {list}.',
};

export const templateStrings: Record<'id' | 'en', Record<TemplateKey, string>> = { id, en };

/** The shelf's string `key` in the current language, with `{name}` placeholders filled in. */
export function tt(key: TemplateKey, values: Record<string, string | number> = {}): string {
  return lookup(templateStrings, key, values);
}
