/**
 * Validation messages in English and Indonesian. Every message names the field by its label (or
 * its key when the label is missing or computed) so a clerk reading the inbox knows what to fix.
 * Codes are stable and part of the API's error entries; wording may improve.
 */
import type { MessageLanguage } from './types.js';

export interface MessageParams {
  field: string;
  limit?: number | string;
  expected?: string;
  custom?: string;
}

type Templates = Record<string, (p: MessageParams) => string>;

const EXPECTED: Record<MessageLanguage, Record<string, string>> = {
  en: { text: 'text', number: 'a number', boolean: 'true or false', list: 'a list', object: 'a group of values', date: 'a date', value: 'a value' },
  id: { text: 'teks', number: 'angka', boolean: 'benar atau salah', list: 'daftar', object: 'kelompok isian', date: 'tanggal', value: 'nilai' },
};

const EN: Templates = {
  required: (p) => `"${p.field}" is required.`,
  type: (p) => `"${p.field}" must be ${EXPECTED.en[p.expected ?? 'value']}.`,
  minLength: (p) => `"${p.field}" must be at least ${p.limit} characters long.`,
  maxLength: (p) => `"${p.field}" must be at most ${p.limit} characters long.`,
  minimum: (p) => `"${p.field}" must be at least ${p.limit}.`,
  maximum: (p) => `"${p.field}" must be at most ${p.limit}.`,
  pattern: (p) => `"${p.field}" does not have the expected format.`,
  email: (p) => `"${p.field}" must be a valid email address.`,
  phone: (p) => `"${p.field}" must be an international phone number, e.g. +6281234567890.`,
  date: (p) => `"${p.field}" must be a date written as YYYY-MM-DD.`,
  time: (p) => `"${p.field}" must be a time written as HH:mm.`,
  datetime: (p) => `"${p.field}" must be a date and time written as YYYY-MM-DDTHH:mm.`,
  enum: (p) => `"${p.field}" must be one of the offered options.`,
  decimalDigits: (p) => (Number(p.limit) === 0
    ? `"${p.field}" must be a whole number.`
    : `"${p.field}" may have at most ${p.limit} digits after the decimal point.`),
  increment: (p) => `"${p.field}" must be a multiple of ${p.limit}.`,
  pastDate: (p) => `"${p.field}" must not be in the past.`,
  readonly: (p) => `"${p.field}" is read-only and cannot be changed.`,
  unknown: (p) => `"${p.field}" is not a field of this form.`,
  form: () => 'The submitted values must be a JSON object.',
};

const ID: Templates = {
  required: (p) => `"${p.field}" wajib diisi.`,
  type: (p) => `"${p.field}" harus berupa ${EXPECTED.id[p.expected ?? 'value']}.`,
  minLength: (p) => `"${p.field}" minimal ${p.limit} karakter.`,
  maxLength: (p) => `"${p.field}" maksimal ${p.limit} karakter.`,
  minimum: (p) => `"${p.field}" minimal ${p.limit}.`,
  maximum: (p) => `"${p.field}" maksimal ${p.limit}.`,
  pattern: (p) => `Format "${p.field}" tidak sesuai.`,
  email: (p) => `"${p.field}" harus berupa alamat email yang valid.`,
  phone: (p) => `"${p.field}" harus berupa nomor telepon internasional, mis. +6281234567890.`,
  date: (p) => `"${p.field}" harus berupa tanggal dengan format YYYY-MM-DD.`,
  time: (p) => `"${p.field}" harus berupa jam dengan format HH:mm.`,
  datetime: (p) => `"${p.field}" harus berupa tanggal dan jam dengan format YYYY-MM-DDTHH:mm.`,
  enum: (p) => `"${p.field}" harus salah satu dari pilihan yang tersedia.`,
  decimalDigits: (p) => (Number(p.limit) === 0
    ? `"${p.field}" harus berupa bilangan bulat.`
    : `"${p.field}" paling banyak ${p.limit} angka di belakang koma.`),
  increment: (p) => `"${p.field}" harus kelipatan ${p.limit}.`,
  pastDate: (p) => `"${p.field}" tidak boleh tanggal yang sudah lewat.`,
  readonly: (p) => `"${p.field}" hanya dapat dibaca dan tidak boleh diubah.`,
  unknown: (p) => `"${p.field}" bukan isian formulir ini.`,
  form: () => 'Data yang dikirim harus berupa objek JSON.',
};

const TEMPLATES: Record<MessageLanguage, Templates> = { en: EN, id: ID };

/** The message for `code`; a form's own `patternErrorMessage` wins for pattern failures. */
export function formatMessage(code: string, params: MessageParams, language: MessageLanguage = 'en'): string {
  if (code === 'pattern' && params.custom) return params.custom;
  const templates = TEMPLATES[language] ?? EN;
  return (templates[code] ?? templates.type)(params);
}
