/**
 * One row of the task list: a link to the task with its name, case, deadline and priority (or,
 * for a closed task, when it closed). Urgency is carried by words as well as colour, so it reads
 * without colour vision and to screen readers. Rendering only.
 */
import { h } from './dom.js';
import { urgency, priorityBand, workingDaysMessage } from './due.js';
import { formatDateTime, t } from './i18n/index.js';
import { taskHref } from './router.js';
import type { Task } from './types.js';

export function taskCard(task: Task, me: string, now: Date, isNew: boolean): HTMLLIElement {
  const level = task.state === 'open' ? urgency(task.dueDate, now) : 'none';
  return h('li', { class: `task-row urgency-${level}${isNew ? ' is-new' : ''}`, 'data-task-id': task.id },
    h('a', { class: 'task-link', href: taskHref(task.id) },
      h('span', { class: 'task-main' },
        h('span', { class: 'task-name' }, task.name ?? task.elementId),
        h('span', { class: 'task-case' },
          task.businessKey ? h('span', { class: 'business-key' }, task.businessKey) : null,
          h('span', { class: 'process' }, task.processName ?? task.processKey))),
      task.state === 'open' ? openMeta(task, me, level) : closedMeta(task)));
}

function openMeta(task: Task, me: string, level: ReturnType<typeof urgency>): HTMLElement {
  const band = priorityBand(task.priority);
  const due = task.dueDate
    ? h('span', { class: `due due-${level}` },
      level === 'overdue' ? h('strong', {}, `${t('due.overdue')} · `) : level === 'soon' ? h('strong', {}, `${t('due.soon')} · `) : null,
      t('due.at', { date: formatDateTime(task.dueDate) }))
    : h('span', { class: 'due due-none' }, t('due.none'));
  const owner = task.assignee
    ? `${t('task.assignee')}: ${task.assignee === me ? t('task.you') : task.assigneeName ?? task.assignee}`
    : `${t('task.unassigned')} · ${task.candidateGroups.join(', ')}`;
  return h('span', { class: 'task-meta' },
    due,
    workingLeft(task, level),
    band !== 'normal' ? h('span', { class: `priority priority-${band}` }, t(`priority.${band}`)) : null,
    h('span', { class: 'owner' }, owner),
    h('span', { class: 'created' }, `${t('task.created')} ${formatDateTime(task.createdAt)}`));
}

function closedMeta(task: Task): HTMLElement {
  const when = task.completedAt ? ` · ${formatDateTime(task.completedAt)}` : '';
  return h('span', { class: 'task-meta' }, h('span', { class: `closed closed-${task.state}` }, `${t(`state.${task.state}`)}${when}`));
}

/** "sisa 2 hari kerja" beside the due date (its own item, so a phone wraps the line there), counted by the regency's calendar on the server. */
function workingLeft(task: Task, level: ReturnType<typeof urgency>): HTMLElement | null {
  const message = task.state === 'open' ? workingDaysMessage(task.workingDaysLeft) : undefined;
  return message ? h('span', { class: `due-working due-working-${level}` }, t(message.key, { n: message.n })) : null;
}
