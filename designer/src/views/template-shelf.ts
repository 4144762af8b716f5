/**
 * Letter templates (.docx) attached to the diagram's deployment: document-render tasks name them in
 * their `template` header, and the server takes them beside the .bpmn and its forms (README
 * "Letters"). The shelf lists what is attached, with its size and a remove button; it belongs to
 * the open diagram and is emptied when another one is opened. The server checks each file (a zip
 * bomb, a lying zip, a broken tag) and names it in its refusal.
 */
import { h, replaceChildren } from '../dom.js';
import { tt } from '../i18n/template-strings.js';

export interface TemplateShelf {
  element: HTMLElement;
  /** Adds .docx files (a file of the same name replaces the one before); answers what was refused. */
  add(files: File[]): string[];
  files(): File[];
  clear(): void;
}

/** `changed`: called when the attached files change (the server's last refusal may no longer hold). */
export function createTemplateShelf(changed: () => void = () => {}): TemplateShelf {
  const attached = new Map<string, File>();
  const list = h('ul', { className: 'template-list', 'aria-label': tt('shelfLabel'), 'data-testid': 'templates' });
  const element = h('div', { className: 'template-shelf', hidden: true }, list);
  const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024)} KB`);

  function render(): void {
    element.hidden = attached.size === 0;
    replaceChildren(list, ...[...attached.values()].map((file) => h('li', { className: 'template-chip', 'data-template': file.name },
      h('span', {}, `${file.name} · ${size(file.size)}`),
      h('button', { type: 'button', className: 'chip-remove', 'aria-label': tt('remove', { name: file.name }), onclick: () => { attached.delete(file.name); render(); changed(); } }, '×'))));
  }

  return {
    element,
    add(files) {
      const refused: string[] = [];
      for (const file of files) {
        if (!file.name.toLowerCase().endsWith('.docx')) refused.push(tt('notDocx', { name: file.name }));
        else attached.set(file.name, file);
      }
      render();
      if (refused.length < files.length) changed();
      return refused;
    },
    files: () => [...attached.values()],
    clear() { attached.clear(); render(); },
  };
}
