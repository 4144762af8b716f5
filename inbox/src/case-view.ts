/**
 * "Where the case stands": the diagram with the current step and the path taken, a one-line
 * summary of the current step, and the history timeline. Loads the instance, its history and the
 * definition's XML; shows what it could load when part of it is refused (a staff user may read a
 * task without yet holding one in its case).
 */
import { fill, h } from './dom.js';
import { t } from './i18n/index.js';
import { currentStepNames, mountDiagram, type CaseDiagram, type ElementNames } from './case-diagram.js';
import { renderHistory, type FieldLabels } from './case-history.js';
import { getCaseData } from './start-api.js';
import { getDefinitionXml, getHistory, getInstance } from './task-api.js';
import type { HistoryItem, ProcessInstance } from './types.js';

export async function mountCase(section: HTMLElement, instanceId: string): Promise<() => void> {
  const diagramBox = h('div', { class: 'diagram' });
  const summary = h('p', { class: 'current-step' });
  const historyBox = h('div', { class: 'history' });
  fill(section,
    h('h2', { id: 'case-heading' }, t('case.heading')),
    summary,
    diagramBox,
    h('ul', { class: 'legend', 'aria-hidden': 'true' },
      h('li', {}, h('span', { class: 'swatch swatch-active' }), t('case.legendActive')),
      h('li', {}, h('span', { class: 'swatch swatch-taken' }), t('case.legendTaken'))),
    historyBox);

  const [instance, history] = await Promise.all([
    getInstance(instanceId).catch(() => null),
    getHistory(instanceId).then((page) => page.items).catch(() => null),
  ]);
  let diagram: CaseDiagram | null = null;
  let names: ElementNames = new Map();
  if (instance) {
    try {
      const xml = await getDefinitionXml(instance);
      diagram = await mountDiagram(diagramBox, xml, instance.activeElements, history ?? []);
      names = diagram.names;
    } catch {
      diagramBox.append(h('p', { class: 'muted' }, t('case.unavailable')));
    }
    summary.textContent = stepSummary(instance, names);
  } else {
    diagramBox.append(h('p', { class: 'muted' }, t('case.unavailable')));
  }
  if (history) renderHistory(historyBox, sortByTime(history), names, await fieldLabels(instanceId));
  else fill(historyBox, h('p', { class: 'muted' }, t('history.unavailable')));
  return () => diagram?.destroy();
}

function stepSummary(instance: ProcessInstance, names: ElementNames): string {
  const steps = currentStepNames(names, instance.activeElements);
  const state = t(`state.${instance.state}`);
  if (instance.state !== 'active' || !steps.length) return `${t('task.state')}: ${state}`;
  return `${t('case.legendActive')}: ${steps.join(', ')}`;
}

function sortByTime(items: HistoryItem[]): HistoryItem[] {
  // The API returns history in order; a stable sort keeps that order for equal timestamps.
  return [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The form labels of each step's values (none when the case's data cannot be read: raw keys then). */
async function fieldLabels(instanceId: string): Promise<FieldLabels> {
  const labels: FieldLabels = new Map();
  try {
    for (const step of (await getCaseData(instanceId)).steps) labels.set(step.elementId, [...step.fields, ...(labels.get(step.elementId) ?? [])]);
  } catch {
    // shown with the variables' own names
  }
  return labels;
}
