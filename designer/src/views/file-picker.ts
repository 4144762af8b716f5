/**
 * A file field in the app's language: the browser's own file input writes "Choose File" / "No file
 * chosen" in the browser's language whatever the page's, so it is hidden (still focusable and
 * reachable by keyboard) behind a labelled button, with the chosen file's name beside it.
 */
import { h } from '../dom.js';
import { t } from '../i18n/lang.js';

export function filePicker(input: HTMLInputElement, label: string): HTMLElement {
  input.classList.add('file-picker-input');
  input.setAttribute('aria-label', label);
  const chosen = h('span', { className: 'file-picker-name muted', 'data-testid': `${input.dataset.testid ?? 'file'}-name`, 'aria-live': 'polite' }, t('noFileChosen'));
  input.addEventListener('change', () => {
    const names = [...(input.files ?? [])].map((file) => file.name);
    chosen.textContent = names.length ? names.join(', ') : t('noFileChosen');
    chosen.classList.toggle('muted', names.length === 0);
  });
  return h('div', { className: 'file-picker' },
    h('span', { className: 'file-picker-label' }, label),
    h('div', { className: 'file-picker-row' },
      // The input inside the label: a click or Enter on the button opens the browser's file dialog.
      h('label', { className: 'btn file-picker-button' }, input, t('chooseFileButton')),
      chosen));
}
