/**
 * `validateFormSchema`: the deployment check of a form-js form. Collects every problem, each
 * naming the component (id, else key), before anything is deployed: structure (known types, keys
 * on input fields, paths, duplicate or clashing keys), FEEL syntax, regular expressions, static
 * options and limits, and content that could run script in the inbox (see safety.ts).
 */
import { feelError, stripFeelPrefix } from '../expressions/feel.js';
import { CONTAINER_TYPES, MULTI_CHOICE_TYPES, SINGLE_CHOICE_TYPES, isKeyed, isKnownType, splitPath } from './components.js';
import { isPlainObject } from './data.js';
import { DYNAMIC_LIMITS, isFeel, staticLimit, staticOptions } from './field-schema.js';
import { compilePattern } from './pattern.js';
import { scriptInMarkup, scriptInText, unsafeIframeUrl } from './safety.js';
import type { FormComponent, FormSchema, FormSchemaProblem } from './types.js';
import { phrase, regexpErrorText, text, type MessageKey, type Params, type Text } from '../messages/index.js';

const MAX_COMPONENTS = 2000;
const MAX_DEPTH = 16;

/** Thrown by `compileFormValidator` for a form that `validateFormSchema` refuses. */
export class InvalidFormError extends Error {
  constructor(readonly errors: FormSchemaProblem[]) {
    super(`invalid form: ${errors.map((e) => `${e.element}: ${e.message}`).join('; ')}`);
    this.name = 'InvalidFormError';
  }
}

interface Walk {
  problems: FormSchemaProblem[];
  count: number;
}

/** A problem of `element` as catalog text; `message` is its English as it always read (logs, specs). */
function problem(element: string, message: Text): FormSchemaProblem {
  return { element, message: phrase(message, 'en'), text: message };
}

function add(walk: Walk, element: string, key: MessageKey, params?: Params): void {
  walk.problems.push(problem(element, text(key, params)));
}

function nameOf(c: FormComponent, index: string): string {
  return typeof c.id === 'string' && c.id ? c.id : typeof c.key === 'string' && c.key ? c.key : `components${index}`;
}

function checkFeelProperty(walk: Walk, element: string, what: string, value: unknown, mustBeFeel = false): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') return void (mustBeFeel && add(walk, element, 'form-schema.feel-required', { what }));
  if (!isFeel(value)) return void (mustBeFeel && add(walk, element, 'form-schema.feel-prefix', { what }));
  const error = feelError(stripFeelPrefix(value));
  if (error) add(walk, element, 'form-schema.feel-error', { what, problem: error });
}

function checkValidate(walk: Walk, element: string, c: FormComponent): void {
  const v = c.validate ?? {};
  for (const limit of DYNAMIC_LIMITS) {
    const value = v[limit];
    if (value === undefined || value === '') continue;
    if (isFeel(value)) checkFeelProperty(walk, element, `validate.${limit}`, value);
    else if (staticLimit(value) === undefined) add(walk, element, 'form-schema.limit-number', { what: `validate.${limit}` });
  }
  const [min, max] = [staticLimit(v.min), staticLimit(v.max)];
  if (min !== undefined && max !== undefined && min > max) add(walk, element, 'form-schema.low-over-high', { low: 'validate.min', min, high: 'validate.max', max });
  const [minL, maxL] = [staticLimit(v.minLength), staticLimit(v.maxLength)];
  if (minL !== undefined && maxL !== undefined && minL > maxL) add(walk, element, 'form-schema.low-over-high', { low: 'validate.minLength', min: minL, high: 'validate.maxLength', max: maxL });
  if (v.pattern !== undefined && v.pattern !== '') {
    try {
      new RegExp(String(v.pattern));
      if ('error' in compilePattern(String(v.pattern))) {
        add(walk, element, 'form-schema.pattern-slow', { what: 'validate.pattern' });
      }
    } catch (err) {
      add(walk, element, 'form-schema.pattern-invalid', { what: 'validate.pattern', detail: regexpErrorText(err) });
    }
  }
}

function checkOptions(walk: Walk, element: string, c: FormComponent): void {
  if (c.values !== undefined && !Array.isArray(c.values)) return void add(walk, element, 'form-schema.values-list', { what: 'values' });
  const options = staticOptions(c);
  if (options?.some((o) => o === undefined)) add(walk, element, 'form-schema.option-no-value');
  const seen = new Set(options?.map((o) => JSON.stringify(o)));
  if (options && seen.size !== options.length) add(walk, element, 'form-schema.options-duplicate');
  checkFeelProperty(walk, element, 'valuesExpression', c.valuesExpression, true);
}

/** Every string inside a component (options, appearance, columns...), children excluded. */
function* stringsOf(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsOf(item, `${path}[${i}]`);
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) if (key !== 'components') yield* stringsOf(item, path ? `${path}.${key}` : key);
  }
}

