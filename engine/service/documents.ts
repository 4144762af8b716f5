/**
 * Who may read a document (API.md 1.1): another tenant's is not there (404); an upload no case
 * holds yet is its uploader's alone; an attached one is readable by whoever may read its case
 * (analysts and admins, the starter, and anyone who holds or held a task in it).
 */
import type { Db } from '../store/db.js';
import { findDocument } from '../store/documents.js';
import { isInstanceVisibleTo } from '../store/instances.js';
import { seesAll, tenantOf, type Actor } from './actor.js';
import { Forbidden, NotFound } from './errors.js';
import { text } from '../messages/index.js';

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
