/**
 * Moving a case to another version of its process: the target version, then each step the case is
 * at paired with a step of the target — pre-filled where the target has a step with the same id —
 * then a dry run whose answer (every step that cannot move, named) is shown before the move can be
 * applied. Changing the target or a pair asks for a new dry run.
 */
import { ApiError } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { ot } from '../i18n/operate-strings.js';
import { migrateCase, versionsOf, xmlOf, type CaseDetail } from '../operate-api.js';
import type { ElementInfo } from './operate-diagram.js';
import { errorText } from './operate-common.js';

const BPMN_MODEL = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const NOT_STEPS = new Set(['definitions', 'process', 'collaboration', 'participant', 'laneSet', 'lane', 'sequenceFlow', 'extensionElements', 'incoming', 'outgoing', 'conditionExpression', 'documentation', 'message', 'error', 'signal', 'escalation']);

/** The steps of a deployed model: id → name and kind, read from its XML (flows and definitions left out). */
function stepsOf(xml: string): Map<string, { name: string; type: string }> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const out = new Map<string, { name: string; type: string }>();
  for (const el of Array.from(doc.getElementsByTagNameNS(BPMN_MODEL, '*'))) {
    const id = el.getAttribute('id');
    if (!id || NOT_STEPS.has(el.localName) || el.localName.endsWith('Definition')) continue;
    out.set(id, { name: el.getAttribute('name')?.trim() || id, type: el.localName });
  }
  return out;
}

type Act = (action: () => Promise<unknown>, done: string) => Promise<void>;

export async function renderMigration(container: HTMLElement, inst: CaseDetail, elements: Map<string, ElementInfo>, act: Act, say: (text: string) => void): Promise<void> {
  let versions: { id: string; version: number }[];
  try {
    versions = (await versionsOf(inst.processKey)).items.filter((d) => d.id !== inst.processDefinitionId).sort((a, b) => b.version - a.version);
  } catch (error) { say(errorText(error)); return; }
  const heading = h('h3', {}, ot('migrate'));
  if (!versions.length) { replaceChildren(container, heading, h('p', { className: 'muted' }, ot('migrateNoTarget'))); return; }
  const target = h('select', { name: 'target-version' }, ...versions.map((v) => h('option', { value: v.id }, ot('version', { version: v.version }))));
  const pairs = h('tbody', {});
  const outcome = h('div', { 'data-testid': 'op-migrate-outcome', role: 'status' });
  const check = h('button', { type: 'button', className: 'btn', 'data-action': 'migrate-check' }, ot('migrateCheck'));
  const apply = h('button', { type: 'button', className: 'btn btn-primary', 'data-action': 'migrate-apply', hidden: true });
  const selects: { source: string; select: HTMLSelectElement }[] = [];
  const versionOf = () => versions.find((v) => v.id === target.value)!.version;
  const stale = () => { apply.hidden = true; replaceChildren(outcome); };
  const mappings = () => selects.filter((s) => s.select.value).map((s) => ({ source: s.source, target: s.select.value }));

  async function fillPairs(): Promise<void> {
    stale();
    const steps = stepsOf(await xmlOf(target.value));
    selects.length = 0;
    replaceChildren(pairs, ...inst.activeElements.map((source) => {
      const select = h('select', { 'data-source': source, 'aria-label': `${ot('migrateTo')}: ${elements.get(source)?.name ?? source}` },
        h('option', { value: '' }, ot('migrateChoose')),
        ...[...steps.entries()].map(([id, step]) => h('option', { value: id, selected: id === source }, step.name === id ? id : `${step.name} (${id})`)));
      select.addEventListener('change', stale);
      selects.push({ source, select });
      const name = elements.get(source)?.name ?? source;
      return h('tr', {}, h('td', {}, name === source ? source : `${name} (${source})`), h('td', {}, select));
    }));
  }
  target.addEventListener('change', () => void fillPairs().catch((error) => say(errorText(error))));

  check.addEventListener('click', () => void migrateCase(inst.id, target.value, mappings(), true).then(() => {
    replaceChildren(outcome, h('p', { className: 'form-ok' }, ot('migrateOk', { version: versionOf() })));
    apply.textContent = ot('migrateApply', { version: versionOf() });
    apply.hidden = false;
  }, (error) => {
    apply.hidden = true;
    const named = error instanceof ApiError ? error.problem.errors ?? [] : [];
    replaceChildren(outcome, named.length
      ? h('div', { className: 'form-error' }, h('p', {}, ot('migrateRefused')), h('ul', {}, ...named.map((e) => h('li', {}, e.message))))
      : h('p', { className: 'form-error' }, errorText(error)));
  }));
  apply.addEventListener('click', () => void act(() => migrateCase(inst.id, target.value, mappings(), false), ot('migrated', { version: versionOf() })));

  replaceChildren(container, heading, h('p', { className: 'muted' }, ot('migrateLead')),
    h('label', { className: 'op-inline' }, ot('migrateTarget'), target),
    h('table', { className: 'table' }, h('thead', {}, h('tr', {}, h('th', {}, ot('migrateFrom')), h('th', {}, ot('migrateTo')))), pairs),
    h('div', { className: 'actions' }, check, apply), outcome);
  try { await fillPairs(); } catch (error) { say(errorText(error)); }
}
