/**
 * Jobs that failed for a reason of Alur's own, not a worker's words (engine/runner/execute.ts,
 * unclaimed.ts): the failure carries `params.text`, its kind here, so its incident and every
 * failed attempt in the history read in the reader's language (messages/incident-text.ts).
 */
import type { Catalog } from './types.js';

export const jobFailures = {
  'incident.no-handler': {
    en: 'No handler for job type {type}',
    id: 'Tidak ada penangan untuk jenis pekerjaan {type}.',
  },
  'incident.instance-gone': { en: 'Case {instance} is gone', id: 'Berkas {instance} sudah tidak ada.' },
  'incident.unclaimed': {
    en: (v, raw) => `No worker took job type "${v.type}" within ${v.minutes} minute${Number(raw.minutes) === 1 ? '' : 's'}: is a handler registered for it?`,
    id: 'Tidak ada pekerja yang mengambil jenis pekerjaan "{type}" dalam {minutes} menit: apakah penangannya sudah terdaftar?',
  },
} satisfies Catalog;
