/**
 * People of a tenant (API 1.1 "People and groups"): listing, and changing a user — their own name,
 * e-mail and password, or (admins) everything including roles, groups and whether the account is
 * active. Deactivating stops login and every token at once and hands the user's open tasks back
 * to their candidates (`task.unassigned`, `data.reason = "user deactivated"`) in the same
 * transaction. Every change is in the audit with the values before and after (never a password).
 */
import type { Knex } from 'knex';
import type { Engine } from './engine.js';
import type { TokenCache } from '../auth/token-cache.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hashToken } from '../auth/tokens.js';
import { parseRoles, TENANT_ROLES } from '../auth/roles.js';
import { lockUserByUsername, searchUsers, updateUser, setMemberships, ensureGroups, groupsOfUser, findUserByUsername, type UserRow, type UserWithGroups, type UserQuery } from '../store/users.js';
import { deleteTokensOfUser } from '../store/api-tokens.js';
import { localPasswordsAllowed } from '../store/tenants.js';
import { insertAudit, type AuditRow } from '../store/audit.js';
import type { Page, PageQuery } from '../store/db.js';
import type { RowOp } from '../store/row-ops.js';
import type { TaskRow } from '../store/tasks.js';
import { type Actor, hasRole } from './actor.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from './errors.js';
import { allOf, entry, text, type Text } from '../messages/index.js';

export interface PersonView {
  username: string;
  tenant: string | null;
  roles: string[];
  groups: string[];
  displayName: string;
  nip: string | null;
  jabatan: string | null;
  email: string | null;
  active: boolean;
}

export function personView(u: UserRow, groups: string[]): PersonView {
  return {
    username: u.username, tenant: u.tenant_id, roles: u.roles, groups,
    displayName: u.display_name ?? u.username, nip: u.nip ?? null, jabatan: u.jabatan ?? null, email: u.email ?? null, active: !u.disabled,
  };
}

/** The tenant whose people the caller manages: every tenant for a platform administrator acting outside one. */
function scopeOf(actor: Actor): string | undefined {
  if (hasRole(actor, 'platform-admin') && !actor.tenant) return undefined;
  return actor.tenant ?? '';
}

export function isPeopleAdmin(actor: Actor): boolean {
  return hasRole(actor, 'admin', 'platform-admin');
}

export async function listPeople(knex: Knex, actor: Actor, query: Omit<UserQuery, 'tenant'>, page: PageQuery): Promise<Page<PersonView>> {
  const found = await searchUsers(knex, { ...query, tenant: scopeOf(actor) }, page);
  return { items: found.items.map((u: UserWithGroups) => personView(u, u.groups)), total: found.total };
}

/** A user of the caller's tenant, or 404 (another tenant's user does not exist for the caller). */
export async function personOf(knex: Knex, actor: Actor, username: string): Promise<PersonView> {
  const user = await findUserByUsername(knex, username);
  const scope = scopeOf(actor);
  if (!user || (scope !== undefined && user.tenant_id !== scope)) throw new NotFound(text('people.user-not-found', { username: username.slice(0, 100) }));
  if (user.id !== actor.id && !isPeopleAdmin(actor)) throw new Forbidden(text('people.not-your-account'));
  return personView(user, await groupsOfUser(knex, user.id));
}

export interface PersonPatch {
  displayName?: string;
  nip?: string | null;
  jabatan?: string | null;
  email?: string | null;
  roles?: string[];
  groups?: string[];
  active?: boolean;
  password?: string;
  currentPassword?: string;
}

const OWN_FIELDS = new Set(['displayName', 'email', 'password', 'currentPassword']);

export interface PeopleDeps { knex: Knex; engine: Engine; tokenCache?: TokenCache }

/**
 * Changes a user. Admins of the user's tenant (and platform administrators) change everything;
 * the user changes their own name, e-mail and — with the current one — password. Answers the user.
 */
