/**
 * The signed-in user and their token, kept in sessionStorage: closing the tab signs the user out,
 * which suits shared office computers. Owns nothing else; the token is never logged or put in a URL.
 */
export interface User {
  username: string;
  tenant: string;
  roles: string[];
  groups: string[];
  /** The name shown in the header (absent in sessions saved before names existed). */
  displayName?: string;
  /** The tenant's name shown in the header (absent in sessions saved before the server sent it). */
  tenantName?: string | null;
}

const TOKEN = 'alur.inbox.token';
const USER = 'alur.inbox.user';

export function token(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function currentUser(): User | null {
  const raw = sessionStorage.getItem(USER);
  if (!raw || !token()) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

export function saveSession(newToken: string, user: User): void {
  sessionStorage.setItem(TOKEN, newToken);
  sessionStorage.setItem(USER, JSON.stringify(user));
}

/** Keeps the session's user in step after the user changed their own name. */
export function updateSessionUser(change: Partial<User>): void {
  const user = currentUser();
  const bearer = token();
  if (user && bearer) saveSession(bearer, { ...user, ...change });
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

/** Analysts and admins may list every task of their tenant (API: `filter=all`). */
export function maySeeAll(user: User): boolean {
  return user.roles.includes('admin') || user.roles.includes('analyst');
}
