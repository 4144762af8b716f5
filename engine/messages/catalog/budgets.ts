/** Budgets that keep one tenant's model from freezing the server for the others (README, "Budgets"). */
import type { Catalog } from './types.js';

export const budgets = {
  'budget.too-many-elements': {
    en: 'Process {process} has {count} elements; a process may have at most {max} (ALUR_MAX_ELEMENTS).',
    id: 'Proses {process} memiliki {count} elemen; satu proses paling banyak {max} elemen (ALUR_MAX_ELEMENTS).',
  },
  'budget.too-many-outgoing': {
    en: '{element} has {count} outgoing sequence flows; an element may have at most {max} (ALUR_MAX_FLOWS_PER_ELEMENT).',
    id: '{element} memiliki {count} alur keluar; satu elemen paling banyak {max} alur (ALUR_MAX_FLOWS_PER_ELEMENT).',
  },
  'budget.too-many-incoming': {
    en: '{element} has {count} incoming sequence flows; an element may have at most {max} (ALUR_MAX_FLOWS_PER_ELEMENT).',
    id: '{element} memiliki {count} alur masuk; satu elemen paling banyak {max} alur (ALUR_MAX_FLOWS_PER_ELEMENT).',
  },
  'budget.calls-itself': {
    en: 'Call activity {element} calls its own process {process}: every start would start another without end.',
    id: 'Call activity {element} memanggil prosesnya sendiri {process}: setiap mulai akan memulai yang lain tanpa akhir.',
  },
  'budget.calls-back': {
    en: 'Call activity {element} calls {callee}, which calls {process} again in this file: every start would start another without end.',
    id: 'Call activity {element} memanggil {callee}, yang dalam berkas ini memanggil {process} lagi: setiap mulai akan memulai yang lain tanpa akhir.',
  },
  'budget.follow-ups': {
    en: 'This would set off more than {max} steps in other cases at once (ALUR_MAX_FOLLOW_UPS): a message or signal going round between processes, or a call activity starting too many processes. Nothing changed.',
    id: 'Tindakan ini memicu lebih dari {max} langkah pada berkas lain sekaligus (ALUR_MAX_FOLLOW_UPS): pesan atau sinyal yang berputar antarproses, atau call activity yang memulai terlalu banyak proses. Tidak ada yang berubah.',
  },
  'budget.body-too-deep': {
    en: 'The request body nests objects and lists more than {max} levels deep; send flatter data.',
    id: 'Isi permintaan bersarang lebih dari {max} tingkat objek dan daftar; kirim data yang lebih datar.',
  },
} satisfies Catalog;
