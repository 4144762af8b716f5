/**
 * The JSON Schema of one form field's value, built from its form-js definition: type, length and
 * range limits, pattern, email/phone, static options as `enum`, date/time formats. Limits written
 * as FEEL (`=...`) cannot be static; they are listed under `x-dynamic` and checked at validation
 * time. Emptiness (`required`) is left to the caller, because form-js counts `''`, `[]`, `null` and
 * an unticked checkbox as empty — a rule JSON Schema states per type (see `withRequired`).
 */
import { MULTI_CHOICE_TYPES, SINGLE_CHOICE_TYPES } from './components.js';
import type { FormComponent } from './types.js';

export type JsonSchema = Record<string, unknown>;

/** Validation limits that may be FEEL; numeric strings count as numbers (older Modeler output). */
export const DYNAMIC_LIMITS = ['minLength', 'maxLength', 'min', 'max'] as const;
export type DynamicLimit = (typeof DYNAMIC_LIMITS)[number];

const LIMIT_KEYWORD: Record<DynamicLimit, string> = {
  minLength: 'minLength', maxLength: 'maxLength', min: 'minimum', max: 'maximum',
};

/** Matches what a form-js number field writes when `serializeToString` is on. */
export const NUMERIC_STRING = '^-?\\d+(\\.\\d+)?$';

export function isFeel(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('=');
}

/** A static numeric limit, or undefined (absent, FEEL, or not a number). */
export function staticLimit(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && !isFeel(value) && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** The static option values of a choice field, or undefined when options come from data or FEEL. */
export function staticOptions(c: FormComponent): unknown[] | undefined {
  if (c.valuesKey || c.valuesExpression || !Array.isArray(c.values)) return undefined;
  return c.values.map((option) => (option && typeof option === 'object' ? option.value : option));
}

function limits(c: FormComponent, which: readonly DynamicLimit[]): JsonSchema {
  const schema: JsonSchema = {};
  for (const name of which) {
    const limit = staticLimit(c.validate?.[name]);
    if (limit !== undefined) schema[LIMIT_KEYWORD[name]] = limit;
  }
  return schema;
}

/** The numeric constraints of a number field, applied to the number (even when sent as a string). */
export function numberSchema(c: FormComponent): JsonSchema {
  const schema: JsonSchema = { type: 'number', ...limits(c, ['min', 'max']) };
  if (typeof c.decimalDigits === 'number' && c.decimalDigits >= 0) schema['x-decimalDigits'] = c.decimalDigits;
  const increment = staticLimit(c.increment);
  if (increment !== undefined && increment > 0) schema['x-increment'] = increment;
  return schema;
}

function textSchema(c: FormComponent): JsonSchema {
  const schema: JsonSchema = { type: 'string', ...limits(c, ['minLength', 'maxLength']) };
  if (typeof c.validate?.pattern === 'string' && c.validate.pattern !== '') schema.pattern = c.validate.pattern;
  if (c.validate?.validationType === 'email') schema.format = 'email';
  if (c.validate?.validationType === 'phone') schema.format = 'phone';
  return schema;
}

/** A filepicker's value: the id of an upload (POST /api/documents). */
const DOCUMENT_REF: JsonSchema = {
  type: 'object', required: ['documentId'], additionalProperties: false,
  properties: { documentId: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } },
};

const DATE_FORMATS: Record<string, string> = { date: 'date', time: 'form-time', datetime: 'form-datetime' };

/** The schema a present, non-empty value of `c` must satisfy. */
export function valueSchema(c: FormComponent): JsonSchema {
  const options = staticOptions(c);
  switch (c.type) {
    case 'textfield':
    case 'textarea':
      return textSchema(c);
    case 'number':
      return c.serializeToString ? { type: 'string', pattern: NUMERIC_STRING } : numberSchema(c);
    case 'checkbox':
      return { type: 'boolean' };
    case 'datetime':
      return { type: 'string', format: DATE_FORMATS[c.subtype ?? 'date'] ?? 'date' };
    case 'filepicker':
      // API.md 1.1 "Documents": `{ documentId }` of an upload, a list of them when several are allowed.
      return c.multiple === true ? { type: 'array', items: DOCUMENT_REF } : DOCUMENT_REF;
    default:
      if (MULTI_CHOICE_TYPES.has(c.type)) return { type: 'array', items: options ? { enum: options } : {} };
      if (SINGLE_CHOICE_TYPES.has(c.type) && options) return { enum: options };
      return {};
  }
}

/** `schema` tightened so that form-js's notion of an empty value fails it. */
export function withRequired(c: FormComponent, schema: JsonSchema): JsonSchema {
  if (c.type === 'checkbox') return { ...schema, const: true };
  if (schema.type === 'array') return { ...schema, minItems: 1 };
  if (schema.type === 'string') return { ...schema, minLength: Math.max(1, Number(schema.minLength ?? 0)) };
  // A typed schema or an enum of options already refuses null; only untyped values need more.
  if (schema.enum || typeof schema.type === 'string') return schema;
  return { ...schema, not: { enum: [null, ''] } };
}

/** `schema` widened to accept `null`, the value of a field left unset. */
export function withNull(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null] };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return schema;
}
