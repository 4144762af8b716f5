/**
 * `validateFormSchema`: the deployment check of a form-js form. Collects every problem, each
 * naming the component (id, else key), before anything is deployed: structure (known types, keys
 * on input fields, paths, duplicate or clashing keys), FEEL syntax, regular expressions, static
 * options and limits, and content that could run script in the inbox (see safety.ts).
 */
import { checkFeel, stripFeelPrefix } from '../expressions/feel.js';
import { CONTAINER_TYPES, MULTI_CHOICE_TYPES, SINGLE_CHOICE_TYPES, isKeyed, isKnownType, splitPath } from './components.js';
import { isPlainObject } from './data.js';
import { DYNAMIC_LIMITS, isFeel, staticLimit, staticOptions } from './field-schema.js';
import { compilePattern } from './pattern.js';
import { scriptInMarkup, scriptInText, unsafeIframeUrl } from './safety.js';
import type { FormComponent, FormSchema, FormSchemaProblem } from './types.js';

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

function nameOf(c: FormComponent, index: string): string {
  return typeof c.id === 'string' && c.id ? c.id : typeof c.key === 'string' && c.key ? c.key : `components${index}`;
}

function checkFeelProperty(walk: Walk, element: string, what: string, value: unknown, mustBeFeel = false): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') return void (mustBeFeel && walk.problems.push({ element, message: `${what} must be a FEEL expression` }));
  if (!isFeel(value)) return void (mustBeFeel && walk.problems.push({ element, message: `${what} must be a FEEL expression starting with "="` }));
  const problem = checkFeel(stripFeelPrefix(value));
  if (problem) walk.problems.push({ element, message: `${what}: ${problem}` });
}

function checkValidate(walk: Walk, element: string, c: FormComponent): void {
  const v = c.validate ?? {};
  for (const limit of DYNAMIC_LIMITS) {
    const value = v[limit];
    if (value === undefined || value === '') continue;
    if (isFeel(value)) checkFeelProperty(walk, element, `validate.${limit}`, value);
    else if (staticLimit(value) === undefined) walk.problems.push({ element, message: `validate.${limit} must be a number` });
  }
  const [min, max] = [staticLimit(v.min), staticLimit(v.max)];
  if (min !== undefined && max !== undefined && min > max) walk.problems.push({ element, message: `validate.min ${min} is greater than validate.max ${max}` });
  const [minL, maxL] = [staticLimit(v.minLength), staticLimit(v.maxLength)];
  if (minL !== undefined && maxL !== undefined && minL > maxL) walk.problems.push({ element, message: `validate.minLength ${minL} is greater than validate.maxLength ${maxL}` });
  if (v.pattern !== undefined && v.pattern !== '') {
    try {
      new RegExp(String(v.pattern));
      if ('error' in compilePattern(String(v.pattern))) {
        walk.problems.push({ element, message: 'validate.pattern uses a backreference or lookaround, which can take exponential time on a crafted value; Alur runs form patterns in linear time (RE2) and cannot run these' });
      }
    } catch (err) {
      walk.problems.push({ element, message: `validate.pattern is not a valid regular expression: ${(err as Error).message}` });
    }
  }
}

function checkOptions(walk: Walk, element: string, c: FormComponent): void {
  if (c.values !== undefined && !Array.isArray(c.values)) return void walk.problems.push({ element, message: 'values must be a list of { label, value }' });
  const options = staticOptions(c);
  if (options?.some((o) => o === undefined)) walk.problems.push({ element, message: 'every option needs a value' });
  const seen = new Set(options?.map((o) => JSON.stringify(o)));
  if (options && seen.size !== options.length) walk.problems.push({ element, message: 'options have duplicate values' });
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
    const problem = markup ? scriptInMarkup(value) : scriptInText(value);
    if (problem) walk.problems.push({ element, message: `${property} ${problem}` });
  }
  if (c.type === 'iframe') {
    const problem = unsafeIframeUrl(c.url);
    if (problem) walk.problems.push({ element, message: problem });
  }
}

