/**
 * The form-js `filepicker` field as the inbox renders it. form-js's own picker only keeps the
 * chosen File objects in the page and puts a `files::…` key into the data, which the API refuses
 * (API.md 1.1 "Documents": the value is `{ documentId }`, a list of them with `multiple`). This
 * one uploads each chosen file at once to POST /api/documents with a progress bar, and its value
 * is then the document reference the start or completion attaches — so a value the case already
 * holds (a task prefilled with an earlier upload) shows as that document and is sent back as it is.
 * Words in the user's language; a refused upload (too large, a kind not accepted) shows the
 * server's reason on the field. Submitting waits for uploads still running (UploadTracker).
 */
import { h as el, type VNode } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { Errors, FilePicker, FormContext, Label } from '@bpmn-io/form-js-viewer';
import { ApiError } from './api.js';
import { errorMessage } from './errors.js';
import { t } from './i18n/index.js';
import { describeDocument, formatSize, uploadDocument } from './documents.js';

export interface DocumentRef { documentId: string }

/** The uploads a form has running; a submit waits for them (task-form.ts). */
export class UploadTracker {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(upload: Promise<T>): Promise<T> {
    this.running.add(upload);
    const forget = () => this.running.delete(upload);
    upload.then(forget, forget);
    return upload;
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}

interface FieldProps {
  field: { id: string; key?: string; label?: string; multiple?: unknown; accept?: unknown; validate?: { required?: boolean } };
  value: unknown;
  onChange(update: { value: unknown }): void;
  domId: string;
  errors?: string[];
  disabled?: boolean;
  readonly?: boolean;
}

interface Running { key: number; name: string; percent: number }

let uploadCounter = 0;

/** The references in a field's value: `{ documentId }`, a list of them, or nothing. */
export function refsOf(value: unknown): DocumentRef[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  return items.filter((v): v is DocumentRef => typeof (v as DocumentRef | null)?.documentId === 'string');
}

function DocumentField(props: FieldProps): VNode {
  const { field, onChange, domId, errors = [], disabled = false, readonly = false } = props;
  const multiple = field.multiple === true;
  const refs = refsOf(props.value);
  const context = useContext(FormContext) as { getService(name: string, strict?: boolean): unknown };
  const tracker = context.getService('alurUploads', false) as UploadTracker | null;
  const [described, setDescribed] = useState<Record<string, { name: string; size: number }>>({});
  const [running, setRunning] = useState<Running[]>([]);
  const [failures, setFailures] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  // The value when an upload ends, not when it began: two uploads may end in either order.
  const current = useRef(refs);
  current.current = refs;

  const ids = refs.map((r) => r.documentId).join(',');
  useEffect(() => {
    for (const { documentId } of refs) {
      if (described[documentId]) continue;
      describeDocument(documentId).then((d) => setDescribed((known) => ({ ...known, [documentId]: { name: d.name, size: d.size } })), () => undefined);
    }
  }, [ids]);

  const uploadOne = async (file: File): Promise<DocumentRef | null> => {
    const key = ++uploadCounter;
    setRunning((list) => [...list, { key, name: file.name, percent: 0 }]);
    const upload = uploadDocument(file, (sent, total) => {
      const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
      setRunning((list) => list.map((r) => (r.key === key ? { ...r, percent } : r)));
    });
    try {
      const doc = await (tracker ? tracker.track(upload.done) : upload.done);
      setDescribed((known) => ({ ...known, [doc.id]: { name: doc.name, size: doc.size } }));
      return { documentId: doc.id };
    } catch (error) {
      const reason = error instanceof ApiError && error.status !== 0 ? error.message : errorMessage(error);
      setFailures((list) => [...list, t('file.failed', { name: file.name, reason })]);
      return null;
    } finally {
      setRunning((list) => list.filter((r) => r.key !== key));
    }
  };

  const choose = async (event: Event): Promise<void> => {
    const target = event.target as HTMLInputElement;
    const files = Array.from(target.files ?? []);
    target.value = '';
    if (!files.length) return;
    setFailures([]);
    const all = Promise.all((multiple ? files : files.slice(0, 1)).map(uploadOne));
    const added = (await (tracker ? tracker.track(all) : all)).filter((r): r is DocumentRef => r !== null);
    if (!added.length) return;
    if (multiple) onChange({ value: [...current.current, ...added] });
    else onChange({ value: added[0] });
  };

  const remove = (documentId: string): void => {
    const rest = current.current.filter((r) => r.documentId !== documentId);
    onChange({ value: multiple && rest.length ? rest : null });
  };

  const accept = typeof field.accept === 'string' && !/^=|\{\{/.test(field.accept) ? field.accept : undefined;
  const errorId = `${domId}-error-message`;
  const busy = running.length > 0;
  const buttonText = t(refs.length === 0 ? 'file.choose' : multiple ? 'file.chooseMore' : 'file.replace');
  const classes = ['fjs-form-field', 'fjs-form-field-filepicker', 'alur-document-field'];
  if (errors.length || failures.length) classes.push('fjs-has-errors');
  if (disabled) classes.push('fjs-disabled');
  if (readonly) classes.push('fjs-readonly');

  return el('div', { class: classes.join(' ') },
    el(Label as never, { htmlFor: domId, label: field.label, required: field.validate?.required ?? false }),
    el('input', {
      type: 'file', class: 'fjs-hidden', ref: input, id: domId, name: domId, multiple: multiple || undefined, accept,
      disabled: disabled || readonly || busy, 'aria-describedby': errorId, onChange: (e: Event) => void choose(e),
    }),
    refs.length ? el('ul', { class: 'alur-files' }, ...refs.map(({ documentId }) => {
      const info = described[documentId];
      const name = info?.name ?? '…';
      return el('li', { key: documentId, 'data-document-id': documentId },
        el('span', { class: 'alur-file-name' }, name),
        info ? el('span', { class: 'alur-file-size' }, formatSize(info.size)) : null,
        readonly || disabled ? null : el('button', { type: 'button', class: 'alur-file-remove', 'aria-label': t('file.remove', { name }), title: t('file.remove', { name }), onClick: () => remove(documentId) }, '×'));
    })) : null,
    running.length ? el('ul', { class: 'alur-uploads', 'aria-live': 'polite' }, ...running.map((r) => el('li', { key: r.key },
      el('progress', { max: 100, value: r.percent, 'aria-label': t('file.uploading', { name: r.name, percent: r.percent }) }),
      el('span', {}, t('file.uploading', { name: r.name, percent: r.percent }))))) : null,
    readonly ? (refs.length ? null : el('p', { class: 'alur-file-none' }, t('file.none'))) : el('div', { class: 'fjs-filepicker-container' },
      el('button', { type: 'button', class: 'fjs-button fjs-filepicker-button', disabled: disabled || busy, onClick: () => input.current?.click() }, buttonText),
      refs.length || busy ? null : el('span', { class: 'fjs-form-field-label alur-file-none' }, t('file.none'))),
    failures.length ? el('div', { class: 'fjs-form-field-error alur-upload-failed', role: 'alert' }, el('ul', {}, ...failures.map((f, i) => el('li', { key: i }, f)))) : null,
    el(Errors as never, { id: errorId, errors }));
}

DocumentField.config = { ...(FilePicker as unknown as { config: Record<string, unknown> }).config };

class DocumentFieldRegistration {
  static $inject = ['formFields'];
  constructor(formFields: { register(type: string, component: unknown): void }) {
    formFields.register('filepicker', DocumentField);
  }
}

/** The form-js module putting this field in place of form-js's filepicker, with the form's upload tracker. */
export function documentFieldModule(tracker: UploadTracker): Record<string, unknown> {
  return { __init__: ['alurDocumentField'], alurDocumentField: ['type', DocumentFieldRegistration], alurUploads: ['value', tracker] };
}
