/**
 * The service's view of engine/forms: checking a form at deployment, and validating a task
 * completion's values against the task's form (with the instance's variables for conditions).
 */
import { compileFormValidator, validateFormSchema, type FormSchema } from '../forms/index.js';
import type { FeelEvaluator } from '../expressions/feel.js';
import type { ErrorItem } from './errors.js';

/** Problems of a `.form` file as deployment errors (`element` = component id or key). */
export function formProblems(schema: unknown): ErrorItem[] {
  return validateFormSchema(schema).map((p) => ({ element: p.element, message: p.message, text: p.text }));
}

export type FormCheck = { ok: true; values: Record<string, unknown> } | { ok: false; errors: ErrorItem[] };

/** Validates submitted values; on success `values` is what to store (hidden and read-only fields dropped). */
export function checkFormValues(form: Record<string, unknown>, submitted: Record<string, unknown>, caseVariables: Record<string, unknown>, now: Date, evaluator?: FeelEvaluator): FormCheck {
  const validator = compileFormValidator(form as FormSchema, { evaluator });
  const result = validator(submitted, caseVariables, { now });
  if (result.ok) return { ok: true, values: result.values };
  return { ok: false, errors: result.errors.map((e) => ({ path: e.path, message: e.message, text: e.text })) };
}
