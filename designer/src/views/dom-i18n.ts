/**
 * Puts library controls that write fixed English into the DOM (token simulation, the properties
 * panel's tooltips) into Indonesian: inside `scope` (a CSS selector of the libraries' own
 * containers) a text node or title/aria-label whose whole text is known gets its Indonesian, now
 * and whenever the library renders again (a MutationObserver). The diagram itself is outside the
 * scope, so an analyst's label is never rewritten.
 */
import { currentLang } from '../i18n/lang.js';

const ATTRIBUTES = ['title', 'aria-label'];

export function translateDom(root: HTMLElement, scope: string, lookup: (text: string) => string | undefined): () => void {
  if (currentLang() !== 'id') return () => {};
  const inScope = (element: Element | null) => !!element?.closest(scope);
  const text = (node: Text) => {
    const raw = node.data;
    const trimmed = raw.trim();
    if (!trimmed || !inScope(node.parentElement)) return;
    const id = lookup(trimmed);
    if (id !== undefined && id !== trimmed) node.data = raw.replace(trimmed, id);
  };
  const attributes = (element: Element) => {
    if (!inScope(element)) return;
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name)?.trim();
      const id = value ? lookup(value) : undefined;
      if (id !== undefined && id !== value) element.setAttribute(name, id);
    }
  };
  const tree = (node: Node) => {
    if (node instanceof Text) return text(node);
    if (!(node instanceof Element)) return;
    attributes(node);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let next = walker.nextNode(); next; next = walker.nextNode()) {
      if (next instanceof Text) text(next);
      else attributes(next as Element);
    }
  };
  tree(root);
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') tree(mutation.target);
      else if (mutation.type === 'attributes') attributes(mutation.target as Element);
      else mutation.addedNodes.forEach(tree);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
  return () => observer.disconnect();
}
