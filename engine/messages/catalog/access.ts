/** Who may do what: sign-in, tokens, tenants and roles (engine/service/actor.ts, engine/api/authenticate.ts). */
import type { Catalog } from './types.js';

export const access = {
  'access.sign-in-required': { en: 'Sign in first.', id: 'Silakan masuk terlebih dahulu.' },
  'access.token-invalid': {
    en: 'Your session has ended or is invalid; sign in again.',
    id: 'Sesi Anda sudah berakhir atau tidak sah; silakan masuk kembali.',
  },
  'access.no-tenant': {
    en: 'This account belongs to no tenant; a platform administrator names one with the X-Alur-Tenant header.',
    id: 'Akun ini tidak terdaftar pada pemerintah daerah mana pun; administrator platform memilihnya dengan header X-Alur-Tenant.',
  },
  'access.tenant-not-found': { en: 'Tenant {tenant} was not found.', id: 'Pemerintah daerah {tenant} tidak ditemukan.' },
  'access.role-required': { en: '{action} needs the role {roles}.', id: '{action} memerlukan peran {roles}.' },

  'role.platform-admin': { en: 'platform administrator', id: 'administrator platform', fragment: true },
  'role.admin': { en: 'admin', id: 'admin', fragment: true },
  'role.analyst': { en: 'analyst', id: 'analis', fragment: true },
  'role.staff': { en: 'staff', id: 'staf', fragment: true },

  // What a refused caller tried to do, for access.role-required ("Deploying needs the role analyst or admin.").
  'action.deploy': { en: 'deploying', id: 'deploy', fragment: true },
  'action.list-incidents': { en: 'listing incidents', id: 'melihat daftar insiden', fragment: true },
  'action.retry-incidents': { en: 'retrying incidents', id: 'mengulang insiden', fragment: true },
  'action.move-clock': { en: 'moving the clock', id: 'memindahkan jam sistem', fragment: true },
  'action.list-users': { en: 'listing users', id: 'melihat daftar pengguna', fragment: true },
  'action.read-forms': { en: 'reading deployed forms', id: 'membuka formulir yang sudah di-deploy', fragment: true },
  'action.import-packs': { en: 'importing packs', id: 'mengimpor paket proses', fragment: true },
  'action.cancel-instance': { en: 'cancelling a case', id: 'membatalkan berkas', fragment: true },
  'action.send-messages': { en: 'sending messages', id: 'mengirim pesan', fragment: true },
  'action.suspend-definition': { en: 'suspending a process', id: 'menangguhkan proses', fragment: true },
  'action.resume-definition': { en: 'resuming a process', id: 'melanjutkan proses', fragment: true },
} satisfies Catalog;
