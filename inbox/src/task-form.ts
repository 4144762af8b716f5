/**
 * The task's form, rendered with the @bpmn-io/form-js viewer and prefilled from the task's
 * variables. Owns the form-js instance: its messages are put into the user's language, and the
 * server's 400 `errors[{ path, message }]` are placed on the fields whose key matches `path`.
 * It never sends anything itself; the task view (or the start view) decides what a submit does,
 * and both report a refused submit the same way (refuseInvalid, showFieldRefusal).
 */
import { Form } from '@bpmn-io/form-js';
import { ApiError } from './api.js';
import { fill, h } from './dom.js';
import { lang, t } from './i18n/index.js';
import { localiseDatePickers, localiseFormWords } from './form-widgets.js';
import { translateValidation } from './form-messages.js';
import type { FormSchema } from './types.js';
import { documentFieldModule, UploadTracker } from './document-field.js';

export interface SubmitResult {
  data: Record<string, unknown>;
  valid: boolean;
}

export interface TaskForm {
  /** Validates in the page; the result goes to the `onSubmit` given at mount. */
  submit(): void;
  /** Shows server-side errors on their fields; returns those no field matched. */
  showServerErrors(errors: { path?: string; code?: string; message: string }[]): string[];
  /** Moves focus to the first field with an error, so keyboard users land on it. */
  focusFirstError(): void;
  destroy(): void;
}

interface FieldLike { id: string; key?: string; path?: string; label?: string; type: string }

export async function mountTaskForm(
  container: HTMLElement, schema: FormSchema, variables: Record<string, unknown>, readOnly: boolean,
  onSubmit: (result: SubmitResult) => void,
): Promise<TaskForm> {
  // File fields upload as soon as a file is chosen (document-field.ts); a submit waits for them.
  const uploads = new UploadTracker();
  // The widgets' own words (select, date picker) in the inbox's language; see form-widgets.ts.
  localiseDatePickers(lang());
  const stopWords = localiseFormWords(container, lang());
  const form = new Form({ container, properties: { readOnly }, additionalModules: [documentFieldModule(uploads)] });
  translateValidator(form);
  await form.importSchema(schema as any, variables);
  // Both the inbox's button and a submit button inside the schema end in form-js's 'submit' event.
  form.on('submit', (event: { data: Record<string, unknown>; errors: Record<string, unknown> }) => {
    onSubmit({ data: event.data, valid: Object.keys(event.errors ?? {}).length === 0 });
  });

  const fields = (): FieldLike[] => (form.get('formFieldRegistry') as { getAll(): FieldLike[] }).getAll();

  return {
    submit() {
      // form-js holds the last keystrokes of a text field for 300 ms and flushes them on blur; a
      // submit that comes while the field still has focus (Enter, a touch screen that does not move
      // focus, a slow page) would send the value before the correction. Blur first.
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && container.contains(focused)) focused.blur();
      if (!uploads.busy) {
        form.submit();
        return;
      }
      const waiting = h('p', { class: 'hint upload-wait', role: 'status' }, t('file.waiting'));
      container.after(waiting);
      void uploads.idle().then(() => {
        waiting.remove();
        form.submit();
      });
    },
    showServerErrors(errors) {
      const state = (form as any)._getState() as { errors: Record<string, string[]> };
      const next: Record<string, string[]> = { ...state.errors };
      const unmatched: string[] = [];
      for (const error of errors) {
        const field = fieldForPath(fields(), error.path ?? '');
        // Already in the user's language: the server writes it in the one the inbox asked for.
        const message = error.message;
        if (field) next[field.id] = [...(next[field.id] ?? []), message];
        else unmatched.push(error.path ? `${error.path}: ${message}` : message);
      }
      (form as any)._setState({ errors: next });
      return unmatched;
    },
    focusFirstError() {
      container.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    },
    destroy() {
      stopWords();
      form.destroy();
    },
  };
}

/** An invalid submit: the summary line and focus on the first marked field. True when `result` was invalid. */
export function refuseInvalid(result: SubmitResult, form: TaskForm | null, summary: HTMLElement): boolean {
  fill(summary);
  if (result.valid) return false;
  fill(summary, h('p', {}, t('task.fixErrors')));
  form?.focusFirstError();
  return true;
}

/** A 400 naming fields: its errors on those fields, the rest in the summary. False when `error` is not one. */
export function showFieldRefusal(error: unknown, form: TaskForm | null, summary: HTMLElement): boolean {
  if (!(error instanceof ApiError && error.status === 400 && error.problem.errors?.length && form)) return false;
  const unmatched = form.showServerErrors(error.problem.errors);
  fill(summary, h('p', {}, t('task.fixErrors')), ...unmatched.map((text) => h('p', {}, text)));
  form.focusFirstError();
  return true;
}

/** Matches an API error path ("amount", "/amount", "address.street") to the form field with that key. */
function fieldForPath(fields: FieldLike[], path: string): FieldLike | undefined {
  const normalised = path.replace(/^\/+/, '').replace(/\//g, '.').replace(/^variables\./, '');
  return fields.find((field) => field.key === normalised)
    ?? fields.find((field) => field.key && normalised.endsWith(`.${field.key}`));
}

/**
 * form-js writes its validation messages in English inside its Validator. Wrapping the one
 * validator instance of this form keeps form-js untouched and translates every message it shows,
 * both while typing and on submit.
 */
function translateValidator(form: Form): void {
  const validator = form.get('validator') as Record<string, (...args: unknown[]) => string[]>;
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method];
    if (typeof original !== 'function') continue;
    validator[method] = (...args: unknown[]) => original.apply(validator, args).map(translateValidation);
  }
}
