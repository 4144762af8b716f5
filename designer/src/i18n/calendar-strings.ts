/**
 * The words of the working-day calendar page (views/calendar-view.ts), Indonesian and English side
 * by side. Kept apart from ui-strings.ts so each stays small.
 */
import { currentLang, lookup } from './lang.js';

const id = {
  navCalendar: 'Kalender kerja',
  title: 'Kalender kerja',
  lead: 'Tenggat tugas, standar pelayanan dan penanda waktu dalam hari kerja dihitung dengan kalender ini. Menambah atau menghapus hari libur menghitung ulang tenggat yang belum lewat.',
  zone: 'Zona waktu: {zone}',
  weekend: 'Hari libur mingguan: {days}',
  year: 'Tahun',
  holidaysOf: 'Hari libur {year}',
  none: 'Tidak ada hari libur tercatat untuk tahun ini.',
  date: 'Tanggal',
  name: 'Nama',
  kind: 'Jenis',
  source: 'Dasar (SK/SKB)',
  kind_national: 'Libur nasional',
  'kind_cuti-bersama': 'Cuti bersama',
  kind_regional: 'Libur daerah',
  kind_closure: 'Kantor tutup',
  remove: 'Hapus',
  removed: '{date} bukan hari libur lagi; tenggat yang belum lewat dihitung ulang.',
  addTitle: 'Tambah hari libur',
  addHint: 'Mis. hari pemungutan suara yang diliburkan, cuti bersama tambahan, atau hari jadi kota.',
  add: 'Tambah',
  added: '{name} ({date}) ditambahkan; tenggat yang belum lewat dihitung ulang.',
  adminOnly: 'Hanya admin daerah yang dapat mengubah kalender.',
  failed: 'Permintaan gagal: {detail}',
  day_1: 'Senin', day_2: 'Selasa', day_3: 'Rabu', day_4: 'Kamis', day_5: 'Jumat', day_6: 'Sabtu', day_7: 'Minggu',
};
type CalendarKey = keyof typeof id;

const en: Record<CalendarKey, string> = {
  navCalendar: 'Working days',
  title: 'Working-day calendar',
  lead: 'Task due dates, service standards and timers in working days are counted by this calendar. Adding or removing a holiday counts the deadlines that have not passed again.',
  zone: 'Time zone: {zone}',
  weekend: 'Weekly days off: {days}',
  year: 'Year',
  holidaysOf: 'Holidays in {year}',
  none: 'No holidays recorded for this year.',
  date: 'Date',
  name: 'Name',
  kind: 'Kind',
  source: 'Basis (decree)',
  kind_national: 'National holiday',
  'kind_cuti-bersama': 'Collective leave (cuti bersama)',
  kind_regional: 'Regional holiday',
  kind_closure: 'Office closed',
  remove: 'Remove',
  removed: '{date} is no longer a holiday; deadlines not yet passed were counted again.',
  addTitle: 'Add a holiday',
  addHint: 'E.g. an election day declared a holiday, extra collective leave, or the city\'s anniversary.',
  add: 'Add',
  added: '{name} ({date}) added; deadlines not yet passed were counted again.',
  adminOnly: 'Only the regency\'s admins can change the calendar.',
  failed: 'The request failed: {detail}',
  day_1: 'Monday', day_2: 'Tuesday', day_3: 'Wednesday', day_4: 'Thursday', day_5: 'Friday', day_6: 'Saturday', day_7: 'Sunday',
};

const strings: Record<'id' | 'en', Record<CalendarKey, string>> = { id, en };

/** The calendar page's string `key` in the current language, with `{name}` placeholders filled in. */
export function ct(key: CalendarKey, values: Record<string, string | number> = {}): string {
  return lookup(strings, key, values);
}

export const calendarStrings = strings;

/** A local date (YYYY-MM-DD) as the page writes it: "Jumat, 25 Des 2026" in Indonesian. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(currentLang() === 'id' ? 'id-ID' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
