/** Letter registers (engine/letters/registers.ts, api/routes/registers.ts). */
import type { Catalog } from './types.js';

export const letters = {
  'action.read-letter-registers': { en: 'reading the letter registers', id: 'melihat register surat', fragment: true },
  'action.change-letter-registers': { en: 'changing a letter register', id: 'mengubah register surat', fragment: true },
  'register.bad-key': {
    en: 'A register key is letters, digits, dots and dashes, at most 63 (e.g. surat-keluar-kesbangpol), as the task header names it.',
    id: 'Kunci register terdiri atas huruf, angka, titik dan tanda hubung, paling banyak 63 (mis. surat-keluar-kesbangpol), sama seperti pada header tugas.',
  },
  'register.bad-text': {
    en: '{field} may not contain line breaks, tabs or curly braces.',
    id: '{field} tidak boleh memuat ganti baris, tab, atau kurung kurawal.',
  },
  'register.bad-format': {
    en: 'The number format cannot be used: {problems}',
    id: 'Format nomor tidak dapat dipakai: {problems}',
  },
} satisfies Catalog;