/** Checks one scope (the form, or a dynamic list's items); `paths` collects its value paths. */
function checkScope(walk: Walk, components: unknown, index: string, prefix: string[], depth: number, paths: Map<string, string>): void {
  if (!Array.isArray(components)) return void walk.problems.push({ element: `components${index}`, message: 'components must be a list' });
  if (depth > MAX_DEPTH) return void walk.problems.push({ element: `components${index}`, message: `groups are nested deeper than ${MAX_DEPTH} levels` });
  components.forEach((raw, i) => {
    const at = `${index}[${i}]`;
    if (++walk.count > MAX_COMPONENTS) return;
    if (!isPlainObject(raw) || typeof raw.type !== 'string') return void walk.problems.push({ element: `components${at}`, message: 'a component needs a type' });
    const c = raw as FormComponent;
    const element = nameOf(c, at);
    if (!isKnownType(c.type)) return void walk.problems.push({ element, message: `unsupported form field type "${c.type}"` });
    checkFeelProperty(walk, element, 'conditional.hide', c.conditional?.hide, true);
    checkContent(walk, element, c);
    if (isKeyed(c.type)) {
      const key = splitPath(c.key);
      if (!key) return void walk.problems.push({ element, message: c.key ? `key ${JSON.stringify(c.key)} is not a valid variable path` : `${c.type} field has no key` });
      claim(walk, paths, [...prefix, ...key], element);
      checkValidate(walk, element, c);
      checkFeelProperty(walk, element, 'readonly', typeof c.readonly === 'string' ? c.readonly : undefined);
      if (c.type === 'expression' && !c.expression) walk.problems.push({ element, message: 'expression field has no expression' });
      if (c.type === 'expression') checkFeelProperty(walk, element, 'expression', c.expression, true);
      if (SINGLE_CHOICE_TYPES.has(c.type) || MULTI_CHOICE_TYPES.has(c.type)) checkOptions(walk, element, c);
    } else if (CONTAINER_TYPES.has(c.type)) {
      const path = c.path === undefined || c.path === '' ? [] : splitPath(c.path);
      if (!path) return void walk.problems.push({ element, message: `path ${JSON.stringify(c.path)} is not a valid variable path` });
      if (c.type === 'dynamiclist') {
        if (path.length === 0) return void walk.problems.push({ element, message: 'dynamic list has no path' });
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
    if (other === dotted) walk.problems.push({ element, message: `duplicate key "${dotted}" (also used by ${owner})` });
    else if (other.startsWith(`${dotted}.`) || dotted.startsWith(`${other}.`)) {
      walk.problems.push({ element, message: `key "${dotted}" clashes with "${other}" of ${owner}` });
    }
  }
  paths.set(dotted, element);
}

/** Every problem of `form`; an empty list means it may be deployed. */
export function validateFormSchema(form: unknown): FormSchemaProblem[] {
  if (!isPlainObject(form)) return [{ element: 'form', message: 'a form must be a JSON object' }];
  const walk: Walk = { problems: [], count: 0 };
  if (form.type !== undefined && form.type !== 'default') walk.problems.push({ element: 'form', message: `form type must be "default" (got ${JSON.stringify(form.type)})` });
  if (form.id !== undefined && (typeof form.id !== 'string' || form.id.trim() === '')) walk.problems.push({ element: 'form', message: 'form id must be a non-empty string' });
  checkScope(walk, form.components, '', [], 0, new Map());
  if (walk.count > MAX_COMPONENTS) walk.problems.push({ element: 'form', message: `a form may have at most ${MAX_COMPONENTS} components` });
  return walk.problems;
}

/** Throws `InvalidFormError` unless `form` passes `validateFormSchema`. */
export function assertValidForm(form: unknown): asserts form is FormSchema {
  const problems = validateFormSchema(form);
  if (problems.length) throw new InvalidFormError(problems);
}
