/**
 * Shapes shared by the form modules: the form-js schema as Camunda Modeler writes it (only the
 * properties Alur reads are typed; everything else passes through untouched) and the results the
 * validator hands back. No logic lives here.
 */
import type { Text } from '../messages/index.js';

/** A form-js schema, the JSON of a `.form` file. */
export interface FormSchema {
  id?: string;
  type?: string;
  schemaVersion?: number;
  components: FormComponent[];
  [other: string]: unknown;
}

/** The `validate` block of a form field; values starting with `=` are FEEL. */
export interface FormValidate {
  required?: boolean;
  minLength?: number | string;
  maxLength?: number | string;
  min?: number | string;
  max?: number | string;
  pattern?: string;
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom' | string;
}

/** One static option of a select, radio, checklist or taglist. */
export interface FormOption {
  label?: string;
  value: unknown;
}

/** One form-js component; container types carry `components`. */
export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  validate?: FormValidate;
  conditional?: { hide?: string };
  disabled?: boolean;
  readonly?: boolean | string;
  values?: FormOption[];
  valuesKey?: string;
  valuesExpression?: string;
  subtype?: 'date' | 'time' | 'datetime' | string;
  disallowPassedDates?: boolean;
  decimalDigits?: number;
  increment?: number | string;
  serializeToString?: boolean;
  expression?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

/** The language of validation messages. */
export type MessageLanguage = 'en' | 'id';

/** One violation: `path` is the field's key, dotted for nested values, with list indexes. */
export interface FieldError {
  path: string;
  message: string;
  /** A stable machine-readable reason, e.g. `required`, `pattern`, `unknown`. */
  code: string;
  /** `message` as catalog text, to be written in another language. */
  text?: Text;
}

export type FormValidationResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** A problem found in a form at deployment; `element` is the component id (or key). */
export interface FormSchemaProblem {
  element: string;
  /** English, as it reads after the element's name (logs, `InvalidFormError`). */
  message: string;
  /** `message` as catalog text: deployment and pack import write it in the reader's language. */
  text: Text;
}
