/**
 * The one-line status area under the toolbar: what just happened (deployed, refused, imported).
 * Owns only its own element; messages are text, never markup.
 */
import { h } from '../dom.js';

export type StatusKind = 'info' | 'success' | 'error' | 'busy';

export interface StatusLine {
  element: HTMLElement;
  show(kind: StatusKind, text: string): void;
  clear(): void;
}

export function createStatusLine(): StatusLine {
  const element = h('div', { className: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' });
  return {
    element,
    show(kind, text) {
      element.className = `status status-${kind}`;
      element.textContent = text;
    },
    clear() {
      element.className = 'status';
      element.textContent = '';
    },
  };
}
