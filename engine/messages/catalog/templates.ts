/**
 * What can be wrong with a letter template (engine/letters/render.ts, render-worker.mjs): at
 * deployment (the template is compiled) and when a case's letter is filled (an incident). Each
 * names the tag where there is one; numbers are the limits that were passed.
 */
import type { Catalog } from './types.js';

export const templates = {
  'template.at-tag': { en: '{tag}: {problem}', id: '{tag}: {problem}', verbatim: true },
  'template.not-word': { en: 'not a Word document (no word/document.xml)', id: 'bukan dokumen Word (tidak ada word/document.xml)', fragment: true },
  'template.fill-timeout': { en: 'filling took longer than {ms} ms (a loop too large?)', id: 'pengisian berlangsung lebih dari {ms} ms (pengulangan terlalu besar?)', fragment: true },
  'template.fill-memory': { en: 'filling needed more than {mb} MB (a loop too large?)', id: 'pengisian memerlukan lebih dari {mb} MB memori (pengulangan terlalu besar?)', fragment: true },
  'template.too-many-tags': { en: 'the template evaluates more than {max} tags (a loop too large?)', id: 'templat mengevaluasi lebih dari {max} tag (pengulangan terlalu besar?)', fragment: true },
  'template.loop-too-long': { en: '{{tag}} has {count} items; a loop may repeat at most {max} times', id: '{{tag}} berisi {count} butir; satu pengulangan paling banyak {max} kali', fragment: true },
  'template.unclosed-tag': { en: 'the tag beginning with "{context}" is unclosed', id: 'tag yang diawali "{context}" tidak ditutup', fragment: true },
  'template.unopened-tag': { en: 'the tag beginning with "{context}" is unopened', id: 'tag yang diawali "{context}" tidak dibuka', fragment: true },
  'template.duplicate-open-tag': { en: 'the tag beginning with "{context}" has duplicate open tags', id: 'tag yang diawali "{context}" dibuka dua kali', fragment: true },
  'template.duplicate-close-tag': { en: 'the tag ending with "{context}" has duplicate close tags', id: 'tag yang diakhiri "{context}" ditutup dua kali', fragment: true },
  'template.closing-mismatch': { en: 'the tag "{opening}" is closed by the tag "{closing}"', id: 'tag "{opening}" ditutup oleh tag "{closing}"', fragment: true },
  'template.unclosed-loop': { en: 'the loop with tag "{loop}" is unclosed', id: 'pengulangan dengan tag "{loop}" tidak ditutup', fragment: true },
  'template.unopened-loop': { en: 'the loop with tag "{loop}" is unopened', id: 'pengulangan dengan tag "{loop}" tidak dibuka', fragment: true },
  'template.raw-tag-alone': { en: 'the raw tag "{tag}" must be the only text in its paragraph', id: 'tag mentah "{tag}" harus menjadi satu-satunya teks dalam paragrafnya', fragment: true },
  'template.not-in-paragraph': { en: 'the tag "{tag}" is not inside a paragraph', id: 'tag "{tag}" tidak berada di dalam paragraf', fragment: true },
  'template.unbalanced-loops': { en: 'the loops\' opening and closing tags are not nested properly', id: 'tag pembuka dan penutup pengulangan tidak bersarang dengan benar', fragment: true },
  'template.loop-misplaced': {
    en: 'the tags of "{tag}" are in different places, such as one inside a table and the other outside it',
    id: 'tag-tag "{tag}" berada di tempat yang berbeda, misalnya satu di dalam tabel dan yang lain di luarnya',
    fragment: true,
  },
  'template.bad-characters': { en: 'the value for "{tag}" has characters a Word document cannot hold', id: 'nilai untuk "{tag}" memuat karakter yang tidak dapat disimpan dokumen Word', fragment: true },
  'template.malformed-xml': { en: 'the document\'s XML is damaged', id: 'XML dokumennya rusak', fragment: true },
  /** docxtemplater's own words for a problem Alur has no text for: rare, and the tag is still named; Indonesian marks them as technical detail. */
  'template.other': { en: '{detail}', id: 'kesalahan templat (rincian teknis: {detail})', fragment: true },
  'incident.template': { en: 'Letter template {template} could not be filled: {problem}', id: 'Templat surat {template} tidak dapat diisi: {problem}' },
} satisfies Catalog;
