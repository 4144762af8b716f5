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
  'budget.body-too-deep': {
    en: 'The request body nests objects and lists more than {max} levels deep; send flatter data.',
    id: 'Isi permintaan bersarang lebih dari {max} tingkat objek dan daftar; kirim data yang lebih datar.',
  },
} satisfies Catalog;
