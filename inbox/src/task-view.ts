/**
 * One task: what it is, who holds it, the actions on it, the case's data (Data permohonan), its
 * form, and where its case stands.
 * Owns this view's DOM and the form-js / bpmn-js instances in it (destroyed on leave). Completing
 * sends the form's data to the API; the API's 400 errors go back onto the fields.
 */
import { ApiError } from './api.js';
import { fill, focusFirst, h } from './dom.js';
import { errorMessage } from './errors.js';
import { formatDateTime, t } from './i18n/index.js';
import { mountCase } from './case-view.js';
import { mountCaseData } from './case-data.js';
import { mountCaseDocuments } from './case-documents.js';
import type { User } from './session.js';
import { taskActions } from './task-actions.js';
import { completeTask, getTask } from './task-api.js';
import { processNames } from './process-names.js';
import { mountTaskForm, refuseInvalid, showFieldRefusal, type SubmitResult, type TaskForm } from './task-form.js';
import { priorityBand, urgency } from './due.js';
import type { TaskDetail } from './types.js';

export interface TaskViewContext {
  user: User;
  /** Shows a message that survives navigation (e.g. "task completed" on the list). */
  flash(message: string): void;
  backHref(): string;
}

export function mountTaskView(root: HTMLElement, id: string, ctx: TaskViewContext): () => void {
  const cleanups: (() => void)[] = [];
  let stopped = false;
  const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const back = h('a', { class: 'back', href: ctx.backHref() }, `← ${t('task.back')}`);
  fill(root, back, h('p', { class: 'muted' }, t('list.loading')));

  const show = (message: string, kind: 'info' | 'error'): void => {
    fill(notice, message ? h('p', { class: `notice-${kind}` }, message) : null);
  };

  async function load(message = '', kind: 'info' | 'error' = 'info'): Promise<void> {
    for (const cleanup of cleanups.splice(0)) cleanup();
    let task: TaskDetail;
    try {
      const [found, names] = await Promise.all([getTask(id), processNames()]);
      task = { ...found, processName: found.processName ?? names.get(found.processKey) ?? null };
    } catch (error) {
      if (!stopped) fill(root, back, h('h1', {}, t('app.title')), h('p', { class: 'notice-error', role: 'alert' }, errorMessage(error)));
      return;
    }
    if (stopped) return;
    const formBox = h('div', { class: 'form-box' });
    const caseSection = h('section', { class: 'card case', 'aria-labelledby': 'case-heading' });
    const dataSection = h('section', { class: 'card case-data', 'aria-labelledby': 'data-heading', 'data-testid': 'case-data' });
    const documentsSection = h('section', { class: 'card case-documents', 'aria-labelledby': 'documents-heading', 'data-testid': 'case-documents' });
    const actions = taskActions(task, ctx.user, {
      onDone: (done) => void load(done),
      // Someone else got there first: show the task as it now is, with the reason.
      onError: (error) => (isConflict(error) ? void load(errorMessage(error), 'error') : show(errorMessage(error), 'error')),
    });
    fill(root,
      back,
      h('header', { class: 'task-head' },
        h('h1', {}, task.name ?? task.elementId),
        h('p', { class: 'task-case' }, task.businessKey ? h('span', { class: 'business-key' }, task.businessKey) : null, h('span', {}, task.processName ?? task.processKey))),
      notice,
      meta(task, ctx.user),
      actions,
      h('div', { class: 'task-layout' },
        h('div', { class: 'task-column' },
          dataSection,
          documentsSection,
          h('section', { class: 'card work', 'aria-labelledby': 'form-heading' }, h('h2', { id: 'form-heading' }, t('task.formHeading')), formBox)),
        caseSection));
    show(message, kind);
    document.title = `${task.name ?? task.elementId} · Alur`;
    focusFirst(root, 'h1');
    // What the decision is about (the application and earlier steps' data) comes before the form.
    mountCaseData(dataSection, task.processInstanceId).then((cleanup) => (stopped ? cleanup() : cleanups.push(cleanup)), () => undefined);
    mountCaseDocuments(documentsSection, task.processInstanceId).then((cleanup) => (stopped ? cleanup() : cleanups.push(cleanup)), () => undefined);
    await mountWork(formBox, task);
    // The user may have left while these loaded; then what they built is torn down at once.
    mountCase(caseSection, task.processInstanceId).then((cleanup) => (stopped ? cleanup() : cleanups.push(cleanup)), () => undefined);
  }

  async function mountWork(box: HTMLElement, task: TaskDetail): Promise<void> {
    const mine = task.assignee === ctx.user.username;
    const workable = task.state === 'open' && mine;
    if (task.state !== 'open') box.append(h('p', { class: 'hint' }, t('task.closed', { state: t(`state.${task.state}`) })));
    else if (!task.assignee) box.append(h('p', { class: 'hint' }, t('task.claimToWork')));
    else if (!mine) box.append(h('p', { class: 'hint' }, t('task.otherAssignee', { user: task.assigneeName ?? task.assignee })));

    const errors = h('div', { class: 'form-errors', role: 'alert' });
    let form: TaskForm | null = null;
    const complete = async (result: SubmitResult): Promise<void> => {
      if (refuseInvalid(result, form, errors)) return;
      submit.disabled = true;
      try {
        await completeTask(task.id, result.data);
        ctx.flash(t('task.completed', { name: task.name ?? task.elementId }));
        location.hash = ctx.backHref();
      } catch (error) {
        submit.disabled = false;
        if (showFieldRefusal(error, form, errors)) return;
        if (isConflict(error)) await load(errorMessage(error), 'error');
        else fill(errors, h('p', {}, errorMessage(error)));
      }
    };
    const submit = h('button', { type: 'button', class: 'button primary', 'data-action': 'complete', onclick: () => (form ? form.submit() : void complete({ data: {}, valid: true })) }, t('task.complete'));

    if (task.form) {
      const host = h('div', { class: 'form-host' });
      box.append(host);
      form = await mountTaskForm(host, task.form, task.variables ?? {}, !workable, (result) => void complete(result));
      if (stopped) {
        form.destroy();
        return;
      }
      cleanups.push(() => form?.destroy());
    } else if (workable) {
      box.append(h('p', { class: 'muted' }, t('task.noForm')));
    }
    if (workable) box.append(errors, h('div', { class: 'submit-row' }, submit));
  }

  void load();
  return () => { stopped = true; for (const cleanup of cleanups.splice(0)) cleanup(); };
}

