/**
 * The issues list under the canvas: live bpmnlint results (recommended rules and Alur's engine
 * rules) and the last refused deployment's errors, each clickable to select its element.
 * Owns only the list; the lint overlays on the canvas come from bpmn-js-bpmnlint.
 */
import { h, replaceChildren } from '../dom.js';
import { currentLang, t } from '../i18n/lang.js';
import { describe } from '../../../engine/bpmn/rules/util.js';
import { render as renderText } from '../../../engine/messages/text.js';
import { translate } from '../i18n/translate-module.js';
import type { Modeler } from '../modeler/create-modeler.js';
import { noteText, withoutElementPrefix } from '../modeler/server-errors.js';

/** `key`: the finding's catalog key, from the engine's rules (live lint) and the deployment's errors alike. */
export interface Issue { element?: string; message: string; detail?: string; category: 'error' | 'warn' | 'info'; source: 'lint' | 'server'; rule?: string; key?: string }

export interface IssuesPanel {
  element: HTMLElement;
  setLint(issues: Issue[]): void;
  setServer(issues: Issue[]): void;
  errorCount(): number;
}

/** bpmn-js-bpmnlint's `linting.completed` payload as a flat list. */
export function lintIssues(byElement: Record<string, any[]>): Issue[] {
  return Object.entries(byElement).flatMap(([element, list]) =>
    list.map((issue) => ({ element: issue.id ?? element, message: issue.message, category: issue.category, source: 'lint' as const, rule: issue.rule, key: issue.key })));
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

  /**
   * The element's name; a nameless flow by the elements it joins, as the server's messages and the
   * canvas notes name it (“Periksa berkas” → “Lengkap?”, engine/bpmn/rules/util.ts), not F2; any
   * other unnamed one by its kind ("Event mulai tanpa nama"), since its id (StartEvent_1) says
   * nothing to the reader (the row's tooltip keeps it).
   */
  function nameOf(id?: string): string {
    const target = id && (modeler()?.get('elementRegistry') as any)?.get(id);
    const element = target?.businessObject;
    const name = typeof element?.name === 'string' ? element.name.replace(/\s+/g, ' ').trim() : '';
    if (name || !target?.type) return name || id || '';
    if (element.sourceRef && element.targetRef) return capitalised(renderText(describe(element), currentLang()));
    // bpmn:UserTask → "User task", as bpmn-js's own labels (its translations add "(user task)"; the kind alone reads here).
    const type = String(target.type).replace(/^bpmn:/, '').replace(/(?<=[a-z])([A-Z])/g, ' $1');
    const kind = translate(type.charAt(0) + type.slice(1).toLowerCase()).replace(/\s*\([^)]*\)$/, '');
    return t('unnamedElement', { kind });
  }

  /** The same finding wherever it was made: its catalog key on its element; without a key (bpmnlint's own rules), what it says there. */
  const identity = (issue: Issue) => (issue.key ? `key\u0000${issue.key}\u0000${issue.element ?? ''}` : `text\u0000${issue.element ?? ''}\u0000${withoutElementPrefix(translate(issue.message))}`);

  function render(): void {
    // Each problem once: a finding the server also made is listed as the server's (in the
    // reader's language, naming the element). The engine's rules run here (alur/engine-rules) and
    // at deployment, and both report the finding's catalog key, so they match by (key, element)
    // whatever the words; a different finding on the same element stays listed.
    const found = new Set(server.map(identity));
    const duplicate = (issue: Issue) => found.has(identity(issue));
    // The live lint words a finding without naming its element (the list shows it beside); the
    // server's twin reads the same then, rather than "Event mulai StartEvent_1: event mulai …".
    const twins = new Map(lint.filter((issue) => issue.key).map((issue) => [identity(issue), issue.message]));
    const says = (issue: Issue) => capitalised((issue.source === 'server' && twins.get(identity(issue))) || noteText(issue));
    const all = [...server, ...lint.filter((issue) => !duplicate(issue))].sort((a, b) => rank(a) - rank(b));
    count.textContent = all.length ? String(all.length) : '';
    count.className = `count ${all.some((issue) => issue.category === 'error') ? 'count-error' : all.length ? 'count-warn' : ''}`;
    if (all.length === 0) {
      replaceChildren(list, h('li', { className: 'muted' }, t('noIssues')));
      return;
    }
    replaceChildren(list, ...all.map((issue) =>
      h('li', {
        className: `issue issue-${issue.category}`, 'data-element': issue.element ?? '', 'data-rule': issue.rule ?? issue.source, 'data-key': issue.key ?? '',
        role: 'button', tabindex: 0, onclick: () => select(issue.element),
        onkeydown: (event: Event) => { if ((event as KeyboardEvent).key === 'Enter') select(issue.element); },
      },
        h('span', { className: 'issue-icon', 'aria-hidden': 'true' }, issue.category === 'error' ? '●' : '▲'),
        issue.source === 'server' ? h('span', { className: 'badge badge-error' }, t('serverIssue')) : null,
        h('span', { className: 'issue-element', title: issue.element ?? '' }, nameOf(issue.element)),
        h('span', { className: 'issue-message' }, says(issue)))));
  }

  render();
  return {
    element,
    setLint(issues) { lint = issues; render(); },
    setServer(issues) { server = issues; render(); },
    errorCount: () => [...lint, ...server].filter((issue) => issue.category === 'error').length,
  };
}

const capitalised = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

function rank(issue: Issue): number {
  return (issue.source === 'server' ? 0 : 2) + (issue.category === 'error' ? 0 : 1);
}
