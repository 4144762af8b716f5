/**
 * Indonesian for bpmn-js-token-simulation, which writes its buttons, log and notifications as
 * fixed English HTML (no translate service: lib/features/{log,pause-simulation,reset-simulation,
 * set-animation-speed,...}), and for @bpmn-io/properties-panel tooltips that its groups render
 * with the library's own English when a provider passes no translate (toggle, edited, list).
 * Read by views/dom-i18n.ts, which rewrites those texts in the DOM.
 */
import { libraryId } from './bpmn-id-library.js';

export const simulationId: Record<string, string> = {
  'Simulation Log': 'Log simulasi',
  'No Entries': 'Belum ada catatan',
  'Toggle Simulation Log': 'Buka/tutup log simulasi',
  'Close': 'Tutup',
  'Reset Simulation': 'Ulangi simulasi',
  'Play/Pause Simulation': 'Jalankan/jeda simulasi',
  'Pause Simulation': 'Simulasi dijeda',
  'Play Simulation': 'Simulasi berjalan',
  'Found unsupported elements': 'Ada elemen yang tidak didukung simulasi',
  'Not supported': 'Tidak didukung',
  'Finished': 'Selesai',
  'Set Sequence Flow': 'Pilih alur',
  'Trigger Event': 'Picu event',
  'Add pause point': 'Tambah titik jeda',
  'Remove pause point': 'Hapus titik jeda',
  'Set animation speed = Slow': 'Kecepatan animasi: lambat',
  'Set animation speed = Normal': 'Kecepatan animasi: normal',
  'Set animation speed = Fast': 'Kecepatan animasi: cepat',
  'Token Simulation': 'Simulasi token',
  'Process started': 'Proses dimulai',
  'Process finished': 'Proses selesai',
  'Process canceled': 'Proses dibatalkan',
  'SubProcess started': 'Subproses dimulai',
  'SubProcess finished': 'Subproses selesai',
  'SubProcess canceled': 'Subproses dibatalkan',
  // The log's names for unnamed elements.
  'Service Task': 'Tugas layanan',
  'User Task': 'Tugas pengguna',
  'Call Activity': 'Call activity',
  'Script Task': 'Tugas skrip',
  'Business Rule Task': 'Tugas aturan bisnis',
  'Manual Task': 'Tugas manual',
  'Receive Task': 'Tugas terima',
  'Send Task': 'Tugas kirim',
  'Task': 'Tugas',
  'Exclusive Gateway': 'Gateway eksklusif',
  'Parallel Gateway': 'Gateway paralel',
  'Inclusive Gateway': 'Gateway inklusif',
  'Start Event': 'Event mulai',
  'Intermediate Event': 'Event antara',
  'Boundary Event': 'Event batas',
  'End Event': 'Event selesai',
};

const patterns: [RegExp, (...parts: string[]) => string][] = [
  [/^Focus process instance (.+)$/, (id) => `Sorot instans proses ${id}`],
  [/^(.+) (started|finished|canceled)$/, (name, what) => `${name} ${{ started: 'dimulai', finished: 'selesai', canceled: 'dibatalkan' }[what]}`],
];

/** The Indonesian of a token simulation or panel control text, or undefined when unknown. */
export function simulationText(text: string): string | undefined {
  const exact = simulationId[text];
  if (exact !== undefined) return exact;
  for (const [pattern, render] of patterns) {
    const match = pattern.exec(text);
    if (match) return render(...match.slice(1));
  }
  return undefined;
}

/** The Indonesian of a properties-panel control's tooltip, or undefined when unknown. */
export function panelControlText(text: string): string | undefined {
  const count = /^List contains (\d+) items?$/.exec(text);
  // The same words the panel gets through translate where a provider passes it (bpmn-id-library.ts).
  return count ? `Daftar berisi ${count[1]} butir` : libraryId[text];
}
