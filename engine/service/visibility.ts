/**
 * Who may see what: the one place that decides it, for the API's reads (service/reads.ts) and
 * the commands (service/*-commands.ts). Another tenant's row is never there (404); a row of the
 * caller's tenant they may not see is 403.
 * - A task: its assignee, whoever completed it, its candidates, and analysts and admins.
 * - A case: analysts and admins, its starter, and anyone who holds or held (or may claim) a task
 *   in it (store/instances.ts isInstanceVisibleTo; lists: InstanceFilter.visibleTo).
 * - A document (API.md 1.1): an upload no case holds yet is its uploader's alone; an attached one
 *   is readable by whoever may read its case.
 */
import type { Db } from '../store/db.js';
import { findDocument } from '../store/documents.js';
import { findInstance, isInstanceVisibleTo, type InstanceRow } from '../store/instances.js';
import { isCandidate, type TaskRow } from '../store/tasks.js';
import { seesAll, tenantOf, type Actor } from './actor.js';
import { Forbidden, NotFound } from './errors.js';
import { text } from '../messages/index.js';

/** Whether the caller may see the task: theirs, offered to them, or they see everything in the tenant. */
export function mayWork(actor: Actor, task: TaskRow): boolean {
  return task.assignee === actor.username || task.completed_by === actor.username || isCandidate(task, actor.username, actor.groups) || seesAll(actor);
}

/** A task as people know it: its name, its element id only when it has none. */
export function taskName(task: Pick<TaskRow, 'name' | 'element_id'>): string {
  return task.name?.trim() || task.element_id;
}

/** The task if the caller may see it: 404 when missing (or another tenant's), 403 when not theirs. */
export function visibleTask(actor: Actor, id: string, task: TaskRow | undefined): TaskRow {
  if (!task) throw new NotFound(text('task.not-found'));
  if (!mayWork(actor, task)) throw new Forbidden(text('task.not-yours', { task: taskName(task) }));
  return task;
}

/** What a list of cases is narrowed to for the caller: nothing for those who see all, else the cases they take part in. */
export function caseViewer(actor: Actor): { username: string; groups: string[] } | undefined {
  return seesAll(actor) ? undefined : { username: actor.username, groups: actor.groups };
}

/** The case if the caller may read it: 404 outside the tenant, 403 for staff without a part in it. */
export async function readableInstance(db: Db, actor: Actor, id: string): Promise<InstanceRow> {
  const row = await findInstance(db, tenantOf(actor), id);
  if (!row) throw new NotFound(text('instance.not-found'));
  if (!seesAll(actor) && !(await isInstanceVisibleTo(db, id, actor.username, actor.groups))) throw new Forbidden(text('instance.not-visible'));
  return row;
}

export async function readableDocument(db: Db, actor: Actor, id: string) {
  const doc = await findDocument(db, tenantOf(actor), id);
  if (!doc) throw new NotFound(text('document.not-found', { id }));
  if (doc.instance_id === null) {
    if (doc.uploaded_by !== actor.username) throw new Forbidden(text('document.not-yours', { id }));
  } else if (!seesAll(actor) && !(await isInstanceVisibleTo(db, doc.instance_id, actor.username, actor.groups))) {
    throw new Forbidden(text('document.no-case-access', { id }));
  }
  return doc;
}
