/**
 * `formToJsonSchema`: the JSON Schema (2020-12, as OpenAPI 3.1 uses) of the values a form
 * submits. Static rules become standard keywords; what depends on data at run time (FEEL hide
 * conditions, FEEL limits, options from variables) is kept as `x-` annotations, and a field that
 * may be hidden is never listed as required. The validator applies the same per-field schemas
 * (see field-schema.ts), so this document never promises more than the server checks.
 */
import { staticOptions, withNull, withRequired, type JsonSchema } from './field-schema.js';
import { planScope, type FieldPlan, type ListPlan, type ScopePlan } from './model.js';
import type { FormSchema } from './types.js';

interface ObjectSchema extends JsonSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties: false;
}

function emptyObject(): ObjectSchema {
  return { type: 'object', properties: {}, additionalProperties: false };
}

/** The object schema at `path` below `root`, creating nested objects as needed. */
function objectAt(root: ObjectSchema, path: string[], requireParents: boolean): ObjectSchema {
  let current = root;
  for (const segment of path) {
    const existing = current.properties[segment] as ObjectSchema | undefined;
    if (!existing || existing.type !== 'object') current.properties[segment] = emptyObject();
    if (requireParents) markRequired(current, segment);
    current = current.properties[segment] as ObjectSchema;
  }
  return current;
}

function markRequired(schema: ObjectSchema, key: string): void {
  schema.required = [...new Set([...(schema.required ?? []), key])];
}

function annotate(field: FieldPlan, schema: JsonSchema): JsonSchema {
  const c = field.component;
  const out: JsonSchema = { ...schema, title: field.label, 'x-formType': c.type };
  if (field.hides.length) out['x-hide'] = field.hides.join(' or ');
  if (field.readonly === true || field.computed) out.readOnly = true;
  if (typeof field.readonly === 'string') out['x-readonlyWhen'] = field.readonly;
  if (Object.keys(field.dynamic).length) out['x-dynamic'] = field.dynamic;
  if (!staticOptions(c) && (c.valuesKey || c.valuesExpression)) out['x-options'] = c.valuesKey ?? c.valuesExpression;
  return out;
}

function isAlwaysRequired(field: FieldPlan): boolean {
  return field.required && field.hides.length === 0 && field.readonly === false;
}

function addField(root: ObjectSchema, field: FieldPlan): void {
  const required = isAlwaysRequired(field);
  const parent = objectAt(root, field.segments.slice(0, -1), required);
  const key = field.segments[field.segments.length - 1];
  const schema = required ? withRequired(field.component, field.schema) : withNull(field.schema);
  parent.properties[key] = annotate(field, schema);
  if (required) markRequired(parent, key);
}

function addList(root: ObjectSchema, list: ListPlan): void {
  const parent = objectAt(root, list.segments.slice(0, -1), false);
  const items = scopeSchema(list.scope);
  const schema: JsonSchema = { type: 'array', title: list.label, items, 'x-formType': 'dynamiclist' };
  if (list.hides.length) schema['x-hide'] = list.hides.join(' or ');
  parent.properties[list.segments[list.segments.length - 1]] = schema;
}

function scopeSchema(scope: ScopePlan): ObjectSchema {
  const root = emptyObject();
  scope.fields.forEach((field) => addField(root, field));
  scope.lists.forEach((list) => addList(root, list));
  return root;
}

/** The JSON Schema of the values `form` submits (assumes `validateFormSchema(form)` passed). */
export function formToJsonSchema(form: FormSchema): JsonSchema {
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(typeof form.id === 'string' ? { title: form.id } : {}),
    ...scopeSchema(planScope(form.components ?? [])),
  };
  return schema;
}
