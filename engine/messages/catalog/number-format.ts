/**
 * What is wrong with a number format (engine/numbering/format.ts): a process's registration
 * number (alur:businessKey format) or a letter register's format. Literal placeholders such as
 * {yyyy} travel as parameters, so the catalog never mistakes them for its own.
 */
import type { Catalog } from './types.js';

export const numberFormat = {
  'number-format.empty': { en: 'the format is empty; write e.g. {example}', id: 'formatnya kosong; tuliskan misalnya {example}', fragment: true },
  'number-format.too-long': { en: 'the format is longer than {max} characters', id: 'format lebih panjang dari {max} karakter', fragment: true },
  'number-format.control': { en: 'the format contains control characters (line breaks, tabs)', id: 'format mengandung karakter kendali (ganti baris, tab)', fragment: true },
  'number-format.seq-width': { en: '{placeholder}: the number of digits must be 1 to {max}', id: '{placeholder}: jumlah digit harus 1 sampai {max}', fragment: true },
  'number-format.unknown': { en: 'unknown placeholder {placeholder}; use {known}', id: 'penanda {placeholder} tidak dikenal; gunakan {known}', fragment: true },
  'number-format.no-seq': {
    en: 'the format has no {seq}: without a counter two numbers would be the same',
    id: 'format belum memiliki {seq}: tanpa nomor urut, dua nomor dapat sama',
    fragment: true,
  },
  'number-format.several-seq': { en: 'the format has more than one {seq}', id: 'format memiliki lebih dari satu {seq}', fragment: true },
  'number-format.brace': { en: 'unbalanced brace in "{text}"', id: 'kurung kurawal tidak berpasangan pada "{text}"', fragment: true },
} satisfies Catalog;
