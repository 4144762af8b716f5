/**
 * Indonesian for the corners of the embedded libraries the first dictionaries missed: the replace
 * menu's start/end event variants, the align menu, the properties panel's multi-instance, timer,
 * propagation and list controls, and bpmnlint's rule messages, including those it builds from
 * parts ("Sub process is missing end event"). test/designer/library-translations.spec.ts reads the
 * libraries' sources in node_modules and fails when a string they pass to translate has no entry.
 */
export const libraryId: Record<string, string> = {
  // replace menu (bpmn-js PopupEntries) and its header toggles
  'Ad-hoc sub-process': 'Sub-proses ad-hoc',
  'Ad-hoc sub-process (collapsed)': 'Sub-proses ad-hoc (tertutup)',
  'Ad-hoc sub-process (expanded)': 'Sub-proses ad-hoc (terbuka)',
  'Error start event': 'Event mulai galat',
  'Escalation start event': 'Event mulai eskalasi',
  'Compensation start event': 'Event mulai kompensasi',
  'Message start event (non-interrupting)': 'Event mulai pesan (tidak menyela)',
  'Timer start event (non-interrupting)': 'Event mulai pewaktu (tidak menyela)',
  'Conditional start event (non-interrupting)': 'Event mulai kondisi (tidak menyela)',
  'Signal start event (non-interrupting)': 'Event mulai sinyal (tidak menyela)',
  'Escalation start event (non-interrupting)': 'Event mulai eskalasi (tidak menyela)',
  'Cancel end event': 'Event selesai pembatalan',
  'Collection': 'Koleksi',
  'Participant multiplicity': 'Partisipan jamak',
  'Open {element}': 'Buka {element}',
  // align and distribute (bpmn-js builds "Align elements " + the side)
  'Align elements': 'Ratakan elemen',
  'Align elements left': 'Ratakan ke kiri',
  'Align elements center': 'Ratakan ke tengah (mendatar)',
  'Align elements right': 'Ratakan ke kanan',
  'Align elements top': 'Ratakan ke atas',
  'Align elements middle': 'Ratakan ke tengah (tegak)',
  'Align elements bottom': 'Ratakan ke bawah',
  'Distribute elements horizontally': 'Sebarkan elemen mendatar',
  'Distribute elements vertically': 'Sebarkan elemen tegak',
  // properties panel (bpmn and zeebe providers)
  'Cancel remaining instances': 'Batalkan instans yang tersisa',
  'Wait for completion': 'Tunggu hingga selesai',
  'Activity reference': 'Rujukan aktivitas',
  'Loop cardinality': 'Jumlah perulangan',
  'UTC time': 'Waktu UTC',
  'UTC plus 2 hours zone offset': 'UTC ditambah selisih zona 2 jam',
  'Documentation: Timer events': 'Dokumentasi: event pewaktu',
  'A cycle defined as ISO 8601 repeating intervals format.': 'Siklus ditulis dalam format interval berulang ISO 8601.',
  'every 10 seconds, up to 5 times': 'setiap 10 detik, paling banyak 5 kali',
  'every day, infinitely': 'setiap hari, tanpa akhir',
  '15 seconds': '15 detik',
  '1 hour and 30 minutes': '1 jam 30 menit',
  '14 days': '14 hari',
  'every hour on the hour from 9-5 p.m. UTC Monday-Friday': 'setiap jam tepat dari pukul 9 sampai 17 UTC, Senin–Jumat',
  'Timer documentation': 'Dokumentasi pewaktu',
  'Active elements collection': 'Koleksi elemen aktif',
  'Active elements': 'Elemen aktif',
  'BPMN': 'BPMN',
  'Implementation type': 'Jenis implementasi',
  'Job worker': 'Pekerja job (job worker)',
  'Inherit from parent': 'Ikuti induk',
  'On': 'Aktif',
  'Off': 'Nonaktif',
  'DMN decision': 'Keputusan DMN',
  // The options of a form's, decision's or called process's binding (Pengikatan): which version is used.
  'latest': 'Versi terbaru',
  'deployment': 'Versi yang di-deploy bersama diagram ini',
  'version tag': 'Versi menurut tag',
  'Decision ID': 'ID keputusan',
  'Called decision': 'Keputusan yang dipanggil',
  'Update': 'Perbarui',
  'Variable events': 'Event variabel',
  'External form reference': 'Rujukan formulir eksternal',
  'Form JSON configuration': 'Konfigurasi JSON formulir',
  'Input propagation': 'Penerusan masukan',
  'Output propagation': 'Penerusan keluaran',
  'If turned on, all variables from the parent process instance will be propagated to the child process instance.':
    'Bila aktif, semua variabel instans proses induk diteruskan ke instans proses anak.',
  'Otherwise, only variables defined via input mappings will be propagated.':
    'Bila tidak, hanya variabel dari pemetaan masukan yang diteruskan.',
  'If turned on, all variables from the child process instance will be propagated to the parent process instance.':
    'Bila aktif, semua variabel instans proses anak diteruskan ke instans proses induk.',
  'Otherwise, only variables defined via output mappings will be propagated.':
    'Bila tidak, hanya variabel dari pemetaan keluaran yang diteruskan.',
  '{eventType}: {type}': '{eventType}: {type}',
  // @bpmn-io/properties-panel's own controls
  'Open documentation': 'Buka dokumentasi',
  'Toggle section': 'Buka/tutup bagian',
  'Section contains an error': 'Bagian ini berisi kesalahan',
  'Section contains edits': 'Bagian ini sudah diubah',
  'Toggle list item': 'Buka/tutup butir',
  'Delete item': 'Hapus butir',
  'Create new list item': 'Tambah butir baru',
  'JSON contains errors': 'JSON berisi kesalahan',
  'Open pop-up editor': 'Buka editor jendela',
  'Opened in editor': 'Dibuka di editor',
  'FEEL expression is mandatory': 'Ekspresi FEEL wajib',
  'Unparsable FEEL expression.': 'Ekspresi FEEL tidak dapat dibaca.',
  // bpmnlint rule messages
  'A <Start Event> is not allowed in <Ad Hoc Sub Process>': 'Event mulai tidak boleh ada di sub-proses ad-hoc',
  'An <End Event> is not allowed in <Ad Hoc Sub Process>': 'Event selesai tidak boleh ada di sub-proses ad-hoc',
  'An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>': 'Gateway berbasis event memerlukan paling sedikit 2 alur keluar',
  'A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional': 'Alur keluar dari gateway berbasis event tidak boleh berkondisi',
  'Link event is missing link name': 'Event tautan belum memiliki nama tautan',
  'SequenceFlow is a duplicate': 'Alur urutan ini ganda',
  'Sub process is missing start event': 'Sub-proses belum memiliki event mulai',
  'Sub process is missing end event': 'Sub-proses belum memiliki event selesai',
  'Process has multiple blank start events': 'Proses memiliki lebih dari satu event mulai kosong',
  'Sub process has multiple blank start events': 'Sub-proses memiliki lebih dari satu event mulai kosong',
};

