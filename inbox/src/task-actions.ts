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

/**
 * Hand-over to a colleague chosen by name from the task's groups (who holds the post, with their
 * jabatan); a server that cannot list them gets a typed username instead.
 */
function assignForm(task: TaskDetail, user: User, run: Runner): HTMLElement {
  const sharedGroups = task.candidateGroups.filter((group) => user.groups.includes(group) || user.roles.includes('admin'));
  const slot = h('span', { class: 'assign-row' });
  let field: HTMLInputElement | HTMLSelectElement = h('input', { id: 'assign-to', name: 'assignee', required: true, autocomplete: 'off' }) as HTMLInputElement;
  const chosen = new Map<string, string>();
  const submit = h('button', { type: 'submit', class: 'button secondary' }, t('task.assignSubmit'));
  const form = h('form', { class: 'assign' },
    h('label', { for: 'assign-to' }, t('task.assignTo')),
    slot,
    sharedGroups.length ? h('small', { class: 'hint' }, t('task.assignHint', { groups: sharedGroups.join(', ') })) : null);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const assignee = field.value.trim();
    if (!assignee) return;
    const name = chosen.get(assignee) ?? assignee;
    void run(() => assignTask(task.id, assignee), () => t('task.assigned', { user: name }))({ currentTarget: submit } as unknown as Event);
  });
  const details = h('details', { class: 'assign-box' }, h('summary', {}, t('task.assign')), form);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    void colleagues(task.id).then((found) => {
      if (found) {
        const others = found.filter((c) => c.username !== user.username && c.username !== task.assignee);
        for (const c of others) chosen.set(c.username, c.displayName);
        field = h('select', { id: 'assign-to', name: 'assignee', required: true },
          h('option', { value: '' }, others.length ? t('task.assignChoose') : t('task.assignNobody')),
          ...others.map((c) => h('option', { value: c.username }, c.jabatan ? `${c.displayName} — ${c.jabatan}` : c.displayName))) as HTMLSelectElement;
      }
      slot.replaceChildren(field, submit);
    });
  });
  return details;
}
