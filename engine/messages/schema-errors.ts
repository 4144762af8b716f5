/**
 * What ajv finds wrong in a JSON document, as one error item per field in the reader's language:
 * one table of keywords (`input.*` in catalog/problems.ts) for every document Alur checks with a
 * schema — request bodies and query parameters (api/validation.ts), a pack's pack.json and its
 * scenarios (packs/manifest.ts, packs/scenarios/format.ts). A keyword not in the table reads
 * "{name} is invalid" until it is added here.
 */
import type { ErrorObject } from 'ajv';
import { anyOf, text, type Param, type Text } from './text.js';

/** One thing wrong, at `path` (a dotted field path), with its message in English and as text. */
export interface SchemaItem { path: string; message: string; text: Text }

const FORMAT_NAMES: Record<string, Text> = { 'date-time': text('input.format-date-time'), date: text('input.format-date'), uuid: text('input.format-uuid') };
const TYPE_TEXTS = { integer: 'input.integer', number: 'input.number', boolean: 'input.boolean', string: 'input.string', array: 'input.array', object: 'input.object' } as const;

/** A dotted path as a person reads it in a message: `roles.0` → `roles[0]`, `processes.0.name` → `processes[0].name`. */
export function fieldName(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** The field an error is about, dotted (`processes.0.name`); a missing or unknown field included. */
export function schemaPath(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [base, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return [base, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
  return base;
}

/** What ajv found wrong with `path` (`name` in the message), as one error item. */
export function schemaItem(path: string, name: Param, e: ErrorObject): SchemaItem {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const t = e.keyword === 'required' ? text('input.required', { name })
    : e.keyword === 'additionalProperties' ? text('input.unknown-field', { name })
    : e.keyword === 'enum' ? text('input.one-of', { name, values: anyOf((p.allowedValues as unknown[]).map(String)) })
    : e.keyword === 'const' ? text('input.const', { name, value: JSON.stringify(p.allowedValue) })
    : e.keyword === 'type' ? text(TYPE_TEXTS[String(p.type).split(',')[0] as keyof typeof TYPE_TEXTS] ?? 'input.invalid', { name })
    : e.keyword === 'minimum' ? text('input.minimum', { name, limit })
    : e.keyword === 'maximum' ? text('input.maximum', { name, limit })
    : e.keyword === 'minLength' ? text('input.min-length', { name, limit })
    : e.keyword === 'maxLength' ? text('input.max-length', { name, limit })
    : e.keyword === 'minItems' ? text('input.min-items', { name, limit })
    : e.keyword === 'maxItems' ? text('input.max-items', { name, limit })
    : e.keyword === 'uniqueItems' ? text('input.unique-items', { name })
    : e.keyword === 'minProperties' ? text('input.min-properties', { name, limit })
    : e.keyword === 'maxProperties' ? text('input.max-properties', { name, limit })
    : e.keyword === 'pattern' ? text('input.pattern', { name })
    : e.keyword === 'format' ? text('input.format', { name, format: FORMAT_NAMES[String(p.format)] ?? String(p.format) })
    // One of several formats (a date, or a date-time): named together.
    : e.keyword === 'anyOf' && formatsOf(e) ? text('input.format', { name, format: anyOf(formatsOf(e)!) })
    : text('input.invalid', { name });
  return { path, message: String(t), text: t };
}

function formatsOf(e: ErrorObject): Text[] | string[] | undefined {
  const branches = (e.parentSchema as { anyOf?: { format?: string }[] } | undefined)?.anyOf ?? [];
  if (!branches.length || branches.some((s) => !s.format)) return undefined;
  return branches.map((s) => FORMAT_NAMES[String(s.format)] ?? String(s.format)) as Text[];
}

/**
 * Every error of one validation as items, a field failing every branch of an anyOf/oneOf counted
 * once (the anyOf's own error), the same field and wording listed once. `whole` names the
 * document itself (an error at its root), `nameOf` a field in the message (its path as `fieldName` writes it, by default).
 */
export function schemaItems(errors: readonly ErrorObject[], whole: Text, nameOf: (path: string) => Param = fieldName): SchemaItem[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const seen = new Set<string>();
  return errors.filter((e) => !alternatives.some((at) => e.schemaPath.startsWith(`${at}/`))).map((e) => {
    const path = schemaPath(e);
    return schemaItem(path, path ? nameOf(path) : whole, e);
  }).filter((item) => !seen.has(`${item.path}\u0000${item.message}`) && seen.add(`${item.path}\u0000${item.message}`));
}