/** bpmnlint messages that carry a name or a type, matched by pattern. */
const lintPatterns: [RegExp, (...groups: string[]) => string][] = [
  [/^Element type <bpmn:(\w+)> is discouraged$/, (type) => `Jenis elemen ${type} sebaiknya tidak dipakai`],
  [/^Link (catch|throw) event with link name <(.*)> missing in scope$/, (kind, name) =>
    `Event tautan ${kind === 'catch' ? 'tangkap' : 'lempar'} bernama <${name}> tidak ada dalam cakupan ini`],
  [/^Duplicate link catch event with link name <(.*)> in scope$/, (name) => `Event tautan tangkap bernama <${name}> ganda dalam cakupan ini`],
  [/^Link catch event with link name <(.*)> missing in scope$/, (name) => `Event tautan tangkap bernama <${name}> tidak ada dalam cakupan ini`],
  [/^Element has a non-standard width; expected width of (\d+)$/, (w) => `Lebar elemen tidak standar; seharusnya ${w}`],
  [/^Element has a non-standard height; expected height of (\d+)$/, (h) => `Tinggi elemen tidak standar; seharusnya ${h}`],
  [/^Element has a non-standard size; expected (\d+)x(\d+)$/, (w, h) => `Ukuran elemen tidak standar; seharusnya ${w} × ${h}`],
];

export function lintMessageId(message: string): string | undefined {
  for (const [pattern, render] of lintPatterns) {
    const match = pattern.exec(message);
    if (match) return render(...match.slice(1));
  }
  return undefined;
}
