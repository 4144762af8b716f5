/**
 * The buttons that change who holds a task: claim, unclaim, and assign to a colleague of the same
 * group (Plt/Plh cover). Shows only what the API would allow the caller; the API still decides,
 * and a refusal is reported through `onError`.
 */
import { h } from './dom.js';
import { t } from './i18n/index.js';
import type { User } from './session.js';
import { assignTask, claimTask, colleagues, unclaimTask } from './task-api.js';
import type { TaskDetail } from './types.js';

export interface ActionHandlers {
  onDone(message: string): void;
  onError(error: unknown): void;
}

export function taskActions(task: TaskDetail, user: User, handlers: ActionHandlers): HTMLElement | null {
  if (task.state !== 'open') return null;
  const mine = task.assignee === user.username;
  const isAdmin = user.roles.includes('admin');
  const run = (action: () => Promise<unknown>, message: () => string) => async (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    try {
      await action();
      handlers.onDone(message());
    } catch (error) {
      button.disabled = false;
      handlers.onError(error);
    }
  };

  const bar = h('div', { class: 'actions', role: 'group', 'aria-label': t('task.actions') });
  if (!task.assignee) {
    bar.append(h('button', { type: 'button', class: 'button primary', 'data-action': 'claim', onclick: run(() => claimTask(task.id), () => t('task.claimed')) }, t('task.claim')));
  }
  if (mine || (isAdmin && task.assignee)) {
    bar.append(h('button', { type: 'button', class: 'button secondary', 'data-action': 'unclaim', onclick: run(() => unclaimTask(task.id), () => t('task.unclaimed')) }, t('task.unclaim')));
  }
  if (mine || isAdmin) bar.append(assignForm(task, user, run));
  return bar.childElementCount ? bar : null;
}

type Runner = (action: () => Promise<unknown>, message: () => string) => (event: Event) => Promise<void>;

function assignForm(task: TaskDetail, user: User, run: Runner): HTMLElement {
  const sharedGroups = task.candidateGroups.filter((group) => user.groups.includes(group) || user.roles.includes('admin'));
  const listId = `colleagues-${task.id}`;
  const input = h('input', { id: 'assign-to', name: 'assignee', required: true, autocomplete: 'off', list: listId });
  const options = h('datalist', { id: listId });
  const submit = h('button', { type: 'submit', class: 'button secondary' }, t('task.assignSubmit'));
  const form = h('form', { class: 'assign' },
    h('label', { for: 'assign-to' }, t('task.assignTo')),
    h('span', { class: 'assign-row' }, input, submit),
    sharedGroups.length ? h('small', { class: 'hint' }, t('task.assignHint', { groups: sharedGroups.join(', ') })) : null,
    options);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const assignee = input.value.trim();
    if (!assignee) return;
    void run(() => assignTask(task.id, assignee), () => t('task.assigned', { user: assignee }))({ currentTarget: submit } as unknown as Event);
  });
  const details = h('details', { class: 'assign-box' }, h('summary', {}, t('task.assign')), form);
  details.addEventListener('toggle', () => {
    if (!details.open || options.childElementCount) return;
    void colleagues(sharedGroups).then((names) => {
      for (const name of names) if (name !== user.username) options.append(h('option', { value: name }));
    });
  }, { once: false });
  return details;
}
