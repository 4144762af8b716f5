/**
 * The case's history as a timeline: who did what, when, and with which decision (the data a task
 * was completed with). By default it shows what a person did or what changed the case; a checkbox
 * reveals every engine entry (flows, gateways). Rendering only.
 */
import { fill, h } from './dom.js';
import { formatDateTime, lang, t } from './i18n/index.js';
import { historyText } from '../../ui-shared/history-strings.js';
import { labelledValues } from '../../ui-shared/case-values.js';
import type { ElementNames } from './case-diagram.js';
import type { HistoryItem } from './types.js';
import type { CaseField } from './start-api.js';

/**
 * The labels of the form fields each step completed with, by element id (from the case's data,
 * `GET /process-instances/{id}/data`): the history shows "Keputusan kepala dinas: Setujui", not
 * `keputusan: setuju`. A key without a form field keeps its name.
 */
export type FieldLabels = Map<string, CaseField[]>;

/** Entry types worth a line for staff; the rest are shown with "technical details". */
const PEOPLE_TYPES = /^(instance\.|task\.|incident\.|timer\.fired|message\.correlated|job\.failed|document\.signed|variables\.changed)/;
const SHOWN_ELEMENT_TYPES = new Set(['bpmn:UserTask', 'bpmn:EndEvent', 'bpmn:CallActivity']);
/**
 * Entries where the user is the one who acted. On the others (a step starting, the case ending)
 * the server records whose request set things moving, which would read as if they did it.
 */
const ACTED = /^(instance\.(started|cancelled|modified|migrated)|task\.|incident\.resolved|variables\.(updated|changed)|message\.|document\.signed)/;

export function renderHistory(container: HTMLElement, items: HistoryItem[], names: ElementNames, labels: FieldLabels = new Map()): void {
  const list = h('ol', { class: 'timeline' });
  const toggle = h('input', { type: 'checkbox', id: 'history-all', onchange: () => draw() });
  const draw = (): void => {
    const shown = items.filter((item) => toggle.checked || isForPeople(item, names));
    fill(list, ...shown.map((item) => entry(item, names, labels)));
    if (!shown.length) list.append(h('li', { class: 'timeline-empty' }, t('history.empty')));
  };
  fill(container,
    h('div', { class: 'history-head' },
      h('h3', {}, t('history.heading')),
      h('label', { class: 'check', for: 'history-all' }, toggle, ' ', t('history.showAll'))),
    list);
  draw();
}

function isForPeople(item: HistoryItem, names: ElementNames): boolean {
  if (PEOPLE_TYPES.test(item.type)) return true;
  const elementType = item.elementId ? names.get(item.elementId)?.type : undefined;
  if (item.type === 'element.activated') return elementType === 'bpmn:UserTask' || elementType === 'bpmn:CallActivity';
  if (item.type === 'element.completed') return elementType === 'bpmn:EndEvent';
  return SHOWN_ELEMENT_TYPES.has(elementType ?? '') && item.type === 'element.terminated';
}

function entry(item: HistoryItem, names: ElementNames, labels: FieldLabels): HTMLLIElement {
  const element = item.elementId ? (names.get(item.elementId)?.name ?? item.elementId) : '';
  const data = item.data ?? {};
  const assignee = typeof data.assignee === 'string' ? (item.assigneeName ?? data.assignee) : null;
  const changed = Array.isArray(data.names) ? data.names.join(', ') : undefined;
  const from = data.fromVersion as number | undefined;
  const to = data.toVersion as number | undefined;
  const label = historyText(lang(), item.type, { element, assignee, names: changed, from, to }) ?? `${item.type}${element ? ` · ${element}` : ''}`;
  const decision = item.type === 'task.completed' && item.data ? dataList(item.data, labels.get(item.elementId ?? '') ?? []) : null;
  return h('li', { class: `timeline-item type-${item.type.replace(/\./g, '-')}` },
    h('time', { datetime: item.at }, formatDateTime(item.at)),
    h('p', { class: 'what' }, h('span', {}, label), item.user && ACTED.test(item.type) ? h('span', { class: 'who' }, ` ${t('history.by', { user: item.userName ?? item.user })}`) : null),
    decision);
}

/** The values a task was completed with, under its form's labels and option labels (ui-shared, as Pantau shows them). */
function dataList(data: Record<string, unknown>, fields: CaseField[]): HTMLElement | null {
  const values = labelledValues(lang(), (data.variables && typeof data.variables === 'object' ? data.variables : data) as Record<string, unknown>, fields);
  if (!values.length) return null;
  return h('dl', { class: 'decision' }, ...values.flatMap((v) => [h('dt', {}, v.label), h('dd', {}, v.text)]));
}
