/**
 * Deployments, pack imports and the work on tasks: what the designer and the inbox show a person
 * when the server refuses (engine/service/deploy.ts, engine/packs/routes.ts, engine/service/engine.ts).
 * A task is named by its name, its element id only when it has none.
 */
import type { Catalog } from './types.js';

export const working = {
  'deploy.rejected': {
    en: (_, raw) => (raw.count === 1 ? 'Deployment refused: one problem.' : `Deployment refused: ${String(raw.count)} problems.`),
    id: 'Deploy ditolak: {count} masalah.',
  },
  'deploy.no-files': { en: 'A deployment needs at least one .bpmn or .form file.', id: 'Deploy memerlukan paling sedikit satu berkas .bpmn atau .form.' },
  // A problem of one .bpmn file among several of a deployment; verbatim: the file name is not capitalised.
  'deploy.in-file': { en: '{file}: {message}', id: '{file}: {message}', verbatim: true },
  'deploy.wrong-file': { en: 'File {file}: only .bpmn, .form and .docx (letter template) files can be deployed.', id: 'Berkas {file}: hanya berkas .bpmn, .form dan .docx (templat surat) yang dapat di-deploy.' },
  'deploy.template-name': { en: 'Letter template {file}: the file name may hold letters, digits, dots and dashes only, and ends in .docx.', id: 'Templat surat {file}: nama berkas hanya boleh berisi huruf, angka, titik dan tanda hubung, diakhiri .docx.' },
  'deploy.template-refused': { en: 'Letter template {file} refused: {problem}', id: 'Templat surat {file} ditolak: {problem}' },
  'pack.refused': {
    en: (_, raw) => (raw.count === 1 ? 'Pack refused: one problem.' : `Pack refused: ${String(raw.count)} problems.`),
    id: 'Paket ditolak: {count} masalah.',
  },
  'pack.file-missing': { en: 'Choose the pack file (.zip).', id: 'Pilih berkas paket (.zip).' },
  'pack.roles-missing': {
    en: 'The role mapping is missing: JSON { "<pack role>": "<local group>" }.',
    id: 'Pemetaan peran belum ada: JSON { "<peran paket>": "<grup setempat>" }.',
  },
  'pack.not-installed': { en: 'Pack {pack} is not installed.', id: 'Paket {pack} belum diimpor.' },

  'task.not-found': { en: 'This task was not found.', id: 'Tugas ini tidak ditemukan.' },
  'task.not-open': { en: 'Task “{task}” is no longer open.', id: 'Tugas “{task}” sudah tidak terbuka.' },
  'task.already-claimed': { en: 'Task “{task}” is already taken by {user}.', id: 'Tugas “{task}” sudah diambil oleh {user}.' },
  'task.not-candidate': { en: 'Task “{task}” is not for your groups.', id: 'Tugas “{task}” bukan untuk grup Anda.' },
  'task.not-yours': { en: 'Task “{task}” is not assigned to you, and your groups may not take it.', id: 'Tugas “{task}” tidak ditugaskan kepada Anda, dan grup Anda tidak dapat mengambilnya.' },
  'task.unclaim-not-yours': { en: 'Only {user} or an admin may return task “{task}”.', id: 'Hanya {user} atau admin yang dapat mengembalikan tugas “{task}”.' },
  'task.assign-not-allowed': { en: 'Only an admin or the person holding the task may assign it.', id: 'Hanya admin atau pemegang tugas yang dapat menugaskannya.' },
  'task.assignee-unknown': { en: 'User {user} does not exist in this tenant or is deactivated.', id: 'Pengguna {user} tidak ada di daerah ini atau sudah dinonaktifkan.' },
  'task.claimed-meanwhile': { en: 'Someone else took this task meanwhile.', id: 'Tugas ini baru saja diambil orang lain.' },
  'task.changed-meanwhile': { en: 'This task changed meanwhile; open it again.', id: 'Tugas ini baru saja berubah; buka kembali.' },
  'task.form-not-deployed': { en: 'The form of task “{task}” is not deployed.', id: 'Formulir tugas “{task}” belum di-deploy.' },
  'task.strict-no-form': { en: 'Task “{task}” has no form, and this process takes only values its forms declare: {names} cannot be set.', id: 'Tugas “{task}” tidak memiliki formulir, dan proses ini hanya menerima isian yang dinyatakan formulirnya: {names} tidak dapat diisi.' },
  'variable.not-declared': { en: 'No form declares {name}.', id: 'Tidak ada formulir yang menyatakan {name}.' },
  'task.values-invalid': { en: 'The values do not fit the form of task “{task}”.', id: 'Isian tidak sesuai dengan formulir tugas “{task}”.' },
  'instance.not-found': { en: 'This case was not found.', id: 'Berkas ini tidak ditemukan.' },
  'instance.not-visible': { en: 'You hold no task in this case.', id: 'Anda tidak memegang tugas apa pun pada berkas ini.' },
  'process.not-deployed': { en: 'Process {process} is not deployed.', id: 'Proses {process} belum di-deploy.' },
  'process.no-none-start': {
    en: 'Process {process} has no plain start event; it starts by a message, a timer or a signal.',
    id: 'Proses {process} tidak memiliki event mulai biasa; proses ini dimulai oleh pesan, pewaktu atau sinyal.',
  },
} satisfies Catalog;
