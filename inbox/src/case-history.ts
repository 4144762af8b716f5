/**
 * The case's history as a timeline: who did what, when, and with which decision (the data a task
 * was completed with). By default it shows what a person did or what changed the case; a checkbox
 * reveals every engine entry (flows, gateways). Rendering only.
 */
import { fill, h } from './dom.js';
import { formatDateTime, has, t, type MessageKey } from './i18n/index.js';
import type { ElementNames } from './case-diagram.js';
import type { HistoryItem } from './types.js';

/** Entry types worth a line for staff; the rest are shown with "technical details". */
const PEOPLE_TYPES = /^(instance\.|task\.|incident\.|timer\.fired|message\.correlated|job\.failed)/;
const SHOWN_ELEMENT_TYPES = new Set(['bpmn:UserTask', 'bpmn:EndEvent', 'bpmn:CallActivity']);
/**
 * Entries where the user is the one who acted. On the others (a step starting, the case ending)
 * the server records whose request set things moving, which would read as if they did it.
 */
const ACTED = /^(instance\.started|instance\.cancelled|task\.|incident\.resolved|variables\.updated|message\.)/;

export function renderHistory(container: HTMLElement, items: HistoryItem[], names: ElementNames): void {
  const list = h('ol', { class: 'timeline' });
  const toggle = h('input', { type: 'checkbox', id: 'history-all', onchange: () => draw() });
  const draw = (): void => {
    const shown = items.filter((item) => toggle.checked || isForPeople(item, names));
    fill(list, ...shown.map((item) => entry(item, names)));
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

function entry(item: HistoryItem, names: ElementNames): HTMLLIElement {
  const element = item.elementId ? (names.get(item.elementId)?.name ?? item.elementId) : '';
  const key = `history.${item.type}`;
  const label = has(key) ? t(key as MessageKey, { element }) : `${item.type}${element ? ` · ${element}` : ''}`;
  const decision = item.type === 'task.completed' && item.data ? dataList(item.data) : null;
  return h('li', { class: `timeline-item type-${item.type.replace(/\./g, '-')}` },
    h('time', { datetime: item.at }, formatDateTime(item.at)),
    h('p', { class: 'what' }, h('span', {}, label), item.user && ACTED.test(item.type) ? h('span', { class: 'who' }, ` ${t('history.by', { user: item.userName ?? item.user })}`) : null),
    decision);
}

/** The values a task was completed with, e.g. `keputusan: tolak`, `catatan: …`. */
function dataList(data: Record<string, unknown>): HTMLElement | null {
  const entries = Object.entries(data.variables && typeof data.variables === 'object' ? data.variables as Record<string, unknown> : data);
  if (!entries.length) return null;
  return h('dl', { class: 'decision' }, ...entries.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, show(value))]));
}

function show(value: unknown): string {
  if (value === true) return t('yes');
  if (value === false) return t('no');
  if (value === null || value === undefined) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
