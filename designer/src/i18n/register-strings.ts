/**
 * The words of the letter registers page (views/registers-view.ts), Indonesian and English side by
 * side. Kept apart from ui-strings.ts so each stays small.
 */
import { lookup } from './lang.js';

const id = {
  navRegisters: 'Register surat',
  title: 'Register surat',
  lead: 'Nomor surat yang dibuat tugas document-render diambil dari register: berurutan tanpa loncatan per register dan tahun. Kode klasifikasi, unit dan format yang diatur di sini menggantikan header tugas pada surat berikutnya; nomor yang sudah terpakai tidak berubah.',
  key: 'Register',
  name: 'Nama',
  kode: 'Kode klasifikasi',
  unit: 'Unit',
  format: 'Format nomor',
  counters: 'Nomor terakhir per tahun',
  fromHeader: 'dari header tugas',
  noCounters: 'belum ada surat',
  none: 'Belum ada register. Register muncul saat tugas document-render memberi nomor surat, atau saat admin mengaturnya di bawah.',
  edit: 'Ubah',
  last: '{year}: {number} ({count} surat)',
  formTitle: 'Atur register',
  formHint: 'Kosongkan kolom agar header tugas yang berlaku. Format: {seq} atau {seq:3} nomor urut, {yyyy} tahun, {MM} bulan, {kode}, {unit}.',
  save: 'Simpan',
  saved: 'Register {key} disimpan.',
  adminOnly: 'Hanya admin daerah yang dapat mengatur register.',
  failed: 'Permintaan gagal: {detail}',
};
type RegisterKey = keyof typeof id;

const en: Record<RegisterKey, string> = {
  navRegisters: 'Letter registers',
  title: 'Letter registers',
  lead: 'Letter numbers made by document-render tasks come from a register: consecutive, without gaps, per register and year. The classification code, unit and format set here replace the task\'s headers from the next letter on; numbers already used do not change.',
  key: 'Register',
  name: 'Name',
  kode: 'Classification code',
  unit: 'Unit',
  format: 'Number format',
  counters: 'Last number per year',
  fromHeader: 'from the task header',
  noCounters: 'no letters yet',
  none: 'No registers yet. A register appears when a document-render task numbers a letter, or when an admin sets it up below.',
  edit: 'Edit',
  last: '{year}: {number} ({count} letters)',
  formTitle: 'Set up a register',
  formHint: 'Leave a field empty to use the task header. Format: {seq} or {seq:3} the counter, {yyyy} year, {MM} month, {kode}, {unit}.',
  save: 'Save',
  saved: 'Register {key} saved.',
  adminOnly: 'Only the regency\'s admins can set up registers.',
  failed: 'The request failed: {detail}',
};

export const registerStrings: Record<'id' | 'en', Record<RegisterKey, string>> = { id, en };

/** The registers page's string `key` in the current language, with `{name}` placeholders filled in (others, such as a format's {seq}, stay). */
export function rt(key: RegisterKey, values: Record<string, string | number> = {}): string {
  return lookup(registerStrings, key, values);
}
