/**
 * Calls behind "Akun saya" (API.md 1.1, "People and groups"): who the caller is, and the change of
 * their own display name, e-mail and password (PATCH /api/users/{username}, the password with the
 * current one). Never keeps a password.
 */
import { get, request } from './api.js';

export interface Me {
  username: string;
  tenant: string | null;
  roles: string[];
  groups: string[];
  displayName: string;
  nip: string | null;
  jabatan: string | null;
  email: string | null;
  /** Whether a password signs this person in (false: their tenant uses single sign-on only). */
  localPasswords: boolean;
}

export function me(): Promise<Me> {
  return get<Me>('auth/me');
}

export function saveProfile(username: string, change: { displayName: string; email: string | null }): Promise<Me> {
  return request<Me>('PATCH', `users/${encodeURIComponent(username)}`, change);
}

export function changePassword(username: string, currentPassword: string, password: string): Promise<Me> {
  return request<Me>('PATCH', `users/${encodeURIComponent(username)}`, { currentPassword, password });
}
