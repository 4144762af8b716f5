/**
 * The issues list under the canvas: live bpmnlint results (recommended rules and Alur's engine
 * rules) and the last refused deployment's errors, each clickable to select its element.
 * Owns only the list; the lint overlays on the canvas come from bpmn-js-bpmnlint.
 */
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n/lang.js';
import { translate } from '../i18n/translate-module.js';
import type { Modeler } from '../modeler/create-modeler.js';
import { withoutElementPrefix } from '../modeler/server-errors.js';

export interface Issue { element?: string; message: string; category: 'error' | 'warn' | 'info'; source: 'lint' | 'server'; rule?: string }

export interface IssuesPanel {
  element: HTMLElement;
  setLint(issues: Issue[]): void;
  setServer(issues: Issue[]): void;
  errorCount(): number;
}

/** bpmn-js-bpmnlint's `linting.completed` payload as a flat list. */
export function lintIssues(byElement: Record<string, any[]>): Issue[] {
  return Object.entries(byElement).flatMap(([element, list]) =>
    list.map((issue) => ({ element: issue.id ?? element, message: issue.message, category: issue.category, source: 'lint' as const, rule: issue.rule })));
}

export function createIssuesPanel(modeler: () => Modeler | null): IssuesPanel {
  let lint: Issue[] = [];
  let server: Issue[] = [];
  const count = h('span', { className: 'count' });
  const list = h('ul', { className: 'issue-list' });
  const element = h('section', { className: 'issues', 'data-testid': 'issues' }, h('div', { className: 'issues-head' }, h('h3', {}, t('issues')), count), list);

  function select(id?: string): void {
    const current = modeler();
    if (!current || !id) return;
    const target = (current.get('elementRegistry') as any).get(id);
    if (!target) return;
    (current.get('selection') as any).select(target);
    (current.get('canvas') as any).scrollToElement?.(target);
  }

  function nameOf(id?: string): string {
    const target = id && (modeler()?.get('elementRegistry') as any)?.get(id);
    return target?.businessObject?.name || id || '';
  }

  /** What an issue says, as shown: the same finding from the live lint and the server reads alike. */
  const shown = (issue: Issue) => `${issue.element ?? ''}\u0000${withoutElementPrefix(translate(issue.message))}`;

  function render(): void {
    // Each problem once: a finding the server also refused on is listed as the server's. The
    // server writes its findings in the reader's language and names elements by name, so the
    // engine's own rules (run here by alur/engine-rules on the same document) are matched by
    // element: where the server refused an element, its list already holds those findings.
    const refused = new Set(server.map(shown));
    const refusedElements = new Set(server.filter((issue) => issue.category === 'error').map((issue) => issue.element ?? ''));
    const duplicate = (issue: Issue) => refused.has(shown(issue)) || (issue.rule === ENGINE_RULES && refusedElements.has(issue.element ?? ''));
    const all = [...server, ...lint.filter((issue) => !duplicate(issue))].sort((a, b) => rank(a) - rank(b));
    count.textContent = all.length ? String(all.length) : '';
    count.className = `count ${all.some((issue) => issue.category === 'error') ? 'count-error' : all.length ? 'count-warn' : ''}`;
    if (all.length === 0) {
      replaceChildren(list, h('li', { className: 'muted' }, t('noIssues')));
      return;
    }
    replaceChildren(list, ...all.map((issue) =>
      h('li', {
        className: `issue issue-${issue.category}`, 'data-element': issue.element ?? '', 'data-rule': issue.rule ?? issue.source,
        role: 'button', tabindex: 0, onclick: () => select(issue.element),
        onkeydown: (event: Event) => { if ((event as KeyboardEvent).key === 'Enter') select(issue.element); },
      },
        h('span', { className: 'issue-icon', 'aria-hidden': 'true' }, issue.category === 'error' ? '●' : '▲'),
        issue.source === 'server' ? h('span', { className: 'badge badge-error' }, t('serverIssue')) : null,
        h('span', { className: 'issue-element' }, nameOf(issue.element)),
        h('span', { className: 'issue-message' }, withoutElementPrefix(translate(issue.message))))));
  }

  render();
  return {
    element,
    setLint(issues) { lint = issues; render(); },
    setServer(issues) { server = issues; render(); },
    errorCount: () => [...lint, ...server].filter((issue) => issue.category === 'error').length,
  };
}

/** The bpmnlint rule that reports the engine's deploy-time errors (designer/lint/bpmnlint-plugin-alur). */
const ENGINE_RULES = 'alur/engine-rules';

function rank(issue: Issue): number {
  return (issue.source === 'server' ? 0 : 2) + (issue.category === 'error' ? 0 : 1);
}
