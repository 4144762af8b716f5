/**
 * The form library's public face: deploy-time checking of form-js forms, their JSON Schema, and
 * cached validators for task completion. Compiled validators are pure per (form, options), so
 * they are kept in a small LRU keyed by the form's content hash: the same form read from the
 * database on every request compiles once.
 */
import { createHash } from 'node:crypto';
import type { FeelEvaluator } from '../expressions/feel.js';
import { buildFormValidator, type CompileOptions, type FormValidator } from './validator.js';
import type { FormSchema } from './types.js';

export { formToJsonSchema } from './json-schema.js';
export { validateFormSchema, assertValidForm, InvalidFormError } from './validate-form-schema.js';
export { formatMessage, formText } from './messages.js';
export type { CompileOptions, FormValidator, ValidateOptions } from './validator.js';
export type { FieldError, FormComponent, FormSchema, FormSchemaProblem, FormValidationResult, MessageLanguage } from './types.js';

const CACHE_SIZE = 256;
const caches = new WeakMap<FeelEvaluator | typeof DEFAULT, Map<string, FormValidator>>();
const DEFAULT = {};

/**
 * A validator for task completions with `form`:
 * `(submitted, caseVariables?, { messages: 'en' | 'id', now?, timeZone? })` →
 * `{ ok: true, values }` (what to store: hidden, read-only and unknown keys removed, computed
 * fields filled in) or `{ ok: false, errors: [{ path, code, message }] }`.
 * Throws `InvalidFormError` when the form itself is invalid.
 */
export function compileFormValidator(form: FormSchema, options: CompileOptions = {}): FormValidator {
  const key = createHash('sha256').update(JSON.stringify(form) ?? '').digest('base64url') + (options.unknownFields ?? 'reject');
  const owner = options.evaluator ?? DEFAULT;
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) {
    // Re-inserting moves the entry to the back, so the map's first key is the least recently used.
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const validator = buildFormValidator(form, options);
  cache.set(key, validator);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value!;
    cache.get(oldest)!.release();
    cache.delete(oldest);
  }
  return validator;
}
