/**
 * Starting one case: the service's start form in the form-js viewer (the same component, messages
 * and server-error placement as a task's form, task-form.ts), sent to `POST /api/process-instances`.
 * A refusal puts the server's errors on their fields; a start shows the registration number large
 * enough to read out to the applicant, and a link to the first task when it is the user's own.
 * Owns this view's DOM and its form-js instance.
 */
import { ApiError } from './api.js';
import { fill, focusFirst, h } from './dom.js';
import { errorMessage } from './errors.js';
import { formatDateTime, t } from './i18n/index.js';
import { startListHref, taskHref } from './router.js';
import type { User } from './session.js';
import { getStartForm, listStartable, startCase, type StartableProcess, type StartedCase } from './start-api.js';
import { mountTaskForm, refuseInvalid, showFieldRefusal, type SubmitResult, type TaskForm } from './task-form.js';
import type { Task } from './types.js';

export function mountStartView(root: HTMLElement, processKey: string, user: User): () => void {
  let stopped = false;
  let form: TaskForm | null = null;
  const back = h('a', { class: 'back', href: startListHref() }, `← ${t('start.back')}`);
  fill(root, back, h('p', { class: 'muted' }, t('list.loading')));

  async function load(): Promise<void> {
    let process: StartableProcess | undefined;
    let schema: Record<string, unknown> | null = null;
    try {
      process = (await listStartable()).items.find((p) => p.processKey === processKey);
      if (process?.startFormId) schema = (await getStartForm(process.definitionId)).schema;
    } catch (error) {
      if (!stopped) fill(root, back, h('h1', {}, t('start.heading')), h('p', { class: 'notice-error', role: 'alert' }, errorMessage(error)));
      return;
    }
    if (stopped) return;
    if (!process) {
      fill(root, back, h('h1', {}, t('start.heading')), h('p', { class: 'notice-error', role: 'alert' }, t('error.forbidden')));
      return;
    }
    await showForm(process, schema);
  }

  async function showForm(process: StartableProcess, schema: Record<string, unknown> | null): Promise<void> {
    const errors = h('div', { class: 'form-errors', role: 'alert' });
    const submit = h('button', { type: 'button', class: 'button primary', 'data-action': 'start', onclick: () => (form ? form.submit() : void send({ data: {}, valid: true })) }, t('start.submit'));
    const host = h('div', { class: 'form-host' });
    const title = process.name ?? process.processKey;
    fill(root, back,
      h('header', { class: 'task-head' }, h('h1', {}, title),
        process.registrationNumber ? h('p', { class: 'task-case' }, h('span', { class: 'tag tag-number' }, t('start.numbered'))) : null),
      h('section', { class: 'card work start-form', 'aria-labelledby': 'form-heading' },
        h('h2', { id: 'form-heading' }, t('start.formHeading')),
        schema ? host : h('p', { class: 'muted' }, t('start.noForm')),
        errors, h('div', { class: 'submit-row' }, submit)));
    document.title = `${title} · ${t('start.heading')} · Alur`;
    focusFirst(root, 'h1');

    async function send(result: SubmitResult): Promise<void> {
      if (refuseInvalid(result, form, errors)) return;
      submit.disabled = true;
      submit.textContent = t('start.submitting');
      try {
        const started = await startCase(process.processKey, process.version, result.data);
        showStarted(process, started);
      } catch (error) {
        submit.disabled = false;
        submit.textContent = t('start.submit');
        if (!showFieldRefusal(error, form, errors)) fill(errors, h('p', {}, error instanceof ApiError && error.status === 403 ? error.message : errorMessage(error)));
      }
    }

    if (schema) {
      form = await mountTaskForm(host, schema, {}, false, (result) => void send(result));
      if (stopped) form.destroy();
    }
  }

  function showStarted(process: StartableProcess, started: StartedCase): void {
    form?.destroy();
    form = null;
    const mine = started.tasks.find((task) => isMine(task, user));
    const copied = h('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
    const number = started.businessKey;
    fill(root, back,
      h('section', { class: 'card started', 'aria-labelledby': 'started-heading', 'data-testid': 'started' },
        h('p', { class: 'started-check', 'aria-hidden': 'true' }, '✓'),
        h('h1', { id: 'started-heading' }, t('start.done')),
        h('p', { class: 'started-process' }, process.name ?? process.processKey),
        number ? h('div', { class: 'started-number' },
          h('span', { class: 'started-label' }, t('start.number')),
          h('strong', { class: 'registration-number', 'data-testid': 'registration-number' }, number),
          h('span', { class: 'started-tools' },
            h('button', { type: 'button', class: 'button secondary', onclick: () => void copy(number, copied) }, t('start.copy')), copied)) : h('p', { class: 'muted' }, t('start.noNumber')),
        number ? h('p', { class: 'hint' }, t('start.numberHint')) : null,
        h('p', { class: 'muted' }, t('start.startedAt', { time: formatDateTime(started.startedAt) })),
        h('div', { class: 'started-actions' },
          mine ? h('a', { class: 'button primary', href: taskHref(mine.id), 'data-action': 'first-task' }, t('start.firstTask', { name: mine.name ?? mine.elementId })) : null,
          h('button', { type: 'button', class: `button ${mine ? 'secondary' : 'primary'}`, 'data-action': 'start-another', onclick: () => void load() }, t('start.another'))),
        !mine && started.state === 'active' ? h('p', { class: 'hint' }, t('start.nextTaskOther')) : null));
    document.title = `${number ?? t('start.done')} · Alur`;
    focusFirst(root, 'h1');
  }

  void load();
  return () => { stopped = true; form?.destroy(); };
}

/** The user's own task: assigned to them, or offered to them by name or group (not merely visible to an analyst). */
function isMine(task: Task, user: User): boolean {
  if (task.assignee) return task.assignee === user.username;
  return task.candidateUsers.includes(user.username) || task.candidateGroups.some((g) => user.groups.includes(g));
}

async function copy(text: string, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = t('start.copied');
  } catch {
    // No clipboard (an insecure origin): the number stays selectable on the page.
  }
}
