/**
 * A case's values as people read them, for both apps: under the label of the form field that wrote
 * them ("Keputusan kepala dinas", not `keputusanAtasan`), an option's label for its value ("Setujui",
 * not `setuju`), yes/no in words, numbers grouped and days written as the language writes them
 * ("15 Des 2026", not 2026-12-15). The inbox's history and the designer's Pantau (its history and
 * "Data berkas") read the same values the same way. The labels come from
 * `GET /api/process-instances/{id}/data`: the start form's schema and each completed step's fields.
 */
import type { HeaderLang } from './header-strings.js';

/** A value a form wrote, with its field's label (and the option's label where it has one). */
export interface CaseField { key: string; label: string; value: unknown; valueLabel?: string | string[] }

/** The part of `GET /api/process-instances/{id}/data` the labels come from. */
export interface CaseDataLabels {
  start: { schema: unknown; values?: Record<string, unknown> } | null;
  steps: { elementId: string; fields: CaseField[] }[];
}

const WORDS: Record<HeaderLang, { yes: string; no: string }> = { id: { yes: 'Ya', no: 'Tidak' }, en: { yes: 'Yes', no: 'No' } };
const locale = (lang: HeaderLang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value in one line: `field`'s option label when the value is the one it labels. */
export function valueText(lang: HeaderLang, value: unknown, field?: CaseField): string {
  // An option's label, when the value is the one the case's data labels (a later loop may differ).
  if (field?.valueLabel !== undefined && JSON.stringify(field.value) === JSON.stringify(value)) {
    return Array.isArray(field.valueLabel) ? field.valueLabel.join(', ') : field.valueLabel;
  }
  if (value === true) return WORDS[lang].yes;
  if (value === false) return WORDS[lang].no;
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') return new Intl.NumberFormat(locale(lang)).format(value);
  if (typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    // A form's date field writes the day alone: read it as that day, whatever the reader's zone.
    return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  }
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => valueText(lang, v)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `values` as label and text, labelled from `fields`; a key without a field keeps its name. */
export function labelledValues(lang: HeaderLang, values: Record<string, unknown>, fields: CaseField[]): { key: string; label: string; text: string }[] {
  return Object.entries(values).map(([key, value]) => {
    const field = fields.find((f) => f.key === key);
    return { key, label: field?.label || key, text: valueText(lang, value, field) };
  });
}

interface SchemaComponent { key?: string; label?: string; values?: { label?: string; value?: unknown }[]; components?: SchemaComponent[] }

/** The start form's fields, from its schema (nested groups too), with the case's values where given. */
function startFields(schema: unknown, values: Record<string, unknown> = {}): CaseField[] {
  const out: CaseField[] = [];
  const walk = (components: SchemaComponent[] | undefined) => {
    for (const c of components ?? []) {
      if (c.key && c.label) {
        const value = values[c.key];
        const option = c.values?.find((o) => JSON.stringify(o.value) === JSON.stringify(value));
        out.push({ key: c.key, label: c.label, value, ...(option?.label ? { valueLabel: option.label } : {}) });
      }
      walk(c.components);
    }
  };
  walk((schema as { components?: SchemaComponent[] } | null)?.components);
  return out;
}

/**
 * The fields that wrote a case's values: by step (element id) for the history's "completed with",
 * and by variable name for the case's data (the latest step that wrote a name wins; the start
 * form's labels where no step wrote it).
 */
export function caseFields(data: CaseDataLabels): { byStep: Map<string, CaseField[]>; byKey: Map<string, CaseField> } {
  const byStep = new Map<string, CaseField[]>();
  const byKey = new Map<string, CaseField>();
  if (data.start) for (const field of startFields(data.start.schema, data.start.values)) byKey.set(field.key, field);
  for (const step of data.steps) {
    byStep.set(step.elementId, [...step.fields, ...(byStep.get(step.elementId) ?? [])]);
    for (const field of step.fields) byKey.set(field.key, field);
  }
  return { byStep, byKey };
}