export async function changePerson(deps: PeopleDeps, actor: Actor, username: string, patch: PersonPatch, callerToken?: string): Promise<PersonView> {
  const { engine } = deps;
  // Hashing is slow (scrypt): done before the transaction, checked inside it.
  const newHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  const outcome = await engine.administer('changeUser', async (uow) => {
    const db = uow.db;
    const user = await lockUserByUsername(db, username);
    const scope = scopeOf(actor);
    if (!user || (scope !== undefined && user.tenant_id !== scope)) throw new NotFound(text('people.user-not-found', { username: username.slice(0, 100) }));
    const self = user.id === actor.id;
    const admin = isPeopleAdmin(actor);
    if (!admin && !self) throw new Forbidden(text('people.not-your-account'));
    if (!admin && Object.keys(patch).some((k) => !OWN_FIELDS.has(k))) throw new Forbidden(text('people.own-fields-only'));
    const before = personView(user, await groupsOfUser(db, user.id));
    const changes: Partial<UserRow> = {};
    if (patch.displayName !== undefined) changes.display_name = patch.displayName.trim() || null;
    if (patch.nip !== undefined) changes.nip = patch.nip;
    if (patch.jabatan !== undefined) changes.jabatan = patch.jabatan;
    if (patch.email !== undefined) changes.email = patch.email;
    if (patch.roles !== undefined) {
      const roles = parseRoles(patch.roles);
      if (!roles.ok) throw new InvalidInput(roles.message, [{ path: 'roles', message: String(roles.message), text: roles.message }]);
      const touchesPlatform = roles.roles.includes('platform-admin') !== user.roles.includes('platform-admin');
      if ((touchesPlatform || user.tenant_id === null) && !hasRole(actor, 'platform-admin')) throw new Forbidden(text('people.platform-admin-only'));
      if (user.tenant_id === null && roles.roles.some((r) => !['platform-admin'].includes(r))) refuseRoles(text('people.tenantless-platform-admin-only'));
      const unknown = roles.roles.filter((r) => !TENANT_ROLES.includes(r) && r !== 'platform-admin');
      if (user.tenant_id !== null && unknown.length) refuseRoles(text('people.unknown-role', { roles: allOf(unknown) }));
      changes.roles = roles.roles;
    }
    if (patch.active !== undefined && patch.active === user.disabled) {
      if (!patch.active && self) throw new Conflict(text('people.not-yourself'));
      changes.disabled = !patch.active;
    }
    if (newHash !== undefined) {
      if (!(await localPasswordsAllowed(db, user.tenant_id))) throw new Conflict(text('people.local-passwords-off'));
      if (self) {
        if (!patch.currentPassword) throw new InvalidInput(text('people.current-password-required'), [entry({ path: 'currentPassword' }, text('people.current-password-required'))]);
        if (!(await verifyPassword(patch.currentPassword, user.password_hash))) throw new Forbidden(text('people.current-password-wrong'));
      }
      changes.password_hash = newHash;
    }
    await updateUser(db, user.id, changes);
    let groups = before.groups;
    const audit: AuditRow[] = [];
    if (patch.groups !== undefined) {
      if (user.tenant_id === null) {
        if (patch.groups.length) throw new InvalidInput(text('people.no-groups-without-tenant'), [entry({ path: 'groups' }, text('people.no-groups-without-tenant'))]);
      } else {
        groups = [...new Set(patch.groups)].sort();
        for (const g of await ensureGroups(db, user.tenant_id, groups, uow.now)) audit.push(auditRow(user.tenant_id, actor, 'group', g, 'created', null, { id: g, name: g, parent: null }));
        await setMemberships(db, user.id, user.tenant_id, groups);
      }
    }
    const after = personView({ ...user, ...changes }, groups);
    const diff = difference(before, after);
    if (newHash !== undefined) { diff.before.password = 'unchanged'; diff.after.password = 'changed'; }
    const action = changes.disabled === true ? 'deactivated' : changes.disabled === false ? 'reactivated' : 'changed';
    if (Object.keys(diff.after).length) audit.push(auditRow(user.tenant_id, actor, 'user', user.username, action, diff.before, diff.after));
    await insertAudit(db, audit);
    if (changes.disabled === true) {
      await deleteTokensOfUser(db, user.id);
      if (user.tenant_id) await returnOpenTasks(uow, user.tenant_id, user.username, actor.username);
    } else if (newHash !== undefined) {
      // A new password ends the other sessions (a reset by an admin ends them all).
      await deleteTokensOfUser(db, user.id, self && callerToken ? hashToken(callerToken) : undefined);
    }
    return { view: after, userId: user.id };
  });
  deps.tokenCache?.forgetUser(outcome.userId);
  return outcome.view;
}

/** The open tasks held by `username` go back to their candidates, each with its history entry. */
async function returnOpenTasks(uow: import('../store/unit-of-work.js').UnitOfWork, tenant: string, username: string, by: string): Promise<void> {
  const tasks: TaskRow[] = await uow.db('user_task').where({ tenant_id: tenant, assignee: username, state: 'open' }).orderBy('created_at').forUpdate();
  if (!tasks.length) return;
  const ops: RowOp[] = tasks.map((t) => ({ type: 'task.assign', taskId: t.id, instanceId: t.instance_id, key: t.key, expected: username, assignee: null }));
  ops.push({
    type: 'history.insert',
    rows: tasks.map((t) => ({ tenant_id: tenant, instance_id: t.instance_id, at: uow.now, type: 'task.unassigned', element_id: t.element_id, username: by, data: { taskId: t.id, assignee: null, previousAssignee: username, reason: 'user deactivated' } })),
  });
  await uow.write(ops);
}

export function auditRow(tenant: string | null, actor: Actor | string, type: AuditRow['object_type'], id: string, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditRow {
  return { tenant_id: tenant, at: new Date(), actor: typeof actor === 'string' ? actor : actor.username, object_type: type, object_id: id, action, before, after };
}

/** The fields whose values differ, before and after. */
export function difference(before: object, after: object): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[k];
    if (JSON.stringify(old) !== JSON.stringify(v)) { b[k] = old ?? null; a[k] = v; }
  }
  return { before: b, after: a };
}

/** Roles that cannot be given: 400 naming the `roles` field, in the reader's language. */
function refuseRoles(why: Text): never {
  throw new InvalidInput(why, [entry({ path: 'roles' }, why)]);
}
