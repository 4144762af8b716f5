/**
 * Reads behind "Data permohonan" (service/case-data.ts): the instances of one case (an instance
 * and the callers above it) and the user tasks completed in them, each with the values it was
 * completed with (its task.completed history entry) and the form version it showed. Reads only.
 */
import type { Db } from './db.js';
import type { FormRow } from './definitions.js';

export interface CaseInstance { id: string; parent_instance_id: string | null; start_form_ref: string | null; snapshot: unknown; definition_id: string }

/** The instance and the instances that called it, the instance first (at most `depth`). */
export async function caseChain(db: Db, tenant: string, id: string, depth = 20): Promise<CaseInstance[]> {
  const chain: CaseInstance[] = [];
  for (let next: string | null = id; next && chain.length < depth;) {
    const row: CaseInstance | undefined = await db('process_instance').where({ tenant_id: tenant, id: next }).first('id', 'parent_instance_id', 'start_form_ref', 'snapshot', 'definition_id');
    if (!row) break;
    chain.push(row);
    next = row.parent_instance_id;
  }
  return chain;
}

export interface CompletedStep {
  id: string;
  instance_id: string;
  element_id: string;
  name: string | null;
  completed_by: string | null;
  completed_at: Date;
  /** The task.completed entry's data: `{ variables }` as submitted. */
  data: { variables?: Record<string, unknown> } | null;
  /** The form version the task showed (pinned when it opened, else the newest). */
  form_id: string | null;
  form_version: number | null;
  form_schema: Record<string, unknown> | null;
}

/** The last `limit` completed tasks of the instances, newest first, with their values and forms. */
export async function completedSteps(db: Db, tenant: string, instanceIds: string[], limit: number): Promise<CompletedStep[]> {
  return db('user_task as t')
    .where('t.tenant_id', tenant).whereIn('t.instance_id', instanceIds).andWhere('t.state', 'completed')
    .joinRaw(`left join lateral (select h.data from history h where h.instance_id = t.instance_id and h.type = 'task.completed'
      and h.element_id = t.element_id and h.at = t.completed_at order by h.id limit 1) h on true`)
    .joinRaw(`left join form f on f.id = coalesce(t.form_ref, (select l.id from form l where l.tenant_id = t.tenant_id and l.form_id = t.form_id order by l.version desc limit 1))`)
    .select('t.id', 't.instance_id', 't.element_id', 't.name', 't.completed_by', 't.completed_at', 'h.data', 'f.form_id', 'f.version as form_version', 'f.schema as form_schema')
    .orderBy([{ column: 't.completed_at', order: 'desc' }, { column: 't.id', order: 'desc' }])
    .limit(limit);
}

/** A form version by id within the tenant. */
export async function formById(db: Db, tenant: string, id: string): Promise<FormRow | undefined> {
  return db('form').where({ tenant_id: tenant, id }).first();
}
