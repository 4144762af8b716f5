/**
 * "Data permohonan" in a task: the start form as the applicant's data was entered (form-js viewer,
 * read-only, with the case's values), then what each earlier step added, under its form's labels
 * and option labels — what an approver decides on. Loads `GET /api/process-instances/{id}/data`;
 * shows nothing when the case has neither. Owns this section's DOM and its form-js instance.
 */
import { fill, h } from './dom.js';
import { formatDateTime, lang, t } from './i18n/index.js';
import { valueText } from '../../ui-shared/case-values.js';
import { getCaseData, type CaseField, type CaseStep } from './start-api.js';
import { mountTaskForm } from './task-form.js';
import { refsOf } from './document-field.js';
import { describeDocument } from './documents.js';

export async function mountCaseData(section: HTMLElement, instanceId: string): Promise<() => void> {
  let data;
  try {
    data = await getCaseData(instanceId);
  } catch {
    fill(section, h('h2', { id: 'data-heading' }, t('data.heading')), h('p', { class: 'muted' }, t('data.unavailable')));
    return () => undefined;
  }
  if (!data.start && data.steps.length === 0) {
    section.hidden = true;
    return () => undefined;
  }
  const host = h('div', { class: 'form-host case-data-form' });
  fill(section,
    h('details', { class: 'case-data-box', open: true },
      h('summary', {}, h('h2', { id: 'data-heading' }, t('data.heading'))),
      data.start ? h('h3', {}, t('data.startForm')) : h('p', { class: 'muted' }, t('data.none')),
      data.start ? host : null,
      data.steps.length ? h('h3', {}, t('data.steps')) : null,
      data.truncated ? h('p', { class: 'muted' }, t('data.truncated', { n: data.steps.length })) : null,
      ...data.steps.map(stepView)));
  if (!data.start) return () => undefined;
  const form = await mountTaskForm(host, data.start.schema, data.start.values, true, () => undefined);
  return () => form.destroy();
}

function stepView(step: CaseStep): HTMLElement {
  return h('div', { class: 'case-step', 'data-element': step.elementId },
    h('p', { class: 'case-step-head' }, t('data.by', { name: step.name ?? step.elementId, user: step.completedByName ?? step.completedBy ?? '–', time: formatDateTime(step.completedAt) })),
    step.fields.length ? h('dl', { class: 'decision' }, ...step.fields.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, show(f))])) : null);
}

function show(field: CaseField): string | HTMLElement {
  const docs = refsOf(field.value);
  if (docs.length) return documentNames(docs.map((d) => d.documentId));
  // The same words as the history and Pantau: option labels, yes/no, grouped numbers, days as the language writes them.
  return valueText(lang(), field.value, field);
}

/** A file field's value as the documents' names (looked up; the card "Dokumen" has them to open). */
function documentNames(ids: string[]): HTMLElement {
  const out = h('span', { class: 'document-names' }, '…');
  Promise.all(ids.map((id) => describeDocument(id).then((d) => d.name, () => '–')))
    .then((names) => { out.textContent = names.join(', '); }, () => undefined);
  return out;
}
