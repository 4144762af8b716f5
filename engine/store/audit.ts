/**
 * The audit of administration: one row per change of a user, group, tenant or pack, written in the
 * same transaction as the change. Passwords never appear (a changed password is `password: "changed"`).
 */
import type { Db, Page, PageQuery } from './db.js';
import { paged } from './db.js';

/** What an audit entry is about; the API's `objectType` filter is declared from this one list. */
export const AUDIT_OBJECTS = ['user', 'group', 'tenant', 'pack', 'calendar', 'signing-certificate', 'letter-register'] as const;
export type AuditObject = typeof AUDIT_OBJECTS[number];

export interface AuditRow {
  tenant_id: string | null;
  at: Date;
  actor: string;
  object_type: AuditObject;
  object_id: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function insertAudit(db: Db, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  await db('audit_entry').insert(rows.map((r) => ({ ...r, before: r.before === null ? null : JSON.stringify(r.before), after: r.after === null ? null : JSON.stringify(r.after) })));
}

export interface AuditQuery { tenant?: string; objectType?: AuditObject; objectId?: string; actor?: string }

/** Entries, newest first. `tenant` undefined: every entry (platform administrator). */
export async function listAudit(db: Db, query: AuditQuery, page: PageQuery): Promise<Page<AuditRow & { id: string }>> {
  const q = db('audit_entry').select('*');
  if (query.tenant !== undefined) q.where({ tenant_id: query.tenant });
  if (query.objectType) q.where({ object_type: query.objectType });
  if (query.objectId) q.where({ object_id: query.objectId });
  if (query.actor) q.where({ actor: query.actor });
  return paged(q, page, (x) => x.orderBy('id', 'desc'));
}