function checkContent(walk: Walk, element: string, c: FormComponent): void {
  for (const [property, value] of stringsOf(c, '')) {
    const markup = (c.type === 'html' || c.type === 'text') && (property === 'content' || property === 'text');
    const found = markup ? scriptInMarkup(value) : scriptInText(value);
    if (found) add(walk, element, 'form-schema.content', { property, problem: found });
  }
  if (c.type === 'iframe') {
    const found = unsafeIframeUrl(c.url);
    if (found) walk.problems.push(problem(element, found));
  }
}

/** Checks one scope (the form, or a dynamic list's items); `paths` collects its value paths. */
function checkScope(walk: Walk, components: unknown, index: string, prefix: string[], depth: number, paths: Map<string, string>): void {
  if (!Array.isArray(components)) return void add(walk, `components${index}`, 'form-schema.components-list', { what: 'components' });
  if (depth > MAX_DEPTH) return void add(walk, `components${index}`, 'form-schema.too-deep', { max: MAX_DEPTH });
  components.forEach((raw, i) => {
    const at = `${index}[${i}]`;
    if (++walk.count > MAX_COMPONENTS) return;
    if (!isPlainObject(raw) || typeof raw.type !== 'string') return void add(walk, `components${at}`, 'form-schema.no-type');
    const c = raw as FormComponent;
    const element = nameOf(c, at);
    if (!isKnownType(c.type)) return void add(walk, element, 'form-schema.unsupported-type', { type: c.type });
    checkFeelProperty(walk, element, 'conditional.hide', c.conditional?.hide, true);
    checkContent(walk, element, c);
    if (isKeyed(c.type)) {
      const key = splitPath(c.key);
      if (!key) return void (c.key ? add(walk, element, 'form-schema.bad-key', { key: JSON.stringify(c.key) }) : add(walk, element, 'form-schema.no-key', { type: c.type }));
      claim(walk, paths, [...prefix, ...key], element);
      checkValidate(walk, element, c);
      checkFeelProperty(walk, element, 'readonly', typeof c.readonly === 'string' ? c.readonly : undefined);
      if (c.type === 'expression' && !c.expression) add(walk, element, 'form-schema.no-expression');
      if (c.type === 'expression') checkFeelProperty(walk, element, 'expression', c.expression, true);
      if (SINGLE_CHOICE_TYPES.has(c.type) || MULTI_CHOICE_TYPES.has(c.type)) checkOptions(walk, element, c);
    } else if (CONTAINER_TYPES.has(c.type)) {
      const path = c.path === undefined || c.path === '' ? [] : splitPath(c.path);
      if (!path) return void add(walk, element, 'form-schema.bad-path', { path: JSON.stringify(c.path) });
      if (c.type === 'dynamiclist') {
        if (path.length === 0) return void add(walk, element, 'form-schema.list-no-path');
        claim(walk, paths, [...prefix, ...path], element);
        checkScope(walk, c.components ?? [], `${at}.components`, [], depth + 1, new Map());
      } else {
        checkScope(walk, c.components ?? [], `${at}.components`, [...prefix, ...path], depth + 1, paths);
      }
    }
  });
}

/** Records that `element` writes `path`; two writers of one path, or of a path and its parent, clash. */
function claim(walk: Walk, paths: Map<string, string>, path: string[], element: string): void {
  const dotted = path.join('.');
  for (const [other, owner] of paths) {
    if (other === dotted) add(walk, element, 'form-schema.duplicate-key', { key: dotted, owner });
    else if (other.startsWith(`${dotted}.`) || dotted.startsWith(`${other}.`)) {
      add(walk, element, 'form-schema.key-clash', { key: dotted, other, owner });
    }
  }
  paths.set(dotted, element);
}

/** Every problem of `form`; an empty list means it may be deployed. */
export function validateFormSchema(form: unknown): FormSchemaProblem[] {
  if (!isPlainObject(form)) return [problem('form', text('form-schema.not-object'))];
  const walk: Walk = { problems: [], count: 0 };
  if (form.type !== undefined && form.type !== 'default') add(walk, 'form', 'form-schema.form-type', { type: JSON.stringify(form.type) });
  if (form.id !== undefined && (typeof form.id !== 'string' || form.id.trim() === '')) add(walk, 'form', 'form-schema.form-id');
  checkScope(walk, form.components, '', [], 0, new Map());
  if (walk.count > MAX_COMPONENTS) add(walk, 'form', 'form-schema.too-many', { max: MAX_COMPONENTS });
  return walk.problems;
}

/** Throws `InvalidFormError` unless `form` passes `validateFormSchema`. */
export function assertValidForm(form: unknown): asserts form is FormSchema {
  const problems = validateFormSchema(form);
  if (problems.length) throw new InvalidFormError(problems);
}
