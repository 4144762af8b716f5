/**
 * Documents that come with a start or a task completion (API.md 1.1 "Documents"): a form-js
 * `filepicker` field with key `k` holds `{ documentId }` (a list of them with `multiple`). Each
 * must be an upload of the caller in this tenant that no case holds yet, or a document already on
 * this case; else the start or completion is refused (400, `errors[].path = k`) before anything is
 * written. The rest become `document.attach` row operations in the same write as the step, each
 * asserting that the upload is still unattached, so two cases never take one upload.
 */
import type { FormSchema } from '../forms/index.js';
import { planScope } from '../forms/model.js';
import { getAt } from '../forms/data.js';
import { findDocuments } from '../store/documents.js';
import type { RowOp } from '../store/row-ops.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';
import { InvalidInput, type ErrorItem } from './errors.js';
import { text } from '../messages/index.js';

/** The documents named by a form's filepicker fields in `values`, by field key. */
export function documentRefs(form: Record<string, unknown> | undefined, values: Record<string, unknown>): { field: string; ids: string[] }[] {
  if (!form) return [];
  const plan = planScope((form as unknown as FormSchema).components ?? []);
  const refs: { field: string; ids: string[] }[] = [];
  for (const f of plan.fields) {
    if (f.component.type !== 'filepicker') continue;
    const value = getAt(values, f.segments);
    const items = Array.isArray(value) ? value : value == null ? [] : [value];
    const ids = items.map((v) => (v as { documentId?: unknown })?.documentId).filter((id): id is string => typeof id === 'string');
    if (ids.length) refs.push({ field: f.segments.join('.'), ids });
  }
  return refs;
}

/**
 * The row operations attaching `refs` to `instanceId`, or InvalidInput naming each field whose
 * documents cannot be attached. `taskId` null: a start.
 */
export async function planAttachments(db: Db, actor: Actor, tenant: string, instanceId: string, taskId: string | null, refs: readonly { field: string; ids: string[] }[], at: Date): Promise<RowOp[]> {
  if (!refs.length) return [];
  const found = new Map((await findDocuments(db, tenant, [...new Set(refs.flatMap((r) => r.ids))])).map((d) => [d.id, d]));
  const errors: ErrorItem[] = [];
  const ops: RowOp[] = [];
  const taken = new Set<string>();
  for (const ref of refs) {
    for (const id of ref.ids) {
      const doc = found.get(id);
      if (doc && doc.instance_id === instanceId) continue;
      if (!doc || doc.instance_id !== null || doc.uploaded_by !== actor.username) {
        const t = text('document.not-attachable', { id });
        errors.push({ path: ref.field, message: `document ${id} is not an upload of yours waiting to be attached, nor a document of this case`, text: t });
        continue;
      }
      if (taken.has(id)) continue;
      taken.add(id);
      ops.push({ type: 'document.attach', documentId: id, tenantId: tenant, uploadedBy: actor.username, instanceId, field: ref.field, taskId, by: actor.username, at });
    }
  }
  if (errors.length) throw new InvalidInput(text('document.attach-refused'), errors);
  return ops;
}
