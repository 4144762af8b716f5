/**
 * The form editor dialog: edits the form-js form of one user task with @bpmn-io/form-js's
 * FormEditor and its properties panel. Saving puts the schema into the form store under the
 * task's formId; it never deploys by itself (the form goes out with the next diagram deploy).
 */
import { FormEditor } from '@bpmn-io/form-js';
import { h } from '../dom.js';
import { t } from '../i18n/lang.js';
import { indonesianDefaults, translateFormEditor } from './form-editor-i18n.js';
import type { FormSchema } from '../forms/form-store.js';

/** `title` names the form by its task or start event; the form id (technical) is shown small beneath. */
export function openFormDialog(title: string, schema: FormSchema, onSave: (schema: FormSchema) => void): void {
  const editorHost = h('div', { className: 'form-editor-canvas' });
  const panelHost = h('div', { className: 'form-editor-panel' });
  const save = h('button', { type: 'button', className: 'btn btn-primary', 'data-testid': 'form-save' }, t('save'));
  const cancel = h('button', { type: 'button', className: 'btn' }, t('cancel'));
  const dialog = h('div', { className: 'modal-backdrop', 'data-testid': 'form-dialog' },
    h('div', { className: 'modal modal-wide', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
      h('div', { className: 'modal-head' },
        h('div', { className: 'modal-title' }, h('h2', { 'data-testid': 'form-dialog-title', title }, title), h('span', { className: 'muted modal-subtitle', 'data-testid': 'form-dialog-id' }, t('formIdNote', { formId: schema.id }))),
        h('div', { className: 'modal-actions' }, cancel, save)),
      h('div', { className: 'form-editor' }, editorHost, panelHost)));
  document.body.append(dialog);

  const stopTranslating = translateFormEditor(dialog);
  const editor = new FormEditor({ container: editorHost, propertiesPanel: { parent: panelHost } } as any);
  indonesianDefaults(editor as any);
  void editor.importSchema(schema as any);

  const close = () => {
    stopTranslating();
    editor.destroy();
    dialog.remove();
  };
  cancel.addEventListener('click', close);
  save.addEventListener('click', () => {
    const saved = editor.saveSchema() as FormSchema;
    onSave({ ...saved, id: schema.id });
    close();
  });
}
