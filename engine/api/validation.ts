/**
 * Request checking: bodies against JSON Schemas (ajv, 2020-12 — the dialect of OpenAPI 3.1, so
 * the same schemas feed /api/openapi.json), list paging, and id shapes (a malformed id is
 * simply not found).
 */
import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { InvalidInput, NotFound } from '../service/errors.js';

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

/** Returns the body typed as T, or throws InvalidInput listing every violation. */
export function checkBody<T>(schema: object, body: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (!validate(body ?? {})) {
    const errors = (validate.errors ?? []).map((e) => ({ path: pathOf(e), message: e.message ?? 'invalid' }));
    throw new InvalidInput('the request body is invalid', errors);
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
