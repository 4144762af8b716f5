/**
 * Request checking: bodies against JSON Schemas (ajv, 2020-12 — the dialect of OpenAPI 3.1, so
 * the same schemas feed /api/openapi.json), list paging, and id shapes (a malformed id is
 * simply not found).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InvalidInput, NotFound, type ErrorItem } from '../service/errors.js';
import { allOf, entry, text, type Text } from '../messages/index.js';
import { fieldName, schemaItem, schemaItems } from '../messages/schema-errors.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

const compiled = new WeakMap<object, ValidateFunction>();

/** Returns the body typed as T, or throws InvalidInput listing every violation in the reader's language. */
export function checkBody<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (!validate(body ?? {})) {
    const errors: ErrorItem[] = schemaItems(validate.errors ?? [], text('input.body')).map((item) => ({ ...item, path: item.path || '(body)' }));
    throw new InvalidInput(text('api.body-invalid', { names: allOf([...new Set(errors.map((e) => fieldName(e.path!)))]) }), errors);
  }
  return (body ?? {}) as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Instance ids: a UUID, or a call-activity child's `<parent id>-<key>` (the core mints those). */
const INSTANCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[0-9]{1,9}){0,32}$/i;

/** An id path parameter; anything of the wrong shape cannot exist, so it is a 404. */
const NOT_FOUND = { 'process instance': 'instance.not-found', task: 'task.not-found', 'process definition': 'definition.not-found', document: 'document.not-found', incident: 'incident.not-found' } as const;

export function checkId(value: unknown, what: keyof typeof NOT_FOUND): string {
  const shape = what === 'process instance' ? INSTANCE_ID : UUID;
  if (typeof value !== 'string' || !shape.test(value)) throw new NotFound(text(NOT_FOUND[what], { id: String(value).slice(0, 80) }));
  return value.toLowerCase();
}

/** A query parameter refused: 400 naming it, in the shape checkQuery answers. */
function refuseParam(name: string, why: Text): never {
  throw new InvalidInput(text('api.query-invalid', { names: name }), [entry({ path: name }, why)]);
}

/** An optional string query parameter (a repeated parameter is refused). */
function stringParam(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') refuseParam(name, text('input.once', { name }));
  return v;
}

/** An optional instance id query parameter: a malformed one matches nothing, like an unknown one. */
export function idParam(query: Record<string, unknown>, name: string): string | undefined | null {
  const v = stringParam(query, name);
  if (v === undefined) return undefined;
  return INSTANCE_ID.test(v) ? v.toLowerCase() : null;
}

/** A query parameter as a route declares it (route.ts): the one place its type, enum, bounds and default are written. */
export interface QueryParam { name: string; schema: object; description?: string }

/** Query strings are text: `limit=20` is coerced to 20 and `true` to true before the declared schema judges them; defaults are filled in. */
const queryAjv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true, verbose: true });
addFormats(queryAjv);
const queryValidators = new WeakMap<readonly QueryParam[], ValidateFunction>();

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
