/**
 * Request checking: bodies against JSON Schemas (ajv, 2020-12 — the dialect of OpenAPI 3.1, so
 * the same schemas feed /api/openapi.json), list paging, and id shapes (a malformed id is
 * simply not found).
 */
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InvalidInput, NotFound, type ErrorItem } from '../service/errors.js';
import { allOf, anyOf, text, type Param, type Text } from '../messages/index.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

const compiled = new WeakMap<object, ValidateFunction>();

function pathOf(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return [base, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties') return [base, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
  return base || '(body)';
}

/** Returns the body typed as T, or throws InvalidInput listing every violation in the reader's language. */
export function checkBody<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (!validate(body ?? {})) {
    // A field failing every branch of an anyOf is one item (the anyOf's), not one per branch.
    const all = validate.errors ?? [];
    const alternatives = new Set(all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath));
    const errors = all.filter((e) => ![...alternatives].some((at) => e.schemaPath.startsWith(`${at}/`))).map((e) => {
      const path = pathOf(e);
      return schemaItem(path, path === '(body)' ? text('input.body') : path, e);
    });
    throw new InvalidInput(text('api.body-invalid', { names: allOf([...new Set(errors.map((e) => e.path!))]) }), errors);
  }
  return (body ?? {}) as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Instance ids: a UUID, or a call-activity child's `<parent id>-<key>` (the core mints those). */
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[0-9]{1,9}){0,32}$/i;

/** An id path parameter; anything of the wrong shape cannot exist, so it is a 404. */
export function checkId(value: unknown, what: string): string {
  const shape = what === 'process instance' ? INSTANCE_ID : UUID;
  if (typeof value !== 'string' || !shape.test(value)) throw new NotFound(`${what} ${String(value).slice(0, 80)} not found`);
  return value.toLowerCase();
}

export interface Paging { limit: number; offset: number }

function intParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidInput(`${name} must be an integer from ${min} to ${max}`, [{ path: name, message: `must be an integer from ${min} to ${max}` }]);
  return n;
}

export function paging(query: Record<string, unknown>): Paging {
  return { limit: intParam(query.limit, 'limit', 1, 500, 50), offset: intParam(query.offset, 'offset', 0, 1_000_000_000, 0) };
}

/** An optional string query parameter (a repeated parameter is refused). */
export function stringParam(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new InvalidInput(`${name} must be given once`, [{ path: name, message: 'must be a single string' }]);
  return v;
}

export function enumParam<T extends string>(query: Record<string, unknown>, name: string, allowed: readonly T[], fallback?: T): T | undefined {
  const v = stringParam(query, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new InvalidInput(`${name} must be one of ${allowed.join(', ')}`, [{ path: name, message: `must be one of ${allowed.join(', ')}` }]);
  return v as T;
}

/** An optional instance id query parameter: a malformed one matches nothing, like an unknown one. */
export function idParam(query: Record<string, unknown>, name: string): string | undefined | null {
  const v = stringParam(query, name);
  if (v === undefined) return undefined;
  return INSTANCE_ID.test(v) ? v.toLowerCase() : null;
}

/** An optional integer query parameter from `min` to `max`. */
export function optionalIntParam(query: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const v = stringParam(query, name);
  return v === undefined ? undefined : intParam(v, name, min, max, 0);
}

/** An optional `true`/`false` query parameter. */
export function boolParam(query: Record<string, unknown>, name: string): boolean | undefined {
  const v = enumParam(query, name, ['true', 'false'] as const);
  return v === undefined ? undefined : v === 'true';
}

/** An optional ISO 8601 date or date-time query parameter. */
export function dateParam(query: Record<string, unknown>, name: string): Date | undefined {
  const v = stringParam(query, name);
  if (v === undefined) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new InvalidInput(`${name} must be an ISO 8601 date or date-time`, [{ path: name, message: 'must be an ISO 8601 date or date-time' }]);
  return d;
}

/** A query parameter as a route declares it (route.ts): the one place its type, enum, bounds and default are written. */
export interface QueryParam { name: string; schema: object; description?: string }

/** Query strings are text: `limit=20` is coerced to 20 and `true` to true before the declared schema judges them; defaults are filled in. */
const queryAjv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true, verbose: true });
addFormats(queryAjv);
const queryValidators = new WeakMap<readonly QueryParam[], ValidateFunction>();

