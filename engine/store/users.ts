/**
 * Users, groups and memberships. Usernames are unique platform-wide whatever their case (a unique
 * index on lower(username)); a user keeps the spelling it was created with, and every lookup by
 * name ignores case. Groups belong to a tenant (engine/store/groups.ts).
 */
import type { Db, Page, PageQuery } from './db.js';
import { paged } from './db.js';

export interface UserRow {
  id: string;
  username: string;
  tenant_id: string | null;
  password_hash: string;
  roles: string[];
  disabled: boolean;
  created_at: Date;
  display_name?: string | null;
  nip?: string | null;
  jabatan?: string | null;
  email?: string | null;
  oidc_subject?: string | null;
}

/** A user with its group names, as lists and the API show it. */
export type UserWithGroups = UserRow & { groups: string[] };

/** Inserts a user; a taken username fails with a unique violation. */
export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db('app_user').insert(row);
}

/** The user whose name matches `username` ignoring case (the index on lower(username) answers it). */
export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db('app_user').whereRaw('lower(username) = lower(?)', [username]).first();
}

/** Like findUserByUsername, locked for the rest of the transaction (a change of the user). */
export async function lockUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db('app_user').whereRaw('lower(username) = lower(?)', [username]).forUpdate().first();
}

/** Changes columns of one user. */
export async function updateUser(db: Db, id: string, patch: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<void> {
  if (Object.keys(patch).length) await db('app_user').where({ id }).update(patch);
}

/** Replaces a user's memberships with `groups` (which exist). */
export async function setMemberships(db: Db, userId: string, tenant: string, groups: string[]): Promise<void> {
  await db('group_membership').where({ user_id: userId }).delete();
  await addMemberships(db, userId, tenant, groups);
}

/** Display names of the users of a tenant named in `usernames` (absent when they have none). */
export async function displayNames(db: Db, tenant: string, usernames: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows: { username: string; display_name: string }[] = await db('app_user').where({ tenant_id: tenant }).whereIn('username', wanted).whereNotNull('display_name').select('username', 'display_name');
  return new Map(rows.map((r) => [r.username, r.display_name]));
}

export interface UserQuery { tenant?: string; q?: string; group?: string; active?: boolean }

/** Users matching a search (username, name, NIP, jabatan, e-mail contain `q`), with their groups, by username. */
export async function searchUsers(db: Db, query: UserQuery, page: PageQuery): Promise<Page<UserWithGroups>> {
  const groups = db.raw("coalesce((select array_agg(m.group_name order by m.group_name) from group_membership m where m.user_id = u.id), '{}') as groups");
  const q = db('app_user as u').select('u.*', groups);
  if (query.tenant !== undefined) q.where('u.tenant_id', query.tenant);
  if (query.active !== undefined) q.where('u.disabled', !query.active);
  if (query.group) q.whereExists(db('group_membership as g').whereRaw('g.user_id = u.id').andWhere('g.group_name', query.group));
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) => {
      for (const col of ['u.username', 'u.display_name', 'u.nip', 'u.jabatan', 'u.email']) w.orWhereRaw(`lower(coalesce(${col}, '')) like ?`, [like]);
    });
  }
  return paged<UserWithGroups>(q, page, (x) => x.orderBy('u.username'));
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

/**
 * Creates the groups that do not exist yet (named by their id) and holds them (FOR KEY SHARE) until
 * the transaction ends, so the memberships the caller adds next cannot lose their group; answers
 * those it created. A group that a concurrent delete (service/groups.ts removeGroup, which holds
 * it FOR UPDATE) removed while this waited is created again — the person's change wins.
 */
export async function ensureGroups(db: Db, tenant: string, names: string[], now: Date): Promise<string[]> {
  if (names.length === 0) return [];
  const insert = async (wanted: string[]) => ((await db('user_group').insert(wanted.map((name) => ({ tenant_id: tenant, name, created_at: now })))
    .onConflict(['tenant_id', 'name']).ignore().returning('name')) as { name: string }[]).map((r) => r.name);
  const created = await insert(names);
  const held: string[] = await db('user_group').where({ tenant_id: tenant }).whereIn('name', names).forKeyShare().pluck('name');
  const gone = names.filter((n) => !held.includes(n));
  return gone.length ? [...created, ...(await insert(gone))] : created;
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

/** Display names of the people a page of tasks names (assignees, who completed). */
export async function namesOfTasks(db: Db, tasks: { tenant_id: string; assignee: string | null; completed_by: string | null }[]): Promise<Map<string, string>> {
  const people = tasks.flatMap((t) => [t.assignee, t.completed_by]).filter((u): u is string => !!u);
  return tasks.length && people.length ? displayNames(db, tasks[0].tenant_id, people) : new Map();
}

/** Active users of a tenant who belong to one of `groups` or are named in `users`, with their groups, by name. */
export async function colleaguesOf(db: Db, tenant: string, groups: string[], users: string[]): Promise<UserWithGroups[]> {
  if (!groups.length && !users.length) return [];
  const groupList = db.raw("coalesce((select array_agg(m.group_name order by m.group_name) from group_membership m where m.user_id = u.id), '{}') as groups");
  return db('app_user as u').select('u.*', groupList).where({ 'u.tenant_id': tenant, 'u.disabled': false })
    .andWhere((w) => {
      if (users.length) w.orWhereIn('u.username', users);
      if (groups.length) w.orWhereExists(db('group_membership as g').whereRaw('g.user_id = u.id').whereIn('g.group_name', groups));
    })
    .orderByRaw('lower(coalesce(u.display_name, u.username))').limit(500);
}
