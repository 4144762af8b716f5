/**
 * What each history entry type means, in Bahasa Indonesia and English: the one table both the
 * inbox's timeline (inbox/src/case-history.ts) and the designer's Pantau console
 * (designer/src/views/operate-history.ts) read, so a case's history says the same thing in both
 * apps and a new entry type is translated once. test/ui-shared/history-strings.spec.ts fails when
 * an entry type the engine writes (engine/core/history.ts and the task commands) has no text here.
 *
 * Placeholders: {element} the step's name; {assignee} whom a task was handed to; {names} the
 * changed variables; {from}/{to} the versions of a migration. "oleh {user}" is added by the apps.
 */
import type { HeaderLang } from './header-strings.js';

const id = {
  'instance.started': 'Berkas dimulai',
  'instance.completed': 'Berkas selesai',
  'instance.terminated': 'Berkas dihentikan',
  'instance.cancelled': 'Berkas dibatalkan',
  'instance.failed': 'Berkas gagal',
  'instance.modified': 'Langkah berkas dipindahkan',
  'instance.migrated': 'Berkas dipindahkan dari versi {from} ke versi {to}',
  'element.activated': '{element} dimulai',
  'element.completed': '{element} selesai',
  'element.terminated': '{element} dihentikan',
  'flow.taken': 'Melalui jalur {element}',
  'task.claimed': '{element} diambil',
  'task.unclaimed': '{element} dilepaskan',
  'task.assigned': '{element} dialihkan kepada {assignee}',
  'task.assigned.nobody': '{element} dikembalikan ke grupnya',
  'task.unassigned': '{element} dikembalikan ke grupnya',
  'task.completed': '{element} diselesaikan',
  'job.completed': '{element} berhasil dijalankan',
  'job.failed': '{element} gagal dijalankan',
  'job.error': '{element} melaporkan kesalahan',
  'timer.fired': 'Pengatur waktu {element} berbunyi',
  'message.correlated': 'Pesan diterima di {element}',
  'message.published': 'Pesan dikirim dari {element}',
  'signal.received': 'Sinyal diterima di {element}',
  'signal.thrown': 'Sinyal dikirim dari {element}',
  'error.thrown': 'Kesalahan dilaporkan di {element}',
  'escalation.thrown': 'Eskalasi dari {element}',
  'compensation.thrown': 'Pembatalan langkah dari {element}',
  'incident.raised': 'Insiden pada {element}',
  'incident.resolved': 'Insiden pada {element} diselesaikan',
  'input.ignored': 'Masukan diabaikan',
  'variables.updated': 'Data berkas diperbarui',
  'variables.changed': 'Data berkas diubah: {names}',
  'document.signed': 'Dokumen ditandatangani secara elektronik',
  'sla.started': 'Batas waktu layanan mulai dihitung',
  'sla.paused': 'Batas waktu layanan dihentikan sementara',
  'sla.resumed': 'Batas waktu layanan dihitung kembali',
  'sla.met': 'Layanan selesai tepat waktu',
  'sla.missed': 'Layanan melewati batas waktu',
  'deadline.replanned': 'Tenggat dihitung ulang menurut kalender kerja',
};

export type HistoryTextKey = keyof typeof id;

const en: Record<HistoryTextKey, string> = {
  'instance.started': 'Case started',
  'instance.completed': 'Case completed',
  'instance.terminated': 'Case terminated',
  'instance.cancelled': 'Case cancelled',
  'instance.failed': 'Case failed',
  'instance.modified': 'Case moved by hand',
  'instance.migrated': 'Case moved from version {from} to version {to}',
  'element.activated': '{element} started',
  'element.completed': '{element} completed',
  'element.terminated': '{element} terminated',
  'flow.taken': 'Took the path {element}',
  'task.claimed': '{element} claimed',
  'task.unclaimed': '{element} given back',
  'task.assigned': '{element} handed over to {assignee}',
  'task.assigned.nobody': '{element} returned to its group',
  'task.unassigned': '{element} returned to its group',
  'task.completed': '{element} completed',
  'job.completed': '{element} ran successfully',
  'job.failed': '{element} failed',
  'job.error': '{element} reported an error',
  'timer.fired': 'Timer {element} fired',
  'message.correlated': 'Message received at {element}',
  'message.published': 'Message sent from {element}',
  'signal.received': 'Signal received at {element}',
  'signal.thrown': 'Signal sent from {element}',
  'error.thrown': 'Error reported at {element}',
  'escalation.thrown': 'Escalation from {element}',
  'compensation.thrown': 'Steps undone from {element}',
  'incident.raised': 'Incident at {element}',
  'incident.resolved': 'Incident at {element} resolved',
  'input.ignored': 'Input ignored',
  'variables.updated': 'Case data updated',
  'variables.changed': 'Case data changed: {names}',
  'document.signed': 'Document signed electronically',
  'sla.started': 'Service deadline started',
  'sla.paused': 'Service deadline paused',
  'sla.resumed': 'Service deadline resumed',
  'sla.met': 'Service completed on time',
  'sla.missed': 'Service went past its deadline',
  'deadline.replanned': 'Deadline recalculated by the working calendar',
};

export const historyStrings: Record<HeaderLang, Record<HistoryTextKey, string>> = { id, en };

/** The fields of an entry its text may name (the apps find them: names of steps and people). */
export interface HistoryValues {
  element?: string;
  assignee?: string | null;
  names?: string;
  from?: string | number;
  to?: string | number;
}

/**
 * The line for an entry of `type` in `lang`; null for a type without a text (the apps then show the
 * raw type, which the spec keeps from happening for every type the engine writes).
 */
export function historyText(lang: HeaderLang, type: string, values: HistoryValues = {}): string | null {
  // Handing a task to nobody is how an assignment is undone: it went back to its group.
  const key = type === 'task.assigned' && !values.assignee ? 'task.assigned.nobody' : type;
  if (!(key in id)) return null;
  const text = historyStrings[lang][key as HistoryTextKey];
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name as keyof HistoryValues];
    return value === undefined || value === null ? match : String(value);
  });
}