function meta(task: TaskDetail, user: User): HTMLElement {
  const level = urgency(task.dueDate, new Date());
  // Each pair in its own <div> (allowed in <dl>) so the grid keeps a label above its value.
  const row = (label: string, value: Node | string) => [h('div', {}, h('dt', {}, label), h('dd', {}, value))];
  return h('dl', { class: 'meta' },
    ...row(t('task.assignee'), task.assignee ? (task.assignee === user.username ? `${task.assigneeName ?? task.assignee} (${t('task.you')})` : task.assigneeName ?? task.assignee) : t('task.unassigned')),
    ...row(t('task.groups'), task.candidateGroups.join(', ') || '–'),
    ...row(t('task.due'), task.dueDate
      ? h('span', { class: `due due-${level}` }, level === 'overdue' ? `${t('due.overdue')} · ` : level === 'soon' ? `${t('due.soon')} · ` : '', formatDateTime(task.dueDate))
      : t('due.none')),
    ...row(t('task.priority'), `${t(`priority.${priorityBand(task.priority)}`)}${task.priority !== null && task.priority !== undefined ? ` (${task.priority})` : ''}`),
    ...row(t('task.created'), formatDateTime(task.createdAt)),
    ...row(t('task.state'), t(`state.${task.state}`)));
}

const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409;
