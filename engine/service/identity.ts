/**
 * Identity commands: login (rate-limited, constant-time on unknown users), tenants, users and
 * their groups, and the first platform administrator. Passwords and tokens are only ever
 * stored hashed (engine/auth); nothing here logs them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { hashPassword, verifyPassword, verifyPasswordForUnknownUser } from '../auth/password.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { LoginRateLimiter } from '../auth/rate-limit.js';
import type { TokenCache } from '../auth/token-cache.js';
import { parseRoles, TENANT_ROLES, canManageUsers } from '../auth/roles.js';
import { insertTenant, findTenant, listTenants, localPasswordsAllowed, setLocalPasswords, type TenantRow } from '../store/tenants.js';
import { insertUser, findUserByUsername, countUsers, ensureGroups, addMemberships, groupsOfUser, type UserRow } from '../store/users.js';
import { insertToken, findUserAndGroupsByTokenHash, deleteToken } from '../store/api-tokens.js';
import { Conflict, Forbidden, InvalidInput, NotFound, TooManyRequests, Unauthenticated } from './errors.js';
import { type Actor, hasRole, requireRole } from './actor.js';
import { text } from '../messages/index.js';
import { inTransaction } from '../store/unit-of-work.js';
import { insertAudit } from '../store/audit.js';
import { personView, auditRow, difference, type PersonView } from './people.js';

/** The signed-in user (login, single sign-on, /api/auth/me): a person, with their tenant's name for the apps' header. */
export type UserView = PersonView & { tenantName: string | null };

export async function login(knex: Knex, limiter: LoginRateLimiter, req: { username: string; password: string; ip: string }, ttlMs: number): Promise<{ token: string; user: UserView }> {
  // One person, one limit: ADMIN and admin are the same account.
  const limitKey = req.username.toLowerCase();
  const decision = limiter.attempt(limitKey, req.ip);
  if (!decision.allowed) throw new TooManyRequests(text('identity.too-many-logins'), Math.ceil(decision.retryAfterMs / 1000));
  const user = await findUserByUsername(knex, req.username);
  const ok = user && !user.disabled ? await verifyPassword(req.password, user.password_hash) : await verifyPasswordForUnknownUser(req.password);
  // Checked after the password (whose check runs for unknown users too): a person of a tenant
  // that signs in through single sign-on only is told where to go, whether or not the password
  // they typed matched (an account provisioned by sign-on has a password nobody knows).
  if (user && !user.disabled && user.tenant_id && !(await localPasswordsAllowed(knex, user.tenant_id))) throw new Forbidden(text('auth.use-sso'));
  if (!ok || !user) throw new Unauthenticated(text('identity.wrong-password'));
  limiter.succeeded(limitKey, req.ip);
  return issueToken(knex, user, ttlMs);
}

/** A new bearer token for `user` (a password login or a single sign-on), with the user. */
export async function issueToken(knex: Knex, user: UserRow, ttlMs: number): Promise<{ token: string; user: UserView }> {
  const issued = generateToken();
  // Token lifetime runs on real time: moving the engine clock for a rehearsal must not log people out.
  const now = new Date();
  await insertToken(knex, { id: randomUUID(), token_hash: issued.hash, user_id: user.id, created_at: now, expires_at: new Date(now.getTime() + ttlMs) });
  return { token: issued.token, user: await userView(knex, user) };
}

export async function logout(knex: Knex, token: string, cache?: TokenCache): Promise<void> {
  const hash = hashToken(token);
  cache?.forget(hash);
  await deleteToken(knex, hash);
}

/**
 * The actor of a request: the bearer token's, or undefined. A platform administrator may act
 * inside a tenant by naming it (`X-Alur-Tenant`): they then hold admin and analyst rights there;
 * a tenant that does not exist is a 404. Anyone else naming a tenant stays in their own.
 */
export async function actorOfRequest(knex: Knex, token: string, chosenTenant: string | undefined, cache?: TokenCache): Promise<Actor | undefined> {
  const actor = await actorForToken(knex, token, cache);
  if (!actor || !chosenTenant || !actor.roles.includes('platform-admin')) return actor;
  if (!(await findTenant(knex, chosenTenant))) throw new NotFound(text('access.tenant-not-found', { tenant: chosenTenant.slice(0, 80) }));
  return { ...actor, tenant: chosenTenant, roles: [...new Set([...actor.roles, 'admin', 'analyst'])] };
}

