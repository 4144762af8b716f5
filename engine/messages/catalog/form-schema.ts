/**
 * What is wrong with a .form file (engine/forms/validate-form-schema.ts, safety.ts), as shown at
 * deployment ("file: problem", engine/service/deploy.ts) and at pack import ("file [field]:
 * problem"). Fragments: they follow a file or field name, and the English reads as it always did
 * (logs, specs). A form's property names (validate.min, valuesExpression) are form-js's, kept as written.
 */
import type { Catalog } from './types.js';

export const formSchema = {
  'form-schema.not-json': { en: '{file} is not JSON: {detail}', id: '{file} bukan JSON yang sah: {detail}', nameFirst: true },
  'form-schema.no-form-id': {
    en: '{file} has no form id (the "id" that zeebe:formDefinition formId names)',
    id: '{file} tidak memiliki id formulir ("id" yang dirujuk formId pada zeebe:formDefinition)',
    nameFirst: true,
  },
  'form-schema.not-object': { en: 'a form must be a JSON object', id: 'formulir harus berupa objek JSON', fragment: true },
  'form-schema.form-type': { en: 'form type must be "default" (got {type})', id: 'jenis formulir harus "default" (tertulis {type})', fragment: true },
  'form-schema.form-id': { en: 'form id must be a non-empty string', id: 'id formulir harus berupa teks yang tidak kosong', fragment: true },
  'form-schema.too-many': { en: 'a form may have at most {max} components', id: 'formulir paling banyak memuat {max} komponen', fragment: true },
  'form-schema.components-list': { en: '{what} must be a list', id: '{what} harus berupa daftar', fragment: true, nameFirst: true },
  'form-schema.too-deep': { en: 'groups are nested deeper than {max} levels', id: 'grup bersarang lebih dari {max} tingkat', fragment: true },
  'form-schema.no-type': { en: 'a component needs a type', id: 'setiap komponen memerlukan type', fragment: true },
  'form-schema.unsupported-type': { en: 'unsupported form field type "{type}"', id: 'jenis isian formulir "{type}" tidak didukung', fragment: true },
  'form-schema.bad-key': { en: 'key {key} is not a valid variable path', id: 'key {key} bukan jalur variabel yang sah', fragment: true },
  'form-schema.no-key': { en: '{type} field has no key', id: 'isian {type} tidak memiliki key', fragment: true },
  'form-schema.no-expression': { en: 'expression field has no expression', id: 'isian expression tidak memiliki ekspresi', fragment: true },
  'form-schema.bad-path': { en: 'path {path} is not a valid variable path', id: 'path {path} bukan jalur variabel yang sah', fragment: true },
  'form-schema.list-no-path': { en: 'dynamic list has no path', id: 'daftar dinamis tidak memiliki path', fragment: true },
  'form-schema.duplicate-key': { en: 'duplicate key "{key}" (also used by {owner})', id: 'key "{key}" dipakai dua kali (juga oleh {owner})', fragment: true },
  'form-schema.key-clash': { en: 'key "{key}" clashes with "{other}" of {owner}', id: 'key "{key}" bertabrakan dengan "{other}" milik {owner}', fragment: true },
  'form-schema.feel-required': { en: '{what} must be a FEEL expression', id: '{what} harus berupa ekspresi FEEL', fragment: true, nameFirst: true },
  'form-schema.feel-prefix': { en: '{what} must be a FEEL expression starting with "="', id: '{what} harus berupa ekspresi FEEL yang diawali "="', fragment: true, nameFirst: true },
  'form-schema.feel-error': { en: '{what}: {problem}', id: '{what}: {problem}', fragment: true, nameFirst: true },
  'form-schema.limit-number': { en: '{what} must be a number', id: '{what} harus berupa angka', fragment: true, nameFirst: true },
  'form-schema.low-over-high': { en: '{low} {min} is greater than {high} {max}', id: '{low} {min} lebih besar daripada {high} {max}', fragment: true, nameFirst: true },
  'form-schema.pattern-slow': {
    en: '{what} uses a backreference or lookaround, which can take exponential time on a crafted value; Alur runs form patterns in linear time (RE2) and cannot run these',
    id: '{what} memakai rujukan balik atau lookaround, yang dapat memakan waktu eksponensial pada isian yang direkayasa; Alur menjalankan pola formulir dalam waktu linear (RE2) dan tidak dapat menjalankannya',
    fragment: true,
    nameFirst: true,
  },
  'form-schema.pattern-invalid': {
    en: '{what} is not a valid regular expression: {detail}',
    id: '{what} bukan ekspresi reguler yang sah: {detail}',
    fragment: true,
    nameFirst: true,
  },
  'form-schema.values-list': { en: '{what} must be a list of { label, value }', id: '{what} harus berupa daftar { label, value }', fragment: true, nameFirst: true },
  'form-schema.option-no-value': { en: 'every option needs a value', id: 'setiap pilihan memerlukan value', fragment: true },
  'form-schema.options-duplicate': { en: 'options have duplicate values', id: 'ada pilihan dengan value yang sama', fragment: true },
  'form-schema.content': { en: '{property} {problem}', id: '{property} {problem}', fragment: true, nameFirst: true },
  'form-schema.script-tag': { en: 'contains a <script> tag', id: 'memuat tag <script>', fragment: true },
  'form-schema.script-url': {
    en: 'contains a script URL (javascript:, vbscript: or data:text/html)',
    id: 'memuat URL skrip (javascript:, vbscript: atau data:text/html)',
    fragment: true,
  },
  'form-schema.active-tag': { en: 'contains an active <{tag}> tag', id: 'memuat tag aktif <{tag}>', fragment: true },
  'form-schema.event-handler': { en: 'contains an inline event handler (on…=)', id: 'memuat penangan event sebaris (on…=)', fragment: true },
  'form-schema.iframe-string': { en: 'iframe url must be a string', id: 'url iframe harus berupa teks', fragment: true },
  'form-schema.iframe-expression': {
    en: 'iframe url must be a literal https:// address, not an expression',
    id: 'url iframe harus berupa alamat https:// apa adanya, bukan ekspresi',
    fragment: true,
  },
  'form-schema.iframe-invalid': { en: 'iframe url {url} is not a valid URL', id: 'url iframe {url} bukan URL yang sah', fragment: true },
  'form-schema.iframe-https': { en: 'iframe url must use https:// (got {protocol})', id: 'url iframe harus memakai https:// (tertulis {protocol})', fragment: true },
} satisfies Catalog;
