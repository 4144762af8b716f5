/**
 * What is wrong with a value submitted through a form-js form (engine/forms/validator.ts): a task
 * completion or a case start. Every message names the field by its label (its key when it has
 * none), quoted, so a clerk knows what to fix. The `code` beside each error stays the same in
 * both languages.
 */
import type { Catalog } from './types.js';

export const formValues = {
  'form-value.required': { en: '"{field}" is required.', id: '"{field}" wajib diisi.' },
  'form-value.type': { en: '"{field}" must be {expected}.', id: '"{field}" harus berupa {expected}.' },
  'form-value.minLength': { en: '"{field}" must be at least {limit} characters long.', id: '"{field}" minimal {limit} karakter.' },
  'form-value.maxLength': { en: '"{field}" must be at most {limit} characters long.', id: '"{field}" maksimal {limit} karakter.' },
  'form-value.minimum': { en: '"{field}" must be at least {limit}.', id: '"{field}" minimal {limit}.' },
  'form-value.maximum': { en: '"{field}" must be at most {limit}.', id: '"{field}" maksimal {limit}.' },
  'form-value.pattern': { en: '"{field}" does not have the expected format.', id: 'Format "{field}" tidak sesuai.' },
  'form-value.email': { en: '"{field}" must be a valid email address.', id: '"{field}" harus berupa alamat email yang valid.' },
  'form-value.phone': {
    en: '"{field}" must be an international phone number, e.g. +6281234567890.',
    id: '"{field}" harus berupa nomor telepon internasional, mis. +6281234567890.',
  },
  'form-value.date': { en: '"{field}" must be a date written as YYYY-MM-DD.', id: '"{field}" harus berupa tanggal dengan format YYYY-MM-DD.' },
  'form-value.time': { en: '"{field}" must be a time written as HH:mm.', id: '"{field}" harus berupa jam dengan format HH:mm.' },
  'form-value.datetime': {
    en: '"{field}" must be a date and time written as YYYY-MM-DDTHH:mm.',
    id: '"{field}" harus berupa tanggal dan jam dengan format YYYY-MM-DDTHH:mm.',
  },
  'form-value.enum': { en: '"{field}" must be one of the offered options.', id: '"{field}" harus salah satu dari pilihan yang tersedia.' },
  'form-value.decimalDigits': {
    en: (v, raw) => (Number(raw.limit) === 0 ? `"${v.field}" must be a whole number.` : `"${v.field}" may have at most ${v.limit} digits after the decimal point.`),
    id: (v, raw) => (Number(raw.limit) === 0 ? `"${v.field}" harus berupa bilangan bulat.` : `"${v.field}" paling banyak ${v.limit} angka di belakang koma.`),
  },
  'form-value.increment': { en: '"{field}" must be a multiple of {limit}.', id: '"{field}" harus kelipatan {limit}.' },
  'form-value.pastDate': { en: '"{field}" must not be in the past.', id: '"{field}" tidak boleh tanggal yang sudah lewat.' },
  'form-value.readonly': { en: '"{field}" is read-only and cannot be changed.', id: '"{field}" hanya dapat dibaca dan tidak boleh diubah.' },
  'form-value.unknown': { en: '"{field}" is not a field of this form.', id: '"{field}" bukan isian formulir ini.' },
  'form-value.form': { en: 'The submitted values must be a JSON object.', id: 'Data yang dikirim harus berupa objek JSON.' },
  // A form author's own patternErrorMessage: in the language the author wrote it, as written.
  'form-value.custom': { en: '{message}', id: '{message}', verbatim: true },

  'form-value.expected.text': { en: 'text', id: 'teks', fragment: true },
  'form-value.expected.number': { en: 'a number', id: 'angka', fragment: true },
  'form-value.expected.boolean': { en: 'true or false', id: 'benar atau salah', fragment: true },
  'form-value.expected.list': { en: 'a list', id: 'daftar', fragment: true },
  'form-value.expected.object': { en: 'a group of values', id: 'kelompok isian', fragment: true },
  'form-value.expected.date': { en: 'a date', id: 'tanggal', fragment: true },
  'form-value.expected.value': { en: 'a value', id: 'nilai', fragment: true },
} satisfies Catalog;
