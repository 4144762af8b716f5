/**
 * The four roles of Alur and the questions the API asks about them. `platform-admin` manages
 * tenants; inside a tenant `admin` manages users, groups and packs, `analyst` deploys, `staff`
 * works tasks; a user may hold several. Groups (org units or posts such as `kepala-dinas-pu`) are
 * not roles: they are what `candidateGroups` name. Pure functions, no I/O; tenant scoping of data
 * is the store's job, these helpers only answer "may this user do that kind of thing".
 */
import { allOf, text, type Text } from '../messages/index.js';

export const ROLES = ['platform-admin', 'admin', 'analyst', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that exist inside one tenant (what a tenant admin may grant). */
export const TENANT_ROLES: readonly Role[] = ['admin', 'analyst', 'staff'];

export interface Principal {
  username: string;
  tenant: string | null;
  roles: readonly string[];
  groups?: readonly string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Validates a role list from a request: every entry a known role, no duplicates, at least one. */
export function parseRoles(value: unknown): { ok: true; roles: Role[] } | { ok: false; message: Text } {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, message: text('identity.roles-empty') };
  const unknown = value.filter((r) => !isRole(r));
  if (unknown.length) return { ok: false, message: text('identity.roles-unknown', { roles: allOf(unknown.map((r) => JSON.stringify(r))), known: allOf(ROLES), count: unknown.length }) };
  return { ok: true, roles: [...new Set(value as Role[])] };
}

/** Whether `user` holds at least one of `roles`. */
export function hasRole(user: Pick<Principal, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

export function isPlatformAdmin(user: Pick<Principal, 'roles'>): boolean {
  return hasRole(user, 'platform-admin');
}

/** Holds no role above `staff`: sees only the tasks they are assigned or a candidate for. */
export function isStaffOnly(user: Pick<Principal, 'roles'>): boolean {
  return !hasRole(user, 'platform-admin', 'admin', 'analyst');
}

/** Analysts and admins read, cancel and message every instance of their tenant, and see all tasks. */
export function canOverseeTenant(user: Pick<Principal, 'roles'>): boolean {
  return hasRole(user, 'admin', 'analyst');
}

/** Deploying processes and forms: analysts and admins. */
export function canDeploy(user: Pick<Principal, 'roles'>): boolean {
  return hasRole(user, 'admin', 'analyst');
}

/** Creating users in `tenant`: the platform admin, or an admin of that very tenant. */
export function canManageUsers(user: Principal, tenant: string): boolean {
  return isPlatformAdmin(user) || (hasRole(user, 'admin') && user.tenant === tenant);
}

/** Whether `user` is a candidate for a task, by username or by one of their groups. */
export function isTaskCandidate(
  user: Pick<Principal, 'username' | 'groups'>,
  task: { candidateUsers?: readonly string[] | null; candidateGroups?: readonly string[] | null },
): boolean {
  const groups = user.groups ?? [];
  return (task.candidateUsers ?? []).includes(user.username) || (task.candidateGroups ?? []).some((g) => groups.includes(g));
}
