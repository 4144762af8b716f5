/** Working-day calendars and deadlines (engine/service/calendars.ts, api/routes/calendar.ts). */
import type { Catalog } from './types.js';

export const calendar = {
  'action.change-calendar': { en: 'changing the working-day calendar', id: 'mengubah kalender hari kerja', fragment: true },
  'calendar.zone-unknown': {
    en: 'Time zone {zone} is unknown: give an IANA name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) or an offset (+07:00).',
    id: 'Zona waktu {zone} tidak dikenal: tulis nama IANA (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) atau selisih jam (+07:00).',
  },
  'calendar.no-working-day': {
    en: 'A week needs at least one working day; the weekend cannot be every day.',
    id: 'Satu minggu memerlukan sedikitnya satu hari kerja; akhir pekan tidak boleh setiap hari.',
  },
  'calendar.date-invalid': { en: '{date} is not a date (YYYY-MM-DD).', id: '{date} bukan tanggal (TTTT-BB-HH).' },
  'calendar.holiday-exists': {
    en: '{date} is already a holiday ({name}); remove it first to change it.',
    id: '{date} sudah menjadi hari libur ({name}); hapus dahulu untuk mengubahnya.',
  },
  'calendar.holiday-not-found': { en: '{date} is not a holiday in this calendar.', id: '{date} bukan hari libur dalam kalender ini.' },
  'calendar.range-invalid': { en: 'The date in from must not be later than the one in to.', id: 'Tanggal pada from tidak boleh lebih akhir daripada tanggal pada to.' },
} satisfies Catalog;
