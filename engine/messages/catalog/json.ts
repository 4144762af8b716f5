/** Why a JSON document could not be parsed (engine/messages/json-error.ts), inside "Not valid JSON: …". */
import type { Catalog } from './types.js';

export const json = {
  'json.ends-early': { en: 'the text ends before the document is complete', id: 'teks berakhir sebelum dokumennya lengkap', fragment: true },
  'json.unexpected': { en: 'unexpected "{token}"', id: '"{token}" tidak semestinya ada di sini', fragment: true },
  'json.trailing': { en: 'more text after the end of the document', id: 'masih ada teks setelah akhir dokumen', fragment: true },
  'json.control-character': { en: 'a control character inside a string', id: 'ada karakter kendali di dalam teks', fragment: true },
  'json.unterminated-string': { en: 'a string is not closed with "', id: 'ada teks yang tidak ditutup dengan "', fragment: true },
  'json.expected': { en: 'expected {items}', id: 'seharusnya {items}', fragment: true },
  'json.property-name': { en: 'a property name in double quotes', id: 'nama isian dalam tanda kutip ganda', fragment: true },
  'json.at': { en: '{problem} at line {line}, column {column}', id: '{problem} pada baris {line}, kolom {column}', fragment: true },
} satisfies Catalog;