/** The actor a bearer token stands for, or undefined; `cache` saves the lookup for a few seconds. */
export async function actorForToken(knex: Knex, token: string, cache?: TokenCache): Promise<Actor | undefined> {
  const hash = hashToken(token);
  const known = cache?.get(hash);
  if (known) return known;
  const user = await findUserAndGroupsByTokenHash(knex, hash, new Date());
  if (!user) return undefined;
  const actor = { id: user.id, username: user.username, tenant: user.tenant_id, roles: user.roles, groups: user.groups, ...(user.display_name ? { displayName: user.display_name } : {}) };
  cache?.set(hash, actor, new Date(user.token_expires_at));
  return actor;
}

export async function userView(knex: Knex, user: UserRow): Promise<UserView> {
  const [groups, tenant] = await Promise.all([groupsOfUser(knex, user.id), user.tenant_id ? findTenant(knex, user.tenant_id) : undefined]);
  return { ...personView(user, groups), tenantName: tenant?.name ?? null };
}


export async function createTenant(knex: Knex, actor: Actor, req: { id: string; name: string }, now: Date): Promise<TenantRow> {
  requireRole(actor, text('action.create-tenant'), 'platform-admin');
  if (await findTenant(knex, req.id)) throw new Conflict(text('identity.tenant-exists', { tenant: req.id }));
  const row = { id: req.id, name: req.name, created_at: now };
  await inTransaction(knex, async (trx) => {
    await insertTenant(trx, row);
    await insertAudit(trx, [auditRow(req.id, actor, 'tenant', req.id, 'created', null, { id: req.id, name: req.name })]);
  });
  return row;
}

/**
 * Renames a tenant or turns its password sign-in on or off (admin of the tenant, or platform
 * admin). Turning passwords off needs a single sign-on that serves the tenant (`ssoServes`), else
 * 409: nobody but the platform administrator could sign in any more. Audited with before and after.
 */
export async function changeTenant(knex: Knex, actor: Actor, id: string, patch: { name?: string; localPasswords?: boolean }, ssoServes: (tenant: string) => boolean,
  sessions: { callerToken?: string; cache?: TokenCache } = {}): Promise<TenantRow> {
  const platform = hasRole(actor, 'platform-admin') && !actor.tenant;
  if (!platform && actor.tenant !== id) throw new NotFound(text('access.tenant-not-found', { tenant: id.slice(0, 80) }));
  requireRole(actor, text('action.change-tenant'), 'admin', 'platform-admin');
  return inTransaction(knex, async (trx) => {
    const row: TenantRow | undefined = await trx('tenant').where({ id }).forUpdate().first();
    if (!row) throw new NotFound(text('access.tenant-not-found', { tenant: id.slice(0, 80) }));
    if (patch.localPasswords === false && row.local_passwords !== false && !ssoServes(id)) throw new Conflict(text('sso.none-for-tenant', { tenant: id }));
    const before = { name: row.name, localPasswords: row.local_passwords !== false };
    const after = { name: patch.name ?? before.name, localPasswords: patch.localPasswords ?? before.localPasswords };
    if (after.name !== before.name) await trx('tenant').where({ id }).update({ name: after.name });
    if (after.localPasswords !== before.localPasswords) await setLocalPasswords(trx, id, after.localPasswords);
    if (before.localPasswords && !after.localPasswords) {
      // No session signed in by password outlives the change: the tenant's people sign in again
      // (through single sign-on); the admin who turned it off keeps the session they did it from.
      const keep = sessions.callerToken ? hashToken(sessions.callerToken) : '';
      const ended: { user_id: string }[] = await trx('api_token').whereIn('user_id', trx('app_user').where({ tenant_id: id }).select('id')).whereNot({ token_hash: keep }).delete().returning('user_id');
      for (const userId of new Set(ended.map((e) => e.user_id))) sessions.cache?.forgetUser(userId);
    }
    const diff = difference(before, after);
    if (Object.keys(diff.after).length) await insertAudit(trx, [auditRow(id, actor, 'tenant', id, 'changed', diff.before, diff.after)]);
    return { ...row, name: after.name, local_passwords: after.localPasswords };
  });
}

