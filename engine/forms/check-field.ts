/**
 * Checks one present, non-empty field value: its static JSON Schema through ajv, then what can
 * only be known at run time — FEEL limits, options from variables or FEEL, and "no past dates".
 * Returns violations as codes with parameters; wording is messages.ts's job. Never changes data.
 */
import { formAjv } from './ajv.js';
import { getAt } from './data.js';
import { numberSchema, staticLimit, type JsonSchema } from './field-schema.js';
import type { FeelScope } from './feel-context.js';
import type { FieldPlan } from './model.js';
import type { ErrorObject } from 'ajv';

export interface Violation {
  code: string;
  limit?: number | string;
  expected?: string;
  /** The form author's own message (`patternErrorMessage`). */
  custom?: string;
}

export interface FieldEnv {
  /** Conditions and limits see the submitted values over the case variables. */
  feel: FeelScope;
  /** Options come from the case variables only: a user must not supply their own choices. */
  caseVariables: Record<string, unknown>;
  optionsFeel: FeelScope;
  /** Today's date (`YYYY-MM-DD`) in the tenant's time zone, for `disallowPassedDates`. */
  today: string;
}

const FORMAT_CODES: Record<string, string> = {
  email: 'email', phone: 'phone', date: 'date', 'form-time': 'time', 'form-datetime': 'datetime',
};

function expectedKind(type: string): string {
  if (type === 'number') return 'number';
  if (type === 'checkbox') return 'boolean';
  if (type === 'checklist' || type === 'taglist') return 'list';
  if (type === 'datetime') return 'date';
  return type === 'select' || type === 'radio' ? 'value' : 'text';
}

function toViolation(error: ErrorObject, field: FieldPlan, schema: JsonSchema): Violation {
  switch (error.keyword) {
    case 'minLength': case 'maxLength': case 'minimum': case 'maximum':
      return { code: error.keyword, limit: (error.params as { limit: number }).limit };
    // A number sent as a string fails the numeric pattern: to the user it is simply not a number.
    case 'pattern': return field.component.type === 'number' ? { code: 'type', expected: 'number' } : { code: 'pattern' };
    case 'format': return { code: FORMAT_CODES[(error.params as { format: string }).format] ?? 'pattern' };
    case 'enum': return { code: 'enum' };
    case 'x-decimalDigits': return { code: 'decimalDigits', limit: schema['x-decimalDigits'] as number };
    case 'x-increment': return { code: 'increment', limit: schema['x-increment'] as number };
    default: return { code: 'type', expected: expectedKind(field.component.type) };
  }
}

/**
 * Validates with ajv. ajv caches compiled schemas by object identity; schemas built per request
 * (`transient`) are dropped from that cache afterwards so memory stays bounded.
 */
function check(schema: JsonSchema, value: unknown, field: FieldPlan, transient = false): Violation[] {
  const validate = formAjv.compile(schema);
  const valid = validate(value);
  const errors = validate.errors ?? [];
  if (transient) formAjv.removeSchema(schema);
  if (valid) return [];
  const violations = errors.map((e) => toViolation(e, field, schema));
  // Several bad items of one list say the same thing; say it once.
  return violations.filter((v, i) => violations.findIndex((w) => w.code === v.code) === i);
}

const LIMIT_KEYWORDS = { minLength: 'minLength', maxLength: 'maxLength', min: 'minimum', max: 'maximum' } as const;

function dynamicLimits(field: FieldPlan, value: unknown, env: FieldEnv): Violation[] {
  const isNumber = field.component.type === 'number';
  const subject = isNumber ? Number(value) : String(value).trim();
  const schema: JsonSchema = { type: isNumber ? 'number' : 'string' };
  for (const [name, expression] of Object.entries(field.dynamic)) {
    const limit = staticLimit(env.feel.value(expression));
    if (limit !== undefined) schema[LIMIT_KEYWORDS[name as keyof typeof LIMIT_KEYWORDS]] = limit;
  }
  return Object.keys(schema).length > 1 ? check(schema, subject, field, true) : [];
}

function dynamicOptions(field: FieldPlan, env: FieldEnv): unknown[] | undefined {
  const c = field.component;
  let options: unknown;
  if (c.valuesKey) options = getAt(env.caseVariables, c.valuesKey.split('.'));
  else if (c.valuesExpression) options = env.optionsFeel.value(c.valuesExpression);
  else return undefined;
  // No options means nothing can be chosen, so any value is refused.
  if (!Array.isArray(options)) return [];
  return options.map((o) => (o && typeof o === 'object' && 'value' in o ? (o as { value: unknown }).value : o));
}

interface FieldSchemas {
  /** The field's schema without length limits. */
  main: JsonSchema;
  /** Length limits, applied to the trimmed text as form-js does. */
  lengths?: JsonSchema;
  /** A number field's limits, applied to the number when it is sent as a string. */
  numeric?: JsonSchema;
}

const derived = new WeakMap<FieldPlan, FieldSchemas>();

function schemasOf(field: FieldPlan): FieldSchemas {
  let schemas = derived.get(field);
  if (!schemas) {
    const { minLength, maxLength, ...main } = field.schema;
    const hasLengths = field.schema.type === 'string' && (minLength !== undefined || maxLength !== undefined);
    schemas = {
      main: hasLengths ? main : field.schema,
      lengths: hasLengths ? JSON.parse(JSON.stringify({ type: 'string', minLength, maxLength })) : undefined,
      numeric: field.component.type === 'number' && field.component.serializeToString ? numberSchema(field.component) : undefined,
    };
    derived.set(field, schemas);
  }
  return schemas;
}

/** Drops the compiled schemas of `field` from ajv's cache (when its validator is evicted). */
export function releaseField(field: FieldPlan): void {
  const schemas = derived.get(field);
  for (const schema of [field.schema, schemas?.main, schemas?.lengths, schemas?.numeric]) if (schema) formAjv.removeSchema(schema);
}

/** Every violation of a present, non-empty `value` of `field`. */
export function checkFieldValue(field: FieldPlan, value: unknown, env: FieldEnv): Violation[] {
  const c = field.component;
  const schemas = schemasOf(field);
  const violations = check(schemas.main, value, field);
  // A value of the wrong type cannot be measured further; any other violation still lets the
  // run-time limits speak, so the user hears about every problem at once.
  if (violations.some((v) => v.code === 'type')) return violations;
  if (schemas.lengths) violations.unshift(...check(schemas.lengths, String(value).trim(), field));
  if (schemas.numeric) violations.push(...check(schemas.numeric, Number(value), field));
  violations.push(...dynamicLimits(field, value, env));
  const options = dynamicOptions(field, env);
  if (options) {
    const chosen = Array.isArray(value) ? value : [value];
    violations.push(...check({ type: 'array', items: { enum: [...options, '\u0000never'] } }, chosen, field, true));
  }
  // Only a well-formed date can be compared with today.
  if (violations.length === 0 && c.type === 'datetime' && c.disallowPassedDates && c.subtype !== 'time' && String(value).slice(0, 10) < env.today) {
    violations.push({ code: 'pastDate' });
  }
  return violations;
}
