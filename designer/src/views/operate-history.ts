/**
 * The case's history in the console: what people did and what changed the case, with who and
 * when, newest last; a checkbox shows every engine entry too (flows, gateways). Entries of an
 * operator — data changed (names, old and new values, reason), moved by hand, moved to another version — carry
 * their details. Rendering only.
 */
import { h, replaceChildren } from '../dom.js';
import { formatDateTime, ot } from '../i18n/operate-strings.js';
import { currentLang } from '../i18n/lang.js';
import { historyText } from '../../../ui-shared/history-strings.js';
import { labelledValues, type CaseField } from '../../../ui-shared/case-values.js';
import type { HistoryItem } from '../operate-api.js';

/** Entries where the user is the one who acted; on others the server names whose request set things moving. */
const ACTED = /^(instance\.(started|cancelled|modified|migrated)|task\.|incident\.resolved|variables\.|message\.)/;
const FOR_PEOPLE = /^(instance\.|task\.|incident\.|timer\.fired|message\.correlated|job\.failed|variables\.changed)/;

/** Steps whose start is worth a line for an operator: work done by people or handlers, not events or the process. */
const WORK = /^bpmn:(UserTask|ServiceTask|SendTask|ScriptTask|BusinessRuleTask|ManualTask|Task|CallActivity|SubProcess)$/;

export function renderOperateHistory(container: HTMLElement, items: HistoryItem[], nameOf: (elementId: string) => string, typeOf: (elementId: string) => string | undefined,
  fieldsByStep: Map<string, CaseField[]> = new Map()): void {
  const list = h('ol', { className: 'op-timeline' });
  const all = h('input', { type: 'checkbox', name: 'history-all' });
  const draw = () => {
    const shown = items.filter((item) => all.checked || FOR_PEOPLE.test(item.type) || (item.type === 'element.activated' && WORK.test(typeOf(item.elementId ?? '') ?? '')));
    replaceChildren(list, ...(shown.length ? shown.map((item) => entry(item, nameOf, fieldsByStep)) : [h('li', { className: 'muted' }, ot('historyEmpty'))]));
  };
  all.addEventListener('change', draw);
  replaceChildren(container, h('div', { className: 'op-history-head' }, h('h2', {}, ot('history')), h('label', { className: 'check' }, all, ' ', ot('showAll'))), list);
  draw();
}

function entry(item: HistoryItem, nameOf: (elementId: string) => string, fieldsByStep: Map<string, CaseField[]>): HTMLElement {
  const data = item.data ?? {};
  const element = item.elementId ? nameOf(item.elementId) : '';
  const values = {
    element, assignee: typeof data.assignee === 'string' ? (item.assigneeName ?? data.assignee) : null,
    names: (data.names ?? []).join(', '), from: data.fromVersion ?? '?', to: data.toVersion ?? '?',
  };
  // The same table as the inbox's timeline (ui-shared/history-strings.ts): one text per entry type.
  const label = historyText(currentLang(), item.type, values) ?? `${item.type}${element ? ` · ${element}` : ''}`;
  const details: string[] = [];
  if (item.type === 'variables.changed') {
    // Old and new values (issue 16); an entry written before they were recorded has names only.
    for (const c of Array.isArray(data.changes) ? data.changes as { name: string; old?: unknown; new: unknown }[] : []) {
      details.push('old' in c ? ot('hChanged', { name: c.name, old: shown(c.old), new: shown(c.new) }) : ot('hAdded', { name: c.name, new: shown(c.new) }));
    }
    if (data.reason) details.push(ot('hReason', { reason: String(data.reason) }));
  }
  if (item.type === 'instance.modified') {
    if (data.terminated?.length) details.push(ot('hStopped', { list: data.terminated.map(nameOf).join(', ') }));
    if (data.activated?.length) details.push(ot('hStarted', { list: data.activated.map(nameOf).join(', ') }));
  }
  if ((item.type === 'incident.raised' || item.type === 'job.failed') && typeof data.message === 'string') details.push(data.message);
  // What a task was completed with, under its form's labels: the same lines as the inbox's timeline.
  const completed = item.type === 'task.completed' && item.data
    ? labelledValues(currentLang(), (data.variables && typeof data.variables === 'object' ? data.variables : data) as Record<string, unknown>, fieldsByStep.get(item.elementId ?? '') ?? [])
    : [];
  return h('li', { className: `op-entry type-${item.type.replace(/\./g, '-')}` },
    h('time', { datetime: item.at }, formatDateTime(item.at)),
    h('span', { className: 'what' }, label),
    item.user && ACTED.test(item.type) ? h('span', { className: 'who' }, ` ${ot('by', { user: item.userName ?? item.user })}`) : null,
    ...details.map((d) => h('div', { className: 'op-detail' }, d)),
    completed.length ? h('dl', { className: 'op-decision' }, ...completed.flatMap((v) => [h('dt', {}, v.label), h('dd', {}, v.text)])) : null);
}

/** A value as an operator reads it in one line: text as is, anything else as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '–';
}
