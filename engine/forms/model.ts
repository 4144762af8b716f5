/**
 * Turns a form-js component tree into the flat plan the validator and the JSON Schema builder
 * share: every keyed field with its value path (group `path`s and dotted keys resolved), the hide
 * conditions it inherits from its groups, and every dynamic list with its own plan per item.
 * Assumes a schema that passed `validateFormSchema`; it evaluates nothing.
 */
import { CONTAINER_TYPES, COMPUTED_TYPES, isKeyed, splitPath } from './components.js';
import { DYNAMIC_LIMITS, isFeel, valueSchema, type DynamicLimit, type JsonSchema } from './field-schema.js';
import type { FormComponent } from './types.js';

export interface FieldPlan {
  component: FormComponent;
  /** Value path relative to its scope (the form, or one item of a dynamic list). */
  segments: string[];
  label: string;
  /** FEEL hide conditions of the field and of every group around it inside its scope. */
  hides: string[];
  required: boolean;
  /** `true`, `false` or a FEEL condition; disabled fields count as read-only. */
  readonly: boolean | string;
  computed: boolean;
  schema: JsonSchema;
  dynamic: Partial<Record<DynamicLimit, string>>;
}

export interface ListPlan {
  component: FormComponent;
  segments: string[];
  label: string;
  hides: string[];
  scope: ScopePlan;
}

export interface ScopePlan {
  fields: FieldPlan[];
  lists: ListPlan[];
}

/** A label fit for messages: the author's text, or the key when the label is FEEL or templated. */
export function displayLabel(c: FormComponent, fallback: string): string {
  // A date-time picker shows `dateLabel` / `timeLabel` rather than `label`.
  const raw = [c.label, c.dateLabel, c.timeLabel].find((l) => typeof l === 'string' && l.trim() !== '');
  const label = typeof raw === 'string' ? raw.trim() : '';
  return label === '' || label.startsWith('=') || label.includes('{{') ? fallback : label;
}

function hideOf(c: FormComponent): string[] {
  const hide = c.conditional?.hide;
  return typeof hide === 'string' && hide.trim() !== '' ? [hide] : [];
}

function fieldPlan(c: FormComponent, segments: string[], hides: string[]): FieldPlan {
  const dynamic: Partial<Record<DynamicLimit, string>> = {};
  for (const limit of DYNAMIC_LIMITS) {
    const value = c.validate?.[limit];
    if (isFeel(value)) dynamic[limit] = value;
  }
  const computed = COMPUTED_TYPES.has(c.type);
  return {
    component: c,
    segments,
    label: displayLabel(c, segments.join('.')),
    hides,
    required: c.validate?.required === true && !computed,
    readonly: c.disabled === true || c.readonly === true ? true : isFeel(c.readonly) ? c.readonly : false,
    computed,
    schema: valueSchema(c),
    dynamic,
  };
}

/** The plan of `components` in one scope; `prefix` is the group path they sit under. */
export function planScope(components: FormComponent[], prefix: string[] = [], hides: string[] = []): ScopePlan {
  const plan: ScopePlan = { fields: [], lists: [] };
  for (const c of components ?? []) {
    const ownHides = [...hides, ...hideOf(c)];
    if (isKeyed(c.type)) {
      plan.fields.push(fieldPlan(c, [...prefix, ...(splitPath(c.key) ?? [String(c.key)])], ownHides));
    } else if (c.type === 'dynamiclist') {
      const segments = [...prefix, ...(splitPath(c.path) ?? [String(c.path)])];
      const scope = planScope(c.components ?? []);
      plan.lists.push({ component: c, segments, label: displayLabel(c, segments.join('.')), hides: ownHides, scope });
    } else if (CONTAINER_TYPES.has(c.type)) {
      const inner = planScope(c.components ?? [], [...prefix, ...(splitPath(c.path) ?? [])], ownHides);
      plan.fields.push(...inner.fields);
      plan.lists.push(...inner.lists);
    }
  }
  return plan;
}