const FORMAT_NAMES: Record<string, Text> = { 'date-time': text('input.format-date-time'), date: text('input.format-date'), uuid: text('input.format-uuid') };
const TYPE_TEXTS = { integer: 'input.integer', number: 'input.number', boolean: 'input.boolean', string: 'input.string', array: 'input.array', object: 'input.object' } as const;

/** What ajv found wrong with `path` (a query parameter or a body field, `name` in the message), as one error item. */
function schemaItem(path: string, name: Param, e: ErrorObject): ErrorItem {
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const t = e.keyword === 'required' ? text('input.required', { name })
    : e.keyword === 'additionalProperties' ? text('input.unknown-field', { name })
    : e.keyword === 'enum' ? text('input.one-of', { name, values: anyOf((p.allowedValues as unknown[]).map(String)) })
    : e.keyword === 'type' ? text(TYPE_TEXTS[String(p.type).split(',')[0] as keyof typeof TYPE_TEXTS] ?? 'input.invalid', { name })
    : e.keyword === 'minimum' ? text('input.minimum', { name, limit })
    : e.keyword === 'maximum' ? text('input.maximum', { name, limit })
    : e.keyword === 'minLength' ? text('input.min-length', { name, limit })
    : e.keyword === 'maxLength' ? text('input.max-length', { name, limit })
    : e.keyword === 'minItems' ? text('input.min-items', { name, limit })
    : e.keyword === 'maxItems' ? text('input.max-items', { name, limit })
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
 * The declared query parameters of a request, checked and typed: a parameter given twice, or one
 * that does not fit its schema, is a 400 naming it (the same shape as a body's errors); an empty
 * one counts as not given. Parameters not declared are left out. One validator is compiled per
 * `params` list (by identity): pass the route's own list, never a new array per request.
 */
export function checkQuery<Q>(params: readonly QueryParam[], raw: Record<string, unknown>): Q {
  if (params.length === 0) return {} as Q;
  let validate = queryValidators.get(params);
  if (!validate) {
    const schema = { type: 'object', properties: Object.fromEntries(params.map((p) => [p.name, p.schema])) };
    queryValidators.set(params, (validate = queryAjv.compile(schema)));
  }
  const query: Record<string, unknown> = {};
  const errors: ErrorItem[] = [];
  for (const { name } of params) {
    const v = raw[name];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string') {
      const t = text('input.once', { name });
      errors.push({ path: name, message: String(t), text: t });
    } else query[name] = v;
  }
  if (!validate(query)) {
    // One item per parameter: an anyOf's own error stands for its branches'.
    const all = validate.errors ?? [];
    for (const name of new Set(all.map((e) => e.instancePath.replace(/^\//, '')))) {
      const mine = all.filter((e) => e.instancePath.replace(/^\//, '') === name);
      errors.push(schemaItem(name, name, mine.find((e) => e.keyword === 'anyOf') ?? mine[0]));
    }
  }
  if (errors.length) throw new InvalidInput(text('api.query-invalid', { names: allOf([...new Set(errors.map((e) => e.path!))]) }), errors);
  return query as Q;
}

/** limit and offset of every list, declared once. */
export const PAGING: readonly QueryParam[] = [
  { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, description: 'Items per page.' },
  { name: 'offset', schema: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 }, description: 'Items to skip.' },
];

/** A date or a date-time (`startedAfter=2026-12-02`, `…T08:00:00+07:00`). */
export const DATE_OR_TIME = { anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] } as const;
