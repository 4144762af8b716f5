/**
 * What an incident says, per kind (engine/core/effects.ts INCIDENT_TYPES): the core writes the
 * English `message` and hands the numbers and names as `params`; the API writes it here in the
 * reader's language. `detail` is always the English message: the kinds whose wording comes from
 * elsewhere (a FEEL error, a worker's failure, a thrown error) keep it and say in Indonesian what
 * happened around it. test/messages/incidents.spec.ts checks every kind has both languages.
 */
import type { Catalog } from './types.js';

export const incidents = {
  /** An incident of a kind this server does not know, or from before its numbers were kept. */
  'incident.recorded': { en: '{detail}', id: 'Insiden: {detail}', verbatim: true },
  'incident.job': { en: '{detail}', id: 'Pekerjaan layanan gagal: {detail}', verbatim: true },
  'incident.expression': { en: '{detail}', id: 'Ekspresi tidak dapat dievaluasi: {detail}', verbatim: true },
  'incident.condition': { en: '{detail}', id: 'Tidak ada alur keluar gateway dengan kondisi benar dan tidak ada alur default: {detail}', verbatim: true },
  'incident.unhandled-error': { en: '{detail}', id: 'Error yang dilempar tidak ditangkap oleh elemen mana pun: {detail}', verbatim: true },
  'incident.called-process': { en: '{detail}', id: 'Proses yang dipanggil tidak dapat dijalankan: {detail}', verbatim: true },
  'incident.io-mapping': { en: '{detail}', id: 'Pemetaan variabel masuk/keluar gagal: {detail}', verbatim: true },
  'incident.loop-limit': {
    en: 'More than {max} elements ran in one step without waiting (a cycle without a wait state?)',
    id: 'Lebih dari {max} elemen berjalan dalam satu langkah tanpa menunggu (putaran tanpa titik tunggu?); ALUR_STEP_MAX_ELEMENTS.',
  },
  'incident.multi-instance-limit': {
    en: '{element} would run {count} instances; one multi-instance may run at most {max} (ALUR_MAX_MULTI_INSTANCE_ITEMS)',
    id: '{element} akan menjalankan {count} instans; satu multi-instance paling banyak {max} (ALUR_MAX_MULTI_INSTANCE_ITEMS).',
  },
  'incident.step-time': {
    en: 'The step ran longer than {ms} ms without waiting (ALUR_STEP_TIMEOUT_MS); resolving the incident runs on from here',
    id: 'Langkah ini berjalan lebih dari {ms} ms tanpa menunggu (ALUR_STEP_TIMEOUT_MS); menyelesaikan insiden ini melanjutkan dari sini.',
  },
  'incident.call-depth': {
    en: '{element} would start {process} {depth} calls deep; a case nests called processes at most {max} deep (ALUR_MAX_CALL_DEPTH)',
    id: '{element} akan memulai {process} pada kedalaman panggilan {depth}; satu berkas paling dalam memanggil proses {max} tingkat (ALUR_MAX_CALL_DEPTH).',
  },
  'incident.unmapped-role': {
    en: 'Candidate groups of {element}: {values} is neither a role of the pack nor a group of the tenant\'s role map',
    id: 'Grup kandidat {element}: {values} bukan peran paket maupun grup dalam pemetaan peran daerah ini.',
  },
  'incident.no-assignee': {
    en: 'Nobody can work {element}: its assignee, candidate groups and candidate users all evaluated to nothing (a variable the case does not have?); set it and resolve the incident',
    id: 'Tidak ada yang dapat mengerjakan {element}: penerima tugas, grup kandidat dan pengguna kandidatnya semuanya kosong (variabel yang tidak dimiliki berkas?); isi variabelnya lalu selesaikan insiden ini.',
  },
  'incident.answer-too-deep': {
    en: 'The answer of job {type} nests objects and lists more than {max} levels deep; a variable may nest at most {max}',
    id: 'Jawaban pekerjaan {type} bersarang lebih dari {max} tingkat objek dan daftar; satu variabel paling dalam {max} tingkat.',
  },
  'incident.follow-up-limit': {
    en: 'It set off more than {max} steps in other cases at once (ALUR_MAX_FOLLOW_UPS): a message or signal going round between processes, or a call activity starting too many processes; what it set off was undone',
    id: 'Ini memicu lebih dari {max} langkah pada berkas lain sekaligus (ALUR_MAX_FOLLOW_UPS): pesan atau sinyal yang berputar antarproses, atau call activity yang memulai terlalu banyak proses; yang dipicunya dibatalkan.',
  },
} satisfies Catalog;
