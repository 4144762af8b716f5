/**
 * `compileFormValidator`: the server-side check of the values a user submits when completing a
 * task with a form-js form. Per field, in form order: hidden (FEEL `conditional.hide` over the
 * submitted values laid on the case variables) → removed, neither required nor checked; computed
 * (`expression` fields) → recomputed here, whatever was sent; read-only or disabled → may only
 * repeat the current value, and is dropped; empty → an error if required; else checked by ajv
 * against the field's JSON Schema plus the run-time rules. Every violation is reported, one entry
 * each, with the field's dotted key as `path`. The input objects are never modified.
 */
import { inlineEvaluator, type FeelEvaluator } from '../expressions/feel.js';
import { cloneData, deepMerge, getAt, isPlainObject, removeAt, sameData, setAt, type Plain } from './data.js';
import { checkFieldValue, releaseField, type FieldEnv, type Violation } from './check-field.js';
import { FeelScope } from './feel-context.js';
import { formText } from './messages.js';
import { render, type Text } from '../messages/index.js';
import { planScope, type FieldPlan, type ScopePlan } from './model.js';
import { keyTree, walkStructure, type KeyTree, type UnknownFields } from './structure.js';
import type { FieldError, FormSchema, FormValidationResult, MessageLanguage } from './types.js';
import { assertValidForm } from './validate-form-schema.js';

export interface CompileOptions {
  /** Keys no field owns: `reject` (default) reports them, `strip` drops them, `allow` keeps them. */
  unknownFields?: UnknownFields;
  /** The FEEL evaluator; pass the engine's time-bounded one in production. */
  evaluator?: FeelEvaluator;
}

export interface ValidateOptions {
  messages?: MessageLanguage;
  /** The clock, for FEEL `now()`/`today()` and `disallowPassedDates`. */
  now?: Date;
  /** Time zone of "today" for `disallowPassedDates`; default Asia/Jakarta (WIB). */
  timeZone?: string;
}

export type FormValidator = ((submitted: unknown, caseVariables?: Record<string, unknown>, options?: ValidateOptions) => FormValidationResult) & {
  /** Frees the compiled schemas; the validator must not be used afterwards (the cache calls this). */
  release(): void;
};

function isEmpty(field: FieldPlan, value: unknown): boolean {
  return value === undefined || value === null || value === ''
    || (Array.isArray(value) && value.length === 0)
    || (field.component.type === 'checkbox' && value === false);
}

/**
 * Whether a read-only value repeats what the viewer showed: the case's value, or the field's
 * default when the case has none. Empty values are never refused — the viewer sends its empty
 * value for a read-only field without data, and read-only values are dropped anyway.
 */
function isUnchanged(field: FieldPlan, value: unknown, caseValue: unknown): boolean {
  return sameData(value, caseValue) || (caseValue === undefined && sameData(value, field.component.defaultValue));
}

function todayIn(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

interface Run {
  env: Omit<FieldEnv, 'feel'>;
  report(path: string[], label: string, violation: Violation): void;
}

function runScope(plan: ScopePlan, data: Plain, caseData: unknown, feel: FeelScope, out: Plain, prefix: string[], run: Run): void {
  for (const field of plan.fields) {
    const custom = field.component.validate?.patternErrorMessage;
    const report = (v: Violation) => run.report([...prefix, ...field.segments], field.label, v.code === 'pattern' && custom ? { ...v, custom } : v);
    if (field.hides.some((hide) => feel.holds(hide))) {
      removeAt(out, field.segments);
      continue;
    }
    if (field.computed) {
      const expression = field.component.expression;
      if (typeof expression === 'string') setAt(out, field.segments, feel.value(expression));
      else removeAt(out, field.segments);
      continue;
    }
    const value = getAt(data, field.segments);
    if (field.readonly === true || (typeof field.readonly === 'string' && feel.holds(field.readonly))) {
      if (!isEmpty(field, value) && !isUnchanged(field, value, getAt(caseData, field.segments))) report({ code: 'readonly' });
      removeAt(out, field.segments);
      continue;
    }
    if (isEmpty(field, value)) {
      if (field.required) report({ code: 'required' });
      continue;
    }
    checkFieldValue(field, value, { ...run.env, feel }).forEach(report);
  }
  for (const list of plan.lists) {
    if (list.hides.some((hide) => feel.holds(hide))) {
      removeAt(out, list.segments);
      continue;
    }
    const items = getAt(data, list.segments);
    if (!Array.isArray(items)) continue;
    const outItems = getAt(out, list.segments) as unknown[];
    const caseItems = getAt(caseData, list.segments);
    items.forEach((item, i) => {
      if (!isPlainObject(item)) return;
      const caseItem = Array.isArray(caseItems) ? caseItems[i] : undefined;
      const scope = feel.item(deepMerge(caseItem, item), i);
      runScope(list.scope, item, caseItem, scope, outItems[i] as Plain, [...prefix, ...list.segments, String(i)], run);
    });
  }
}

/** Builds the validator of `form`; throws `InvalidFormError` when the form fails `validateFormSchema`. */
export function buildFormValidator(form: FormSchema, options: CompileOptions = {}): FormValidator {
  assertValidForm(form);
  const plan = planScope(form.components);
  const tree: KeyTree = keyTree(plan);
  const policy = options.unknownFields ?? 'reject';
  const evaluator = options.evaluator ?? inlineEvaluator;

  const validate = (submitted: unknown, caseVariables: Record<string, unknown> = {}, callOptions: ValidateOptions = {}): FormValidationResult => {
    const language = callOptions.messages ?? 'en';
    const errors: FieldError[] = [];
    // `text` keeps the message as data, so the API writes it in its reader's language.
    const error = (path: string, code: string, message: Text): FieldError => ({ path, code, message: render(message, language), text: message });
    const push = (path: string[], field: string, v: Violation) => errors.push(
      error(path.join('.'), v.code, formText(v.code, { field, limit: v.limit, expected: v.expected, custom: v.custom })),
    );
    if (!isPlainObject(submitted)) return { ok: false, errors: [error('', 'form', formText('form', { field: '' }))] };
    const now = callOptions.now ?? new Date();
    const out = cloneData(submitted);
    const problems: Parameters<typeof walkStructure>[5] = [];
    walkStructure(tree, submitted, out, [], policy, problems);
    problems.forEach((p) => push(p.path, p.path.join('.'), { code: p.code, expected: p.expected }));

    const cases = isPlainObject(caseVariables) ? caseVariables : {};
    const merged = deepMerge(cases, submitted) as Plain;
    const feel = new FeelScope(merged, evaluator, now.toISOString());
    const optionsFeel = new FeelScope(cases, evaluator, now.toISOString());
    const env = { caseVariables: cases, optionsFeel, today: todayIn(now, callOptions.timeZone ?? 'Asia/Jakarta') };
    runScope(plan, submitted, cases, feel, out, [], { env, report: push });
    return errors.length ? { ok: false, errors } : { ok: true, values: out };
  };
  return Object.assign(validate, { release: () => releaseScope(plan) });
}

function releaseScope(plan: ScopePlan): void {
  plan.fields.forEach(releaseField);
  plan.lists.forEach((list) => releaseScope(list.scope));
}
