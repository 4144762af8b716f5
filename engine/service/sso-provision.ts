/**
 * A single sign-on's claims become an Alur user (API 1.1 "People and groups", README "Single
 * sign-on"). Inside the caller's transaction, it finds the user by their subject at the provider
 * (else by username, linking a local account of the same tenant once), refuses what must not sign
 * in — a deactivated account, an account or claim of another tenant, an unknown user when the
 * provider does not provision — and otherwise creates or updates the user from the claims: name,
 * NIP, jabatan and e-mail when the provider sends them; roles and groups when the provider is
 * configured to carry them (then the claims decide them: a group claim that changed moves the user
 * between groups). Every change is an audit entry by `sso:<issuer>`. Groups are never created
 * here: a claim value that names no group of the tenant is left out.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { hashPassword } from '../auth/password.js';
import { TENANT_ROLES } from '../auth/roles.js';
import type { SsoProvider } from '../auth/sso-options.js';
import type { Claims } from '../auth/oidc-clients.js';
import { findTenant } from '../store/tenants.js';
import { lockUserByUsername, groupsOfUser, insertUser, setMemberships, updateUser, type UserRow } from '../store/users.js';
import { insertAudit, type AuditRow } from '../store/audit.js';
import { auditRow, difference, personView } from './people.js';
import { text, type Text } from '../messages/index.js';

export type Provisioned = { userId: string } | { refusal: Text };

const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

export async function provisionUser(trx: Knex.Transaction, provider: SsoProvider, claims: Claims, now: Date): Promise<Provisioned> {
  const username = stringClaim(claims, provider.claims.username);
  if (!username || !USERNAME.test(username)) return { refusal: text('sso.no-username', { claim: provider.claims.username }) };
  const claimedTenant = provider.claims.tenant ? stringClaim(claims, provider.claims.tenant) : undefined;
  const tenant = provider.tenant ?? claimedTenant;
  if (!tenant) return { refusal: text('sso.no-tenant', { claim: provider.claims.tenant ?? 'tenant' }) };
  if (provider.tenant && claimedTenant && claimedTenant !== provider.tenant) return { refusal: text('sso.wrong-tenant', { username }) };
  if (!(await findTenant(trx, tenant))) return { refusal: text('sso.unknown-tenant', { tenant: tenant.slice(0, 80) }) };

  const subject = `${provider.issuer}#${claims.sub}`;
  const actor = `sso:${provider.issuer}`;
  const user: UserRow | undefined = (await trx('app_user').where({ oidc_subject: subject }).forUpdate().first()) ?? (await lockUserByUsername(trx, username));
  if (user && user.tenant_id !== tenant) return { refusal: text('sso.wrong-tenant', { username }) };
  if (user?.oidc_subject && user.oidc_subject !== subject) return { refusal: text('sso.other-identity', { username: user.username }) };
  if (user?.disabled) return { refusal: text('sso.deactivated', { username: user.username }) };
  if (!user && !provider.provision) return { refusal: text('sso.unknown-user', { username }) };

  const fields = personFields(claims);
  const roles = provider.claims.roles ? rolesOf(claims[provider.claims.roles]) : undefined;
  const groups = provider.claims.groups ? await groupsOf(trx, tenant, provider, claims[provider.claims.groups]) : undefined;
  const audit: AuditRow[] = [];
  if (!user) {
    const row: UserRow = {
      id: randomUUID(), username, tenant_id: tenant, roles: roles ?? ['staff'], disabled: false, created_at: now, oidc_subject: subject,
      // Nobody knows this password: the account signs in through the provider (an admin may set one).
      password_hash: await hashPassword(randomBytes(24).toString('base64url')),
      display_name: fields.display_name ?? null, nip: fields.nip ?? null, jabatan: fields.jabatan ?? null, email: fields.email ?? null,
    };
    await insertUser(trx, row);
    await setMemberships(trx, row.id, tenant, groups ?? []);
    await insertAudit(trx, [auditRow(tenant, actor, 'user', username, 'created', null, { ...personView(row, groups ?? []) })]);
    return { userId: row.id };
  }
  const beforeGroups = await groupsOfUser(trx, user.id);
  const changes: Partial<UserRow> = { ...fields, ...(roles ? { roles } : {}) };
  if (user.oidc_subject !== subject) {
    changes.oidc_subject = subject;
    audit.push(auditRow(tenant, actor, 'user', user.username, 'linked', { sso: null }, { sso: provider.issuer }));
  }
  await updateUser(trx, user.id, changes);
  if (groups) await setMemberships(trx, user.id, tenant, groups);
  const diff = difference(personView(user, beforeGroups), personView({ ...user, ...changes }, groups ?? beforeGroups));
  if (Object.keys(diff.after).length) audit.push(auditRow(tenant, actor, 'user', user.username, 'changed', diff.before, diff.after));
  await insertAudit(trx, audit);
  return { userId: user.id };
}

function stringClaim(claims: Claims, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Name, NIP, jabatan and e-mail the claims carry in a usable form (absent or unusable: unchanged). */
function personFields(claims: Claims): Partial<UserRow> {
  const out: Partial<UserRow> = {};
  const name = stringClaim(claims, 'name');
  if (name) out.display_name = name.slice(0, 200);
  const nip = stringClaim(claims, 'nip')?.replace(/\s+/g, '');
  if (nip && /^[0-9]{18}$/.test(nip)) out.nip = nip;
  const jabatan = stringClaim(claims, 'jabatan');
  if (jabatan) out.jabatan = jabatan.slice(0, 200);
  const email = stringClaim(claims, 'email');
  if (email && email.length <= 254 && /^[^@\s]+@[^@\s]+$/.test(email)) out.email = email;
  return out;
}

/** A claim as a list of strings: an array, or one string of names separated by commas or spaces. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').slice(0, 500);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean).slice(0, 500);
  return [];
}

/** The tenant roles the claim names (platform-admin is never taken from a provider); staff when none. */
function rolesOf(value: unknown): string[] {
  const roles = TENANT_ROLES.filter((r) => listOf(value).includes(r));
  return roles.length ? [...roles] : ['staff'];
}

/** The tenant's groups the claim names, through the provider's map; values naming no group are left out. */
async function groupsOf(trx: Knex.Transaction, tenant: string, provider: SsoProvider, value: unknown): Promise<string[]> {
  const wanted = [...new Set(listOf(value).map((v) => (Object.hasOwn(provider.groupMap, v) ? provider.groupMap[v] : v)))];
  if (!wanted.length) return [];
  // Held (FOR KEY SHARE) until the sign-in commits: a group deleted meanwhile is left out, not a failed sign-in.
  return trx('user_group').where({ tenant_id: tenant }).whereIn('name', wanted).orderBy('name').forKeyShare().pluck('name');
}
