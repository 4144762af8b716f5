/**
 * Who is calling, and what their roles let them do inside their tenant. Checks live here so the
 * API routes and the CLI ask the same questions.
 */
import { Forbidden } from './errors.js';
import { anyOf, text, type Text } from '../messages/index.js';

export type Role = 'platform-admin' | 'admin' | 'analyst' | 'staff';
export const ROLES: Role[] = ['platform-admin', 'admin', 'analyst', 'staff'];

export interface Actor {
  id: string;
  username: string;
  /** The tenant the caller acts in (a platform admin may choose one per request). */
  tenant: string | null;
  roles: string[];
  groups: string[];
  /** The name people read (absent: the username). */
  displayName?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Admins and analysts read, cancel and message every instance and see every task. */
export function seesAll(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'analyst');
}

/** The caller's tenant; a caller without one cannot use tenant-scoped endpoints. */
export function tenantOf(actor: Actor): string {
  if (!actor.tenant) throw new Forbidden(text('access.no-tenant'));
  return actor.tenant;
}

/** Refuses (403) unless the caller holds one of `roles`; `what` names the action (an `action.*` text). */
export function requireRole(actor: Actor, what: string | Text, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw new Forbidden(text('access.role-required', { action: what, roles: anyOf(roles.map((r) => text(`role.${r}`))) }));
}
