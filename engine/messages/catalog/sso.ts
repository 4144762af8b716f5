/** Single sign-on and password sign-in (engine/service/sso.ts, sso-provision.ts, identity.ts). */
import type { Catalog } from './types.js';

export const sso = {
  'auth.use-sso': {
    en: 'Your tenant signs in through single sign-on only: use the single sign-on button instead of a password.',
    id: 'Pemerintah daerah Anda hanya masuk melalui single sign-on (SSO): gunakan tombol SSO, bukan kata sandi.',
  },
  'sso.expired': {
    en: 'This single sign-on has expired or was already used; sign in again.',
    id: 'Proses masuk SSO ini sudah kedaluwarsa atau sudah dipakai; silakan masuk lagi.',
  },
  'sso.busy': {
    en: 'Too many sign-ins are under way; try again in a minute.',
    id: 'Terlalu banyak proses masuk yang sedang berjalan; coba lagi dalam satu menit.',
  },
  'sso.unknown-provider': { en: 'There is no single sign-on named {provider}.', id: 'Tidak ada SSO bernama {provider}.' },
  'sso.provider-refused': {
    en: 'The identity provider did not sign you in ({reason}).',
    id: 'Penyedia identitas tidak mengizinkan Anda masuk ({reason}).',
  },
  'sso.provider-failed': {
    en: 'The sign-in with the identity provider could not be completed; try again, and tell your admin if it keeps failing.',
    id: 'Proses masuk melalui penyedia identitas tidak dapat diselesaikan; coba lagi, dan hubungi admin Anda bila terus gagal.',
  },
  'sso.no-username': {
    en: 'The identity provider sent no usable user name (claim {claim}); ask your admin.',
    id: 'Penyedia identitas tidak mengirim nama pengguna yang dapat dipakai (klaim {claim}); hubungi admin Anda.',
  },
  'sso.no-tenant': {
    en: 'The identity provider did not say which tenant you belong to (claim {claim}); ask your admin.',
    id: 'Penyedia identitas tidak menyebutkan pemerintah daerah Anda (klaim {claim}); hubungi admin Anda.',
  },
  'sso.unknown-tenant': {
    en: 'Tenant {tenant}, named by the identity provider, does not exist in Alur; ask your admin.',
    id: 'Pemerintah daerah {tenant} yang disebut penyedia identitas tidak ada di Alur; hubungi admin Anda.',
  },
  'sso.wrong-tenant': {
    en: 'Account {username} belongs to another tenant than this sign-in; sign in through your own tenant.',
    id: 'Akun {username} terdaftar di pemerintah daerah lain; masuklah melalui pemerintah daerah Anda sendiri.',
  },
  'sso.other-identity': {
    en: 'Account {username} is linked to another identity at the provider; ask your admin.',
    id: 'Akun {username} sudah terhubung dengan identitas lain di penyedia identitas; hubungi admin Anda.',
  },
  'sso.deactivated': {
    en: 'Account {username} has been deactivated in Alur; ask your admin.',
    id: 'Akun {username} telah dinonaktifkan di Alur; hubungi admin Anda.',
  },
  'sso.unknown-user': {
    en: 'Account {username} is not registered in Alur; ask your admin to add you.',
    id: 'Akun {username} belum terdaftar di Alur; mintalah admin Anda untuk menambahkannya.',
  },
  'sso.none-for-tenant': {
    en: 'No single sign-on serves tenant {tenant}: turning passwords off would lock its people out.',
    id: 'Tidak ada SSO untuk pemerintah daerah {tenant}: mematikan kata sandi akan membuat penggunanya tidak dapat masuk.',
  },
  'action.change-tenant': { en: 'changing the tenant', id: 'mengubah pemerintah daerah', fragment: true },
} satisfies Catalog;
