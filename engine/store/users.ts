/**
 * Users, groups and memberships. Usernames are unique platform-wide; groups belong to a tenant.
 */
import type { Db } from './db.js';

export interface UserRow {
  id: string;
  username: string;
  tenant_id: string | null;
  password_hash: string;
  roles: string[];
  disabled: boolean;
  created_at: Date;
}

/** Inserts a user; a taken username fails with a unique violation. */
export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db('app_user').insert(row);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db('app_user').where({ username }).first();
}

export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await db('app_user').count('* as n');
  return Number(n);
}

/** Users of a tenant (all users when tenant is undefined), by username. */
export async function listUsers(db: Db, tenant: string | undefined): Promise<UserRow[]> {
  const q = db('app_user').orderBy('username');
  return tenant === undefined ? q : q.where({ tenant_id: tenant });
}

/** Creates the groups that do not exist yet; running twice is harmless. */
export async function ensureGroups(db: Db, tenant: string, names: string[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await db('user_group').insert(names.map((name) => ({ tenant_id: tenant, name, created_at: now }))).onConflict(['tenant_id', 'name']).ignore();
}

/** Adds memberships; running twice is harmless. */
export async function addMemberships(db: Db, userId: string, tenant: string, groups: string[]): Promise<void> {
  if (groups.length === 0) return;
  await db('group_membership').insert(groups.map((group_name) => ({ user_id: userId, tenant_id: tenant, group_name }))).onConflict().ignore();
}

/** Group names of a user, sorted. */
export async function groupsOfUser(db: Db, userId: string): Promise<string[]> {
  return db('group_membership').where({ user_id: userId }).orderBy('group_name').pluck('group_name');
}

/** Groups of a tenant with their member counts. */
export async function listGroups(db: Db, tenant: string): Promise<{ name: string; members: number }[]> {
  const rows = await db('user_group as g')
    .leftJoin('group_membership as m', function () { this.on('m.tenant_id', 'g.tenant_id').andOn('m.group_name', 'g.name'); })
    .where('g.tenant_id', tenant).groupBy('g.name').orderBy('g.name')
    .select('g.name', db.raw('count(m.user_id)::int as members'));
  return rows as { name: string; members: number }[];
}
