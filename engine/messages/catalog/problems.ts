/**
 * The titles of problem+json answers (one per `type`; the English ones are those API clients have
 * always seen) and the API's own generic messages.
 */
import type { Catalog } from './types.js';

export const problems = {
  'problem.invalid-input': { en: 'Invalid input', id: 'Masukan tidak sah' },
  'problem.unauthenticated': { en: 'Unauthenticated', id: 'Belum masuk' },
  'problem.forbidden': { en: 'Forbidden', id: 'Tidak diizinkan' },
  'problem.not-found': { en: 'Not found', id: 'Tidak ditemukan' },
  'problem.conflict': { en: 'Conflict', id: 'Konflik' },
  'problem.too-many-requests': { en: 'Too many requests', id: 'Terlalu banyak permintaan' },
  'problem.input-refused': { en: 'Input refused', id: 'Masukan ditolak' },
  'problem.invalid-json': { en: 'Invalid JSON', id: 'JSON tidak sah' },
  'problem.too-large': { en: 'Payload too large', id: 'Kiriman terlalu besar' },
  'problem.unsupported-media-type': { en: 'Unsupported media type', id: 'Jenis berkas tidak didukung' },
  'problem.unavailable': { en: 'Service unavailable', id: 'Layanan tidak tersedia' },
  'problem.invalid-upload': { en: 'Invalid upload', id: 'Unggahan tidak sah' },
  'problem.bad-request': { en: 'Bad request', id: 'Permintaan tidak sah' },
  'problem.internal': { en: 'Internal error', id: 'Kesalahan internal' },

  'api.no-endpoint': { en: 'There is no endpoint {method} {path}.', id: 'Tidak ada endpoint {method} {path}.' },
  'api.body-not-json': { en: 'The request body is not valid JSON.', id: 'Isi permintaan bukan JSON yang sah.' },
  'api.query-invalid': { en: 'Invalid query parameter {names}.', id: 'Parameter kueri {names} tidak sah.' },
  'api.body-invalid': { en: 'Invalid field {names} in the request body.', id: 'Isian {names} pada isi permintaan tidak sah.' },
  // One table for what ajv finds wrong in a query parameter, a body field, pack.json or a scenario (engine/messages/schema-errors.ts).
  'input.body': { en: 'the request body', id: 'isi permintaan', fragment: true },
  'input.once': { en: '{name} must be given once', id: '{name} hanya boleh diberikan sekali', nameFirst: true },
  'input.required': { en: '{name} is required', id: '{name} wajib diisi', nameFirst: true },
  'input.unknown-field': { en: '{name} is not a known field', id: '{name} bukan isian yang dikenal', nameFirst: true },
  'input.one-of': { en: '{name} must be one of {values}', id: '{name} harus salah satu dari {values}', nameFirst: true },
  'input.integer': { en: '{name} must be an integer', id: '{name} harus bilangan bulat', nameFirst: true },
  'input.number': { en: '{name} must be a number', id: '{name} harus berupa angka', nameFirst: true },
  'input.boolean': { en: '{name} must be true or false', id: '{name} harus true atau false', nameFirst: true },
  'input.string': { en: '{name} must be text', id: '{name} harus berupa teks', nameFirst: true },
  'input.array': { en: '{name} must be a list', id: '{name} harus berupa daftar', nameFirst: true },
  'input.object': { en: '{name} must be an object', id: '{name} harus berupa objek', nameFirst: true },
  'input.minimum': { en: '{name} must be at least {limit}', id: '{name} paling kecil {limit}', nameFirst: true },
  'input.maximum': { en: '{name} must be at most {limit}', id: '{name} paling besar {limit}', nameFirst: true },
  'input.min-length': {
    en: (v, raw) => (raw.limit === 1 ? `${v.name} must not be empty` : `${v.name} must be at least ${v.limit} characters`),
    id: (v, raw) => (raw.limit === 1 ? `${v.name} tidak boleh kosong` : `${v.name} paling sedikit ${v.limit} karakter`),
    nameFirst: true,
  },
  'input.max-length': { en: '{name} must be at most {limit} characters', id: '{name} paling panjang {limit} karakter', nameFirst: true },
  'input.min-items': {
    en: (v, raw) => (raw.limit === 1 ? `${v.name} must list at least one item` : `${v.name} must list at least ${v.limit} items`),
    id: '{name} paling sedikit berisi {limit} butir',
    nameFirst: true,
  },
  'input.unique-items': { en: '{name} must not list an item twice', id: '{name} tidak boleh memuat butir yang sama dua kali', nameFirst: true },
  'input.const': { en: '{name} must be {value}', id: '{name} harus {value}', nameFirst: true },
  'input.max-items': { en: '{name} must list at most {limit} items', id: '{name} paling banyak berisi {limit} butir', nameFirst: true },
  'input.min-properties': {
    en: (v, raw) => (raw.limit === 1 ? `${v.name} must not be empty` : `${v.name} must have at least ${v.limit} fields`),
    id: (v, raw) => (raw.limit === 1 ? `${v.name} tidak boleh kosong` : `${v.name} paling sedikit berisi ${v.limit} isian`),
    nameFirst: true,
  },
  'input.max-properties': { en: '{name} must have at most {limit} fields', id: '{name} paling banyak berisi {limit} isian', nameFirst: true },
  'input.pattern': { en: '{name} contains characters that are not allowed', id: '{name} berisi karakter yang tidak diizinkan', nameFirst: true },
  'input.format': { en: '{name} must be {format}', id: '{name} harus berupa {format}', nameFirst: true },
  'input.format-date': { en: 'an ISO 8601 date (YYYY-MM-DD)', id: 'tanggal ISO 8601 (YYYY-MM-DD)', fragment: true },
  'input.format-date-time': { en: 'an ISO 8601 date-time', id: 'tanggal dan jam ISO 8601', fragment: true },
  'input.format-uuid': { en: 'a UUID', id: 'UUID', fragment: true },
  'input.invalid': { en: '{name} is invalid', id: '{name} tidak sah', nameFirst: true },
  'api.too-large': { en: 'The request is too large.', id: 'Permintaan terlalu besar.' },
  'api.invalid-upload': { en: 'The upload is invalid.', id: 'Unggahan tidak sah.' },
  'api.internal': {
    en: 'An internal error occurred; it has been logged.',
    id: 'Terjadi kesalahan internal; kesalahan ini sudah dicatat.',
  },
} satisfies Catalog;
