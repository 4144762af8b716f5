/**
 * The case's data in the console: every process variable with its value, changed one at a time
 * with a reason the operator must write (the API keeps it in the history with the user and the
 * names, not the values). A value keeps its kind: a number stays a number, yes/no stays boolean,
 * a list or object is edited as JSON; a new entry is text.
 */
import { h, replaceChildren } from '../dom.js';
import { ot } from '../i18n/operate-strings.js';
import { changeVariables, type CaseDetail } from '../operate-api.js';
import { errorText } from './operate-common.js';
import { currentLang } from '../i18n/lang.js';
import { valueText, type CaseField } from '../../../ui-shared/case-values.js';

/**
 * `fields`: the forms' fields by variable name — a value is shown under its field's label, with its
 * option's label and dates as the language writes them (ui-shared/case-values.ts, as the inbox
 * shows them); the name stays beside it, for it is what a change is made to.
 */
export function renderVariables(container: HTMLElement, inst: CaseDetail, fields: Map<string, CaseField>, onSaved: (message: string) => void, say: (text: string) => void): void {
  const names = Object.keys(inst.variables).sort();
  const editor = h('div', { 'data-testid': 'op-variable-editor' });
  const editable = inst.state === 'active';

  /** The form for `name` (undefined: a new entry). */
  function edit(name?: string): void {
    const old = name === undefined ? '' : inst.variables[name];
    const nameInput = h('input', { name: 'var-name', value: name ?? '', disabled: name !== undefined });
    let valueInput: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (typeof old === 'boolean') valueInput = h('select', { name: 'var-value' }, h('option', { value: 'true', selected: old }, ot('yes')), h('option', { value: 'false', selected: !old }, ot('no')));
    else if (typeof old === 'number') valueInput = h('input', { name: 'var-value', inputmode: 'decimal', value: String(old) });
    else if (old !== null && typeof old === 'object') valueInput = h('textarea', { name: 'var-value', rows: 4 }, JSON.stringify(old, null, 2));
    else valueInput = h('input', { name: 'var-value', value: old === null ? '' : String(old) });
    const reason = h('textarea', { name: 'reason', rows: 2 });
    const error = h('p', { className: 'form-error', role: 'alert' });
    const form = h('form', { className: 'op-variable-form', 'data-testid': 'op-variable-form' },
      h('label', {}, ot('varName'), nameInput), h('label', {}, ot('varValue'), valueInput), h('label', {}, ot('reason'), reason), error,
      h('div', { className: 'actions' },
        h('button', { type: 'submit', className: 'btn btn-primary' }, ot('save')),
        h('button', { type: 'button', className: 'btn', onclick: () => replaceChildren(editor) }, ot('cancel'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const key = nameInput.value.trim();
      if (!key) { error.textContent = ot('nameRequired'); return; }
      if (!reason.value.trim()) { error.textContent = ot('reasonRequired'); reason.focus(); return; }
      let value: unknown = valueInput.value;
      if (typeof old === 'boolean') value = valueInput.value === 'true';
      else if (typeof old === 'number') {
        value = Number(valueInput.value.replace(',', '.'));
        if (valueInput.value.trim() === '' || Number.isNaN(value)) { error.textContent = ot('badNumber', { value: valueInput.value }); return; }
      } else if (old !== null && typeof old === 'object') {
        try { value = JSON.parse(valueInput.value); } catch { error.textContent = ot('badJson'); return; }
      }
      void changeVariables(inst.id, { [key]: value }, reason.value.trim()).then(() => onSaved(ot('varSaved', { name: key })), (e) => { error.textContent = errorText(e); say(''); });
    });
    replaceChildren(editor, form);
    (name === undefined ? nameInput : valueInput).focus();
  }

  replaceChildren(container, h('h2', {}, ot('variables')),
    names.length
      ? h('table', { className: 'table op-variables' },
        h('thead', {}, h('tr', {}, h('th', {}, ot('varName')), h('th', {}, ot('varValue')), editable ? h('th', {}, '') : null)),
        h('tbody', {}, ...names.map((name) => h('tr', { 'data-variable': name },
          fields.get(name)?.label ? h('td', {}, h('span', { className: 'op-label' }, fields.get(name)!.label), ' ', h('code', { className: 'muted' }, name)) : h('td', {}, h('code', {}, name)),
          h('td', { className: 'op-value' }, valueText(currentLang(), inst.variables[name], fields.get(name))),
          editable ? h('td', {}, h('button', { type: 'button', className: 'link-button', 'data-action': 'edit-variable', onclick: () => edit(name) }, ot('edit'))) : null))))
      : h('p', { className: 'muted' }, ot('noVariables')),
    editable ? h('button', { type: 'button', className: 'btn', 'data-action': 'new-variable', onclick: () => edit() }, ot('varNew')) : null,
    editor);
}
