/**
 * Groups: org units or posts of a tenant (OPD → bidang → seksi), the names that candidateGroups
 * refer to. The row's `name` is the group's id as processes name it; `title` is what people read
 * (the API's `name`; absent, the id is shown). `parent` names another group of the same tenant.
 */
import type { Db } from './db.js';

export interface GroupRow { tenant_id: string; name: string; title: string | null; parent: string | null; created_at: Date }

/** A group as the API shows it: members counts active users only. */
export interface GroupView { id: string; name: string; parent: string | null; members: number }

export async function findGroup(db: Db, tenant: string, id: string): Promise<GroupRow | undefined> {
  return db('user_group').where({ tenant_id: tenant, name: id }).first();
}

/**
 * The group, locked for `mode` until the transaction ends: `update` before deleting it (waits for
 * transactions adding members or groups under it, which hold it `keyShare`), `keyShare` before
 * pointing at it (a parent). Undefined when it does not exist, or was deleted while this waited.
 */
export async function lockGroup(db: Db, tenant: string, id: string, mode: 'update' | 'keyShare'): Promise<GroupRow | undefined> {
  const q = db('user_group').where({ tenant_id: tenant, name: id });
  return (mode === 'update' ? q.forUpdate() : q.forKeyShare()).first();
}

export async function insertGroup(db: Db, row: GroupRow): Promise<void> {
  await db('user_group').insert(row);
}

export async function updateGroup(db: Db, tenant: string, id: string, patch: Partial<Pick<GroupRow, 'title' | 'parent'>>): Promise<void> {
  await db('user_group').where({ tenant_id: tenant, name: id }).update(patch);
}

export async function deleteGroup(db: Db, tenant: string, id: string): Promise<void> {
  await db('user_group').where({ tenant_id: tenant, name: id }).delete();
}

/** Groups of a tenant with their active member counts, by id. */
export async function listGroups(db: Db, tenant: string): Promise<GroupView[]> {
  const rows: { name: string; title: string | null; parent: string | null; members: number }[] = await db('user_group as g')
    .where('g.tenant_id', tenant).orderBy('g.name')
    .select('g.name', 'g.title', 'g.parent', db.raw(`(select count(*)::int from group_membership m join app_user u on u.id = m.user_id
      where m.tenant_id = g.tenant_id and m.group_name = g.name and not u.disabled) as members`));
  return rows.map((r) => ({ id: r.name, name: r.title ?? r.name, parent: r.parent, members: Number(r.members) }));
}

/** The ancestors of a group, nearest first (a parent chain; stops at a repeat, which cannot be stored). */
export async function ancestorsOf(db: Db, tenant: string, id: string): Promise<string[]> {
  const rows: { name: string }[] = (await db.raw(`with recursive up(name, parent, depth) as (
      select name, parent, 0 from user_group where tenant_id = ? and name = ?
      union all select g.name, g.parent, up.depth + 1 from user_group g join up on g.name = up.parent and g.tenant_id = ? where up.depth < 100
    ) select name from up where depth > 0 order by depth`, [tenant, id, tenant])).rows;
  return rows.map((r) => r.name);
}

/** What keeps a group from being deleted: users in it, groups under it, open tasks naming it. */
export async function groupUses(db: Db, tenant: string, id: string): Promise<{ members: number; children: number; openTasks: number }> {
  // One after the other: inside a transaction they share one connection.
  const m = await db('group_membership').where({ tenant_id: tenant, group_name: id }).count('* as n').first();
  const c = await db('user_group').where({ tenant_id: tenant, parent: id }).count('* as n').first();
  const t = await db('user_task').where({ tenant_id: tenant, state: 'open' }).whereRaw('candidate_keys && ?::text[]', [[`${tenant}:g:${id}`]]).count('* as n').first();
  return { members: Number(m?.n ?? 0), children: Number(c?.n ?? 0), openTasks: Number(t?.n ?? 0) };
}

/** Which of `ids` have no active member in the tenant (a candidate group nobody can work). */
export async function groupsWithoutActiveMembers(db: Db, tenant: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const staffed: string[] = await db('group_membership as m').join('app_user as u', 'u.id', 'm.user_id')
    .where('m.tenant_id', tenant).whereIn('m.group_name', ids).andWhere('u.disabled', false).distinct().pluck('m.group_name');
  return ids.filter((id) => !staffed.includes(id));
}
