/**
 * Messages and the controlled clock (engine/api/routes/operations.ts), a person's roles
 * (engine/service/people.ts) and a cancel that came too late (instance-commands.ts): texts that
 * were English only until issue 17.
 */
import type { Catalog } from './types.js';

export const operations = {
  'operations.nobody-waits': { en: 'No case waits for message {name}.', id: 'Tidak ada berkas yang menunggu pesan {name}.' },
  'operations.nobody-waits-key': {
    en: 'No case waits for message {name} with correlation key {key}.',
    id: 'Tidak ada berkas yang menunggu pesan {name} dengan kunci korelasi {key}.',
  },
  'clock.not-controllable': {
    en: 'The clock cannot be moved here (ALUR_CLOCK_CONTROLLED is not true).',
    id: 'Jam tidak dapat digeser di sini (ALUR_CLOCK_CONTROLLED tidak bernilai true).',
  },
  'clock.bad-offset': {
    en: 'The offset {offset} is not an ISO 8601 duration (e.g. P2D, PT3H).',
    id: 'Geseran {offset} bukan durasi ISO 8601 (misalnya P2D, PT3H).',
  },
  'people.tenantless-platform-admin-only': {
    en: 'A user without a tenant can only be a platform administrator.',
    id: 'Pengguna tanpa pemerintah daerah hanya dapat menjadi administrator platform.',
  },
  'people.unknown-role': { en: 'Unknown role: {roles}.', id: 'Peran tidak dikenal: {roles}.' },
  'document.attached-meanwhile': {
    en: 'Document {id} was attached to another case meanwhile.',
    id: 'Dokumen {id} baru saja dilampirkan ke berkas lain.',
  },
  'bpmn.not-executable-skipped': {
    en: 'process {process} is not executable (isExecutable is not true) and was skipped',
    id: 'proses {process} tidak dapat dijalankan (isExecutable tidak bernilai true) dan dilewati',
    fragment: true,
  },
  // Several problems in one sentence, each a clause of its own (a list with "and" would blur them).
  'list.semicolons': { en: '{first}; {rest}', id: '{first}; {rest}', fragment: true },
  'operating.cancel-too-late': { en: 'Case {id} has already ended.', id: 'Berkas {id} sudah selesai.' },
} satisfies Catalog;
