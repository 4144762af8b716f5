/**
 * "Data permohonan": what whoever handles a case needs to see of it — the start form with the
 * case's values (the form version the start was checked against), and the data each earlier
 * task added, labelled with its form's labels and option labels rather than raw keys. For a
 * called process the case is the whole chain: the root's start form and the tasks of every
 * instance from the root down. Reads only; the caller has checked the reader may read the instance.
 */
import { processVariables, type InstanceState } from '../core/index.js';
import { caseChain, completedSteps, formById, type CompletedStep } from '../store/case-data.js';
import type { Db } from '../store/db.js';
import { planScope } from '../forms/model.js';
import type { FormComponent, FormSchema } from '../forms/types.js';

/** At most this many earlier tasks are listed (the newest); `truncated` says when there were more. */
export const MAX_STEPS = 100;

export interface CaseField {
  key: string;
  label: string;
  value: unknown;
  /** The option label(s) of a choice field with static options, e.g. "Layak" for "layak". */
  valueLabel?: string | string[];
}

export interface CaseStep {
  taskId: string;
  processInstanceId: string;
  elementId: string;
  name: string | null;
  completedBy: string | null;
  /** Who completed it as people read it: their display name, else the username (service/reads.ts). */
  completedByName?: string | null;
  completedAt: string;
  formId: string | null;
  fields: CaseField[];
}

export interface CaseData {
  start: { formId: string; version: number; schema: Record<string, unknown>; values: Record<string, unknown> } | null;
  steps: CaseStep[];
  truncated: boolean;
}

export async function caseData(db: Db, tenant: string, instanceId: string): Promise<CaseData> {
  const chain = await caseChain(db, tenant, instanceId);
  const root = chain[chain.length - 1];
  if (!root) return { start: null, steps: [], truncated: false };
  const form = root.start_form_ref ? await formById(db, tenant, root.start_form_ref) : undefined;
  const start = form ? { formId: form.form_id, version: form.version, schema: form.schema, values: processVariables(root.snapshot as InstanceState) } : null;
  const rows = await completedSteps(db, tenant, chain.map((c) => c.id), MAX_STEPS + 1);
  return { start, steps: rows.slice(0, MAX_STEPS).reverse().map(stepView), truncated: rows.length > MAX_STEPS };
}

function stepView(row: CompletedStep): CaseStep {
  const values = row.data?.variables && typeof row.data.variables === 'object' ? row.data.variables : {};
  return {
    taskId: row.id, processInstanceId: row.instance_id, elementId: row.element_id, name: row.name, completedBy: row.completed_by,
    completedAt: new Date(row.completed_at).toISOString(), formId: row.form_id, fields: labelled(values, row.form_schema as FormSchema | null),
  };
}

/** The submitted values in the form's order with its labels; values no field names come last under their keys. */
export function labelled(values: Record<string, unknown>, schema: FormSchema | null): CaseField[] {
  const fields: CaseField[] = [];
  const covered = new Set<string>();
  const plan = schema && Array.isArray(schema.components) ? planScope(schema.components) : { fields: [], lists: [] };
  for (const item of [...plan.fields, ...plan.lists]) {
    const value = at(values, item.segments);
    covered.add(item.segments[0]);
    if (value === undefined) continue;
    const valueLabel = optionLabel(item.component, value);
    fields.push({ key: item.segments.join('.'), label: item.label, value, ...(valueLabel !== undefined ? { valueLabel } : {}) });
  }
  for (const [key, value] of Object.entries(values)) if (!covered.has(key)) fields.push({ key, label: key, value });
  return fields;
}

function at(values: Record<string, unknown>, segments: string[]): unknown {
  let v: unknown = values;
  for (const s of segments) {
    if (!v || typeof v !== 'object' || !Object.hasOwn(v, s)) return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

function optionLabel(component: FormComponent, value: unknown): string | string[] | undefined {
  const options = Array.isArray(component.values) ? component.values : undefined;
  if (!options) return undefined;
  const label = (v: unknown) => {
    const option = options.find((o) => o.value === v);
    return typeof option?.label === 'string' && option.label !== '' ? option.label : undefined;
  };
  if (Array.isArray(value)) {
    const labels = value.map((v) => label(v) ?? String(v));
    return labels;
  }
  return label(value);
}