export async function tenants(knex: Knex, actor: Actor): Promise<TenantRow[]> {
  if (hasRole(actor, 'platform-admin')) return listTenants(knex);
  const own = actor.tenant ? await findTenant(knex, actor.tenant) : undefined;
  return own ? [own] : [];
}

export interface NewUser {
  username: string; password: string; tenant: string | null; roles: string[]; groups: string[];
  displayName?: string; nip?: string | null; jabatan?: string | null; email?: string | null;
}

export async function createUser(knex: Knex, actor: Actor, req: NewUser, now: Date): Promise<PersonView> {
  const roles = parseRoles(req.roles);
  if (!roles.ok) throw new InvalidInput(roles.message, [{ path: 'roles', message: String(roles.message), text: roles.message }]);
  if (req.tenant === null) {
    if (!hasRole(actor, 'platform-admin')) throw new Forbidden(text('identity.user-without-tenant'));
    if (roles.roles.some((r) => r !== 'platform-admin') || req.groups.length) throw new InvalidInput(text('identity.tenantless-only-platform-admin'));
  } else {
    // Another tenant's admin gets 404 for the tenant, as for every other object of that tenant.
    if (!canManageUsers({ username: actor.username, tenant: actor.tenant, roles: actor.roles }, req.tenant)) {
      if (hasRole(actor, 'admin') && actor.tenant !== req.tenant) throw new NotFound(text('access.tenant-not-found', { tenant: req.tenant.slice(0, 80) }));
      throw new Forbidden(text('access.role-required', { action: text('action.create-user'), roles: text('role.admin') }));
    }
    if (!(await findTenant(knex, req.tenant))) throw new NotFound(text('access.tenant-not-found', { tenant: req.tenant.slice(0, 80) }));
    if (roles.roles.some((r) => !TENANT_ROLES.includes(r)) && !hasRole(actor, 'platform-admin')) throw new Forbidden(text('people.platform-admin-only'));
  }
  const password_hash = await hashPassword(req.password);
  return inTransaction(knex, async (trx) => {
    // Whatever its case: ADMIN beside admin would be two accounts that read as one.
    if (await findUserByUsername(trx, req.username)) throw new Conflict(text('people.user-exists', { username: req.username }));
    const row: UserRow = {
      id: randomUUID(), username: req.username, tenant_id: req.tenant, password_hash, roles: roles.roles, disabled: false, created_at: now,
      display_name: req.displayName?.trim() || null, nip: req.nip ?? null, jabatan: req.jabatan ?? null, email: req.email ?? null,
    };
    await insertUser(trx, row);
    const groups = [...new Set(req.groups)].sort();
    const audit = [];
    if (req.tenant) {
      for (const g of await ensureGroups(trx, req.tenant, groups, now)) audit.push(auditRow(req.tenant, actor, 'group', g, 'created', null, { id: g, name: g, parent: null }));
      await addMemberships(trx, row.id, req.tenant, groups);
    }
    const view = personView(row, req.tenant ? groups : []);
    audit.push(auditRow(req.tenant, actor, 'user', row.username, 'created', null, { ...view }));
    await insertAudit(trx, audit);
    return view;
  });
}

/**
 * On an empty database, creates the platform administrator `admin` with `password`, or with a
 * random one that the caller prints once. Returns what it did; does nothing when users exist.
 */
export async function bootstrapAdmin(knex: Knex, password: string | undefined, now: Date): Promise<{ created: false } | { created: true; generatedPassword?: string }> {
  if ((await countUsers(knex)) > 0) return { created: false };
  const generated = password ? undefined : randomBytes(12).toString('base64url');
  const password_hash = await hashPassword(password ?? generated!);
  await insertUser(knex, { id: randomUUID(), username: 'admin', tenant_id: null, password_hash, roles: ['platform-admin'], disabled: false, created_at: now });
  return { created: true, generatedPassword: generated };
}
