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
  'query.once': { en: '{name} must be given once', id: '{name} hanya boleh diberikan sekali' },
  'query.one-of': { en: '{name} must be one of {values}', id: '{name} harus salah satu dari {values}' },
  'query.integer': { en: '{name} must be an integer', id: '{name} harus bilangan bulat' },
  'query.boolean': { en: '{name} must be true or false', id: '{name} harus true atau false' },
  'query.minimum': { en: '{name} must be at least {limit}', id: '{name} paling kecil {limit}' },
  'query.maximum': { en: '{name} must be at most {limit}', id: '{name} paling besar {limit}' },
  'query.max-length': { en: '{name} must be at most {limit} characters', id: '{name} paling panjang {limit} karakter' },
  'query.pattern': { en: '{name} contains characters that are not allowed', id: '{name} berisi karakter yang tidak diizinkan' },
  'query.format': { en: '{name} must be {format}', id: '{name} harus berupa {format}' },
  'query.format-date': { en: 'an ISO 8601 date (YYYY-MM-DD)', id: 'tanggal ISO 8601 (YYYY-MM-DD)', fragment: true },
  'query.format-date-time': { en: 'an ISO 8601 date-time', id: 'tanggal dan jam ISO 8601', fragment: true },
  'query.format-uuid': { en: 'a UUID', id: 'UUID', fragment: true },
  'query.invalid': { en: '{name} is invalid', id: '{name} tidak sah' },
  'api.too-large': { en: 'The request is too large.', id: 'Permintaan terlalu besar.' },
  'api.invalid-upload': { en: 'The upload is invalid.', id: 'Unggahan tidak sah.' },
  'api.internal': {
    en: 'An internal error occurred; it has been logged.',
    id: 'Terjadi kesalahan internal; kesalahan ini sudah dicatat.',
  },
} satisfies Catalog;
