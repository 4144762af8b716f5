/**
 * Renders a pack import or dry-run report: pack and version, processes and forms, unmapped roles,
 * missing connectors, changes and errors. Unknown extra fields are left out rather than guessed at.
 */
import type { PackReport } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n/lang.js';
import type { UiKey } from '../i18n/ui-strings.js';

/** A process's change in the import (ImportResult's 'added' | 'changed' | 'unchanged') in words. */
const CHANGES: Record<string, UiKey> = { added: 'changeAdded', changed: 'changeChanged', unchanged: 'changeUnchanged' };

function describe(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    const value = item as Record<string, unknown>;
    // A refusal's item says where itself ("pack.json [version]: …", in the reader's language).
    if (typeof value.message === 'string' && value.change === undefined) return value.message;
    const name = value.name && value.key ? `${String(value.name)} (${String(value.key)})` : value.key ?? value.formId ?? value.id ?? value.name ?? value.element ?? value.path;
    const detail = value.version !== undefined ? ` v${value.version}` : '';
    const raw = value.change ?? value.action ?? value.status;
    const change = typeof raw === 'string' && CHANGES[raw] ? t(CHANGES[raw]) : raw;
    const message = value.message ? `: ${value.message}` : '';
    return `${String(name ?? JSON.stringify(item))}${detail}${change ? ` — ${String(change)}` : ''}${message}`;
  }
  return String(item);
}

function row(label: UiKey, items: unknown, testId: string, emphasise = false): HTMLElement {
  const list = Array.isArray(items) ? items : items && typeof items === 'object' ? Object.entries(items).map(([k, v]) => `${k}: ${describe(v)}`) : [];
  return h('div', { className: `report-row${emphasise && list.length ? ' report-problem' : ''}`, 'data-testid': testId },
    h('dt', {}, t(label)),
    h('dd', {}, list.length ? h('ul', {}, ...list.map((item) => h('li', {}, describe(item)))) : h('span', { className: 'muted' }, t('none'))));
}

export function renderReport(report: PackReport, headline: string, kind: 'success' | 'error' | 'info'): HTMLElement {
  return h('div', { className: `report report-${kind}`, 'data-deployed': String(report.deployed === true) },
    h('p', { className: `report-headline status-${kind}` }, headline),
    h('dl', {},
      report.pack ? h('div', { className: 'report-row' }, h('dt', {}, t('reportPack')), h('dd', {}, `${report.pack}${report.version !== undefined ? ` v${report.version}` : ''}`)) : null,
      row('reportUnmapped', report.unmappedRoles, 'report-unmapped', true),
      row('reportMissingConnectors', report.missingConnectors, 'report-connectors', true),
      report.errors ? row('reportErrors', report.errors, 'report-errors', true) : null,
      report.changes ? row('reportChanges', report.changes, 'report-changes') : null,
      Array.isArray(report.removedProcesses) && report.removedProcesses.length ? row('reportRemoved', report.removedProcesses, 'report-removed') : null,
      report.installedVersion ? h('div', { className: 'report-row' }, h('dt', {}, t('reportInstalled')), h('dd', {}, String(report.installedVersion))) : null,
      row('reportProcesses', report.processes, 'report-processes'),
      row('reportForms', report.forms, 'report-forms')));
}
