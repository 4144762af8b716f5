/** Signing in, tenants and new users (engine/service/identity.ts, engine/auth/roles.ts). */
import type { Catalog } from './types.js';

export const identity = {
  'identity.too-many-logins': {
    en: 'Too many login attempts; try again later.',
    id: 'Terlalu banyak percobaan masuk; coba lagi nanti.',
  },
  'identity.wrong-password': { en: 'Wrong username or password.', id: 'Nama pengguna atau kata sandi salah.' },
  'identity.tenant-exists': { en: 'Tenant {tenant} already exists.', id: 'Pemerintah daerah {tenant} sudah ada.' },
  'identity.user-without-tenant': {
    en: 'Only a platform administrator creates users without a tenant.',
    id: 'Hanya administrator platform yang dapat membuat pengguna tanpa pemerintah daerah.',
  },
  'identity.tenantless-only-platform-admin': {
    en: 'A user without a tenant can only be a platform-admin without groups.',
    id: 'Pengguna tanpa pemerintah daerah hanya dapat berperan platform-admin, tanpa grup.',
  },
  'identity.roles-empty': { en: 'Roles must be a non-empty list.', id: 'Peran harus berupa daftar yang tidak kosong.' },
  'identity.roles-unknown': {
    en: (v, raw) => `Unknown role${(raw.count as number) === 1 ? '' : 's'} ${v.roles}; known roles are ${v.known}.`,
    id: 'Peran {roles} tidak dikenal; peran yang dikenal: {known}.',
  },
  'action.create-tenant': { en: 'creating tenants', id: 'membuat pemerintah daerah', fragment: true },
  'action.create-user': { en: 'creating users of that tenant', id: 'membuat pengguna pemerintah daerah itu', fragment: true },
} satisfies Catalog;
