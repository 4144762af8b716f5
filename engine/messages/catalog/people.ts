/** People, groups and the audit of administration (engine/service/people.ts, groups.ts). */
import type { Catalog } from './types.js';

export const people = {
  'people.user-not-found': { en: 'User {username} was not found.', id: 'Pengguna {username} tidak ditemukan.' },
  'people.user-exists': { en: 'User {username} already exists.', id: 'Pengguna {username} sudah ada.' },
  'people.own-fields-only': {
    en: 'You may change only your own name, e-mail and password; an admin changes the rest.',
    id: 'Anda hanya dapat mengubah nama, e-mail, dan kata sandi Anda sendiri; selebihnya diubah oleh admin.',
  },
  'people.not-your-account': { en: 'Only an admin changes another user.', id: 'Hanya admin yang dapat mengubah pengguna lain.' },
  'people.current-password-required': {
    en: 'Give your current password to set a new one.',
    id: 'Masukkan kata sandi Anda saat ini untuk menetapkan kata sandi baru.',
  },
  'people.current-password-wrong': { en: 'The current password is wrong.', id: 'Kata sandi saat ini salah.' },
  'people.platform-admin-only': {
    en: 'Only a platform administrator grants or changes platform-admin.',
    id: 'Hanya administrator platform yang dapat memberikan atau mengubah peran administrator platform.',
  },
  'people.not-yourself': { en: 'You cannot deactivate your own account.', id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.' },
  'people.no-groups-without-tenant': {
    en: 'A user without a tenant has no groups.',
    id: 'Pengguna tanpa pemerintah daerah tidak memiliki grup.',
  },
  'people.local-passwords-off': {
    en: 'This tenant signs in through single sign-on only; passwords are not used.',
    id: 'Pemerintah daerah ini hanya masuk melalui single sign-on; kata sandi tidak digunakan.',
  },
  'groups.not-found': { en: 'Group {group} was not found.', id: 'Grup {group} tidak ditemukan.' },
  'groups.exists': { en: 'Group {group} already exists.', id: 'Grup {group} sudah ada.' },
  'groups.parent-not-found': { en: 'Parent group {group} does not exist.', id: 'Grup induk {group} tidak ada.' },
  'groups.parent-cycle': {
    en: 'Group {group} cannot sit under {parent}: {parent} is inside it.',
    id: 'Grup {group} tidak dapat berada di bawah {parent}: {parent} berada di dalamnya.',
  },
  'groups.in-use': {
    en: 'Group {group} is still in use ({members} members, {children} groups under it, {tasks} open tasks); move them first.',
    id: 'Grup {group} masih digunakan ({members} anggota, {children} subgrup, {tasks} tugas terbuka); pindahkan terlebih dahulu.',
  },
  'deploy.group-without-members': {
    en: 'Candidate group {group} has no active member in this tenant: nobody will see these tasks.',
    id: 'Grup kandidat {group} tidak memiliki anggota aktif di pemerintah daerah ini: tugas ini tidak akan terlihat oleh siapa pun.',
  },
  'action.manage-groups': { en: 'managing groups', id: 'mengelola grup', fragment: true },
  'action.read-audit': { en: 'reading the audit of administration', id: 'membuka riwayat administrasi', fragment: true },
} satisfies Catalog;
