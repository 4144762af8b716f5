/**
 * Puts form-js's editor into Indonesian. The editor has no translate service, so its palette,
 * empty canvas and properties panel are rewritten in the DOM: a text node or a title/placeholder/
 * aria-label whose whole text is a known English string gets its Indonesian, now and whenever
 * preact renders again (a MutationObserver). The form being designed (.fjs-form-field: the
 * analyst's own labels) and every input's value are left alone; nothing reaches the saved schema.
 */
import { currentLang } from '../i18n/lang.js';
import { formEditorText, optionLabel } from '../i18n/form-editor-id.js';

const ATTRIBUTES = ['title', 'placeholder', 'aria-label'];
/** The analyst's own words in the form drawn on the canvas (labels, texts, buttons): never rewritten. */
const OWN_CONTENT = ['.fjs-form-field-label', '.fjs-form-field-description', '.fjs-form-field-text', '.fjs-form-field-html', '.fjs-button',
  '.fjs-inline-label', '.fjs-taglist-tag-label', '.fjs-table-th-label', '.fjs-document-preview-title', '.fjs-input-adornment-text'].join(', ');
const DEFAULT_TEXTS = ['label', 'dateLabel', 'timeLabel'];

/**
 * A component added in Indonesian gets Indonesian default words in the schema itself ("Isian
 * teks", "Tombol", options "Pilihan 1", "Pilihan 2"), since those are what the inbox will show if
 * the analyst keeps them.
 */
export function indonesianDefaults(editor: { on(event: string, callback: (event: any) => void): void }): void {
  if (currentLang() !== 'id') return;
  editor.on('commandStack.formField.add.preExecute', ({ context }) => {
    const field = context?.formField as Record<string, unknown> | undefined;
    for (const key of DEFAULT_TEXTS) {
      const text = field?.[key];
      const id = typeof text === 'string' ? formEditorText(text) : undefined;
      if (field && id !== undefined) field[key] = id;
    }
    if (field && Array.isArray(field.values)) field.values = field.values.map((option) => indonesianOption(option));
  });
  // An option added in the panel ("Value 2") or the first one of a source switched to Static:
  // only options not in the field before, so an option the analyst named "Value" keeps its name.
  editor.on('commandStack.formField.edit.preExecute', ({ context }) => {
    const values = context?.properties?.values;
    if (!Array.isArray(values)) return;
    const before = new Set(((context.formField?.values ?? []) as { value?: unknown }[]).map((option) => option.value));
    context.properties.values = values.map((option: { value?: unknown }) => (before.has(option.value) ? option : indonesianOption(option)));
  });
}

function indonesianOption<T>(option: T): T {
  const label = (option as { label?: unknown })?.label;
  const id = typeof label === 'string' ? optionLabel(label) : undefined;
  return id === undefined ? option : { ...option, label: id };
}

function translateText(node: Text): void {
  const raw = node.data;
  const text = raw.trim();
  if (!text || node.parentElement?.closest(OWN_CONTENT)) return;
  const id = formEditorText(text);
  if (id !== undefined && id !== text) node.data = raw.replace(text, id);
}

function translateAttributes(element: Element): void {
  if (element.closest(OWN_CONTENT)) return;
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    const id = value ? formEditorText(value) : undefined;
    if (id !== undefined && id !== value) element.setAttribute(name, id);
  }
}

function translateTree(root: Node): void {
  if (root instanceof Text) return translateText(root);
  if (!(root instanceof Element)) return;
  translateAttributes(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) translateText(node);
    else translateAttributes(node as Element);
  }
}

/** Translates `root` (the editor and its panel) and keeps it translated; returns the stop. */
export function translateFormEditor(root: HTMLElement): () => void {
  if (currentLang() !== 'id') return () => {};
  translateTree(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') translateTree(mutation.target);
      else if (mutation.type === 'attributes') translateAttributes(mutation.target as Element);
      else mutation.addedNodes.forEach(translateTree);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
