/**
 * Groups as org units (API 1.1): id (what candidateGroups name), a name people read, a parent in
 * the same tenant. Admins create, rename, move and delete them; a group that still has members,
 * groups under it or open tasks naming it is not deleted (409), also when the member is being
 * added at the same moment (removeGroup's lock). Every change is audited.
 */
import type { Knex } from 'knex';
import { findGroup, lockGroup, insertGroup, updateGroup, deleteGroup, listGroups, ancestorsOf, groupUses, type GroupView } from '../store/groups.js';
import { insertAudit } from '../store/audit.js';
import { inTransaction } from '../store/unit-of-work.js';
import { type Actor, tenantOf, requireRole } from './actor.js';
import { Conflict, InvalidInput, NotFound } from './errors.js';
import { entry, text } from '../messages/index.js';
import { auditRow, difference } from './people.js';

export async function groupsOf(knex: Knex, actor: Actor): Promise<GroupView[]> {
  return listGroups(knex, tenantOf(actor));
}

async function checkParent(trx: Knex.Transaction, tenant: string, id: string, parent: string | null | undefined): Promise<void> {
  if (parent === undefined || parent === null) return;
  // Held until the end, so a delete of the parent cannot slip in between the check and the write.
  if (!(await lockGroup(trx, tenant, parent, 'keyShare'))) throw new InvalidInput(text('groups.parent-not-found', { group: parent }), [entry({ path: 'parent' }, text('groups.parent-not-found', { group: parent }))]);
  if (parent === id || (await ancestorsOf(trx, tenant, parent)).includes(id)) throw new InvalidInput(text('groups.parent-cycle', { group: id, parent }), [entry({ path: 'parent' }, text('groups.parent-cycle', { group: id, parent }))]);
}

export async function createGroup(knex: Knex, actor: Actor, req: { id: string; name?: string; parent?: string | null }, now: Date): Promise<GroupView> {
  requireRole(actor, text('action.manage-groups'), 'admin');
  const tenant = tenantOf(actor);
  return inTransaction(knex, async (trx) => {
    if (await findGroup(trx, tenant, req.id)) throw new Conflict(text('groups.exists', { group: req.id }));
    await checkParent(trx, tenant, req.id, req.parent);
    const name = req.name?.trim() || req.id;
    await insertGroup(trx, { tenant_id: tenant, name: req.id, title: name === req.id ? null : name, parent: req.parent ?? null, created_at: now });
    const view = { id: req.id, name, parent: req.parent ?? null, members: 0 };
    await insertAudit(trx, [auditRow(tenant, actor, 'group', req.id, 'created', null, { id: view.id, name: view.name, parent: view.parent })]);
    return view;
  });
}

export async function changeGroup(knex: Knex, actor: Actor, id: string, patch: { name?: string; parent?: string | null }): Promise<GroupView> {
  requireRole(actor, text('action.manage-groups'), 'admin');
  const tenant = tenantOf(actor);
  await inTransaction(knex, async (trx) => {
    const row = await findGroup(trx, tenant, id);
    if (!row) throw new NotFound(text('groups.not-found', { group: id.slice(0, 100) }));
    await checkParent(trx, tenant, id, patch.parent);
    const before = { name: row.title ?? row.name, parent: row.parent };
    const after = { name: patch.name !== undefined ? (patch.name.trim() || id) : before.name, parent: patch.parent !== undefined ? patch.parent : before.parent };
    await updateGroup(trx, tenant, id, { title: after.name === id ? null : after.name, parent: after.parent });
    const diff = difference(before, after);
    if (Object.keys(diff.after).length) await insertAudit(trx, [auditRow(tenant, actor, 'group', id, 'changed', diff.before, diff.after)]);
  });
  return (await listGroups(knex, tenant)).find((g) => g.id === id)!;
}

export async function removeGroup(knex: Knex, actor: Actor, id: string): Promise<void> {
  requireRole(actor, text('action.manage-groups'), 'admin');
  const tenant = tenantOf(actor);
  await inTransaction(knex, async (trx) => {
    // Locked first: a transaction adding a member (or a group under this one) holds the row and is
    // waited for, so its rows are counted below; one that comes later waits for this delete and
    // creates the group again (store/users.ts ensureGroups). Counting first let a member added
    // meanwhile vanish with the group (the membership's foreign key cascades).
    const row = await lockGroup(trx, tenant, id, 'update');
    if (!row) throw new NotFound(text('groups.not-found', { group: id.slice(0, 100) }));
    const uses = await groupUses(trx, tenant, id);
    if (uses.members || uses.children || uses.openTasks) {
      throw new Conflict(text('groups.in-use', { group: id, members: String(uses.members), children: String(uses.children), tasks: String(uses.openTasks) }));
    }
    await deleteGroup(trx, tenant, id);
    await insertAudit(trx, [auditRow(tenant, actor, 'group', id, 'deleted', { id, name: row.title ?? row.name, parent: row.parent }, null)]);
  });
}
