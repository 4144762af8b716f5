/**
 * Why an input changed nothing (an `input.ignored` history entry: a late timer, a second
 * completion, a worker's repeated delivery). The core records a code and its params
 * (engine/core/ignored.ts); GET …/history words them here in the reader's language.
 */
import type { Catalog } from './types.js';

export const ignoredInputs = {
  'ignored.kind-timer': { en: 'timer', id: 'pewaktu', fragment: true },
  'ignored.kind-message': { en: 'message', id: 'pesan', fragment: true },
  'ignored.kind-signal': { en: 'signal', id: 'sinyal', fragment: true },
  'ignored.instance-ended': { en: 'The case is already {status}; the input changed nothing.', id: 'Permohonan ini sudah {status}; masukan ini tidak mengubah apa pun.' },
  'ignored.task-not-open': { en: 'Task {key} is no longer open.', id: 'Tugas {key} sudah tidak terbuka.' },
  'ignored.task-closed': { en: 'The task {task} is no longer open.', id: 'Tugas {task} sudah tidak terbuka.' },
  'ignored.job-not-active': { en: 'Job {key} is no longer active (a late or repeated delivery).', id: 'Pekerjaan {key} sudah tidak aktif (kiriman yang terlambat atau berulang).' },
  'ignored.job-attempt': { en: 'Attempt {attempt} of job {key} is not the current attempt ({current}).', id: 'Percobaan {attempt} pekerjaan {key} bukan percobaan yang berlaku ({current}).' },
  'ignored.subscription-closed': { en: 'The {kind} {key} is no longer awaited.', id: '{kind} {key} sudah tidak ditunggu.' },
  'ignored.name-mismatch': { en: 'The {kind} “{name}” is not the awaited “{expected}”.', id: '{kind} “{name}” bukan yang ditunggu (“{expected}”).' },
  'ignored.call-not-waiting': { en: 'Call {key} is no longer waiting for its called process.', id: 'Pemanggilan {key} sudah tidak menunggu proses yang dipanggilnya.' },
  'ignored.incident-not-open': { en: 'Incident {key} is no longer open.', id: 'Insiden {key} sudah tidak terbuka.' },
  'ignored.element-gone': { en: 'Step {key} has ended or already has an incident.', id: 'Langkah {key} sudah berakhir atau sudah memiliki insiden.' },
  'ignored.no-variables': { en: 'No variables to set.', id: 'Tidak ada variabel yang diubah.' },
  'ignored.nothing-replanned': { en: 'No working-day deadline moved.', id: 'Tidak ada tenggat hari kerja yang bergeser.' },
  'ignored.modify-refused': { en: 'The modification was not applied (technical detail: {detail}).', id: 'Perubahan tidak diterapkan (rincian teknis: {detail}).' },
  'ignored.migrate-refused': { en: 'The migration was not applied (technical detail: {detail}).', id: 'Migrasi tidak diterapkan (rincian teknis: {detail}).' },
} satisfies Catalog;
