/**
 * The console "Pantau" (#/pantau, analysts and admins): the tenant's processes with the cases
 * running and the incidents of each version; a version's diagram as a heatmap (cases and incidents
 * on each step) where a click lists the cases at that step; and the case search. A case opens on
 * its own page (#/pantau/berkas/<id>, operate-case.ts). The API decides who sees what.
 */
import type { Session } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { currentLang, formatDate } from '../i18n/lang.js';
import { attachDatePicker } from '../../../ui-shared/date-picker.js';
import { ot } from '../i18n/operate-strings.js';
import { definitionsWithCounts, elementCounts, retryIncidentsWhere, searchCases, xmlOf, type CaseFilter, type CaseSummary, type DefinitionWithCounts } from '../operate-api.js';
import { mountOperateDiagram, type OperateDiagram } from './operate-diagram.js';
import { canOperate, errorText, slaShown, stateBadge } from './operate-common.js';
import { mountOperateCase } from './operate-case.js';

const PAGE = 25;

/** The console, or one case when the address names it. */
export function mountOperate(container: HTMLElement, session: Session): { destroy(): void } {
  if (!canOperate(session)) {
    container.append(h('main', { className: 'page' }, h('p', { className: 'muted' }, ot('onlyAnalysts'))));
    return { destroy() {} };
  }
  const caseId = /^#\/pantau\/berkas\/([^/?#]+)$/.exec(location.hash)?.[1];
  if (caseId) return mountOperateCase(container, decodeURIComponent(caseId));
  return mountOverview(container);
}

/** The search and the selected version survive a visit to a case page and back. */
const remembered: { filter: CaseFilter; definitionId: string | null } = { filter: {}, definitionId: null };

function mountOverview(container: HTMLElement): { destroy(): void } {
  const message = h('p', { className: 'form-error', role: 'alert', 'data-testid': 'op-message' });
  const say = (text: string, ok = false) => { message.textContent = text; message.className = ok ? 'form-ok' : 'form-error'; };
  let definitions: DefinitionWithCounts[] = [];
  let diagram: OperateDiagram | null = null;
  let destroyed = false;

  // Processes, grouped by key, newest version first
  const processList = h('div', { className: 'op-process-list', 'data-testid': 'op-processes' });
  const nameOf = (d: { processKey?: string; key?: string; processDefinitionId?: string }) => {
    const def = definitions.find((x) => x.id === d.processDefinitionId);
    return def?.name || def?.key || d.processKey || d.key || '';
  };

  function renderProcesses(): void {
    if (!definitions.length) { replaceChildren(processList, h('p', { className: 'muted' }, ot('noProcesses'))); return; }
    const keys = [...new Set(definitions.map((d) => d.key))].sort();
    replaceChildren(processList, ...keys.map((key) => {
      const versions = definitions.filter((d) => d.key === key).sort((a, b) => b.version - a.version);
      return h('section', { className: 'op-process', 'data-key': key },
        h('div', { className: 'process-name' }, versions[0].name || key, h('span', { className: 'process-key' }, key)),
        h('ul', { className: 'version-list' }, ...versions.map((d) => h('li', {},
          h('button', { type: 'button', className: `version${d.id === remembered.definitionId ? ' active' : ''}`, 'data-definition': d.id, 'data-version': String(d.version), onclick: () => void openVersion(d.id) },
            h('span', {}, ot('version', { version: d.version })),
            h('span', { className: 'op-counts' },
              h('span', { className: 'op-pill op-pill-active', 'data-count': 'active' }, ot('activeN', { n: d.counts.active })),
              d.counts.incidents ? h('span', { className: 'op-pill op-pill-incident', 'data-count': 'incidents' }, ot('incidentsN', { n: d.counts.incidents })) : null))))));
    }));
  }

  // The heatmap of one version
  const heatTitle = h('h2', {});
  const heatHost = h('div', { className: 'op-diagram-host' });
  const atElement = h('div', { 'data-testid': 'op-element-cases' });
  const heat = h('section', { className: 'card op-heat', hidden: true, 'data-testid': 'op-heatmap' },
    heatTitle, h('p', { className: 'muted' }, ot('diagramHint')), heatHost, atElement);

  async function openVersion(definitionId: string): Promise<void> {
    remembered.definitionId = definitionId;
    renderProcesses();
    const def = definitions.find((d) => d.id === definitionId);
    if (!def) return;
    heat.hidden = false;
    heatTitle.textContent = `${def.name || def.key} · ${ot('version', { version: def.version })}`;
    diagram?.destroy();
    diagram = null;
    replaceChildren(heatHost);
    replaceChildren(atElement);
    try {
      const [xml, stats] = await Promise.all([xmlOf(definitionId), elementCounts(definitionId)]);
      if (destroyed || remembered.definitionId !== definitionId) return;
      diagram = await mountOperateDiagram(heatHost, xml, (elementId) => void listAtElement(def, elementId));
      diagram.showCounts(stats.items);
    } catch (error) { say(errorText(error)); }
  }

  async function listAtElement(def: DefinitionWithCounts, elementId: string): Promise<void> {
    diagram?.select(elementId);
    const name = diagram?.elements.get(elementId)?.name ?? elementId;
    const filter: CaseFilter = { processDefinitionId: def.id, elementId, state: 'active' };
    const table = resultsTable();
    const retryAll = h('button', { type: 'button', className: 'btn', 'data-action': 'retry-all', hidden: true }, ot('retryAllHere'));
    retryAll.addEventListener('click', () => void retryIncidentsWhere({ processDefinitionId: def.id, elementId }).then((r) => {
      say(r.failed.length ? ot('retriedSome', { n: r.retried.length, failed: r.failed.length, detail: r.failed[0].message }) : ot('retriedAll', { n: r.retried.length }), !r.failed.length);
      return refresh();
    }, (error) => say(errorText(error))));
    replaceChildren(atElement, h('div', { className: 'op-element-head' }, h('h3', {}, ot('waitingAt', { element: name })), retryAll), table.element);
    await table.load(filter);
    try {
      const withIncident = await searchCases({ ...filter, hasIncident: 'true' }, 1);
      retryAll.hidden = withIncident.total === 0;
    } catch { /* the button stays hidden */ }
  }

  // Search
  const q = h('input', { type: 'search', name: 'q', placeholder: ot('businessKeyHint'), value: remembered.filter.q ?? '' });
  const state = h('select', { name: 'state' }, h('option', { value: '' }, ot('anyState')),
    ...['active', 'completed', 'terminated', 'cancelled'].map((s) => h('option', { value: s, selected: remembered.filter.state === s }, ot(`state_${s}` as never))));
  const processSelect = h('select', { name: 'processKey' });
  const versionSelect = h('select', { name: 'version' });
  // Day-first pickers in the page's language (native date inputs follow the browser: 12/31/2026).
  const from = h('input', { name: 'startedFrom' });
  const to = h('input', { name: 'startedTo' });
  const slaSelect = h('select', { name: 'slaState' }, h('option', { value: '' }, ot('anySla')),
    ...['on-track', 'due-soon', 'overdue', 'met', 'missed'].map((v) => h('option', { value: v, selected: remembered.filter.slaState === v }, ot(`sla_${v}` as never))));
  const incidentsOnly = h('input', { type: 'checkbox', name: 'hasIncident', checked: remembered.filter.hasIncident === 'true' });
  const results = resultsTable();
  const fillVersions = () => {
    const versions = definitions.filter((d) => d.key === processSelect.value).map((d) => d.version).sort((a, b) => b - a);
    replaceChildren(versionSelect, h('option', { value: '' }, ot('anyVersion')), ...versions.map((v) => h('option', { value: String(v), selected: remembered.filter.version === String(v) }, String(v))));
    versionSelect.disabled = !processSelect.value;
  };
  processSelect.addEventListener('change', fillVersions);
  const localMidnight = (date: string, addDays = 0) => {
    const d = new Date(`${date}T00:00`);
    d.setDate(d.getDate() + addDays);
    return d.toISOString();
  };
  const field = (label: string, input: HTMLElement) => h('label', {}, label, input);
  const form = h('form', { className: 'op-search', 'data-testid': 'op-search' },
    field(ot('businessKey'), q), field(ot('state'), state), field(ot('process'), processSelect), field(ot('versionLabel'), versionSelect),
    field(ot('startedFrom'), from), field(ot('startedTo'), to), field(ot('sla'), slaSelect),
    h('label', { className: 'check' }, incidentsOnly, ' ', ot('onlyIncidents')),
    h('div', { className: 'actions' },
      h('button', { type: 'submit', className: 'btn btn-primary' }, ot('searchButton')),
      h('button', { type: 'button', className: 'btn', onclick: () => { form.reset(); fillVersions(); void runSearch(); } }, ot('clear'))));
  const runSearch = () => {
    remembered.filter = {
      q: q.value.trim() || undefined, state: state.value || undefined, processKey: processSelect.value || undefined,
      version: versionSelect.value || undefined, slaState: slaSelect.value || undefined, hasIncident: incidentsOnly.checked ? 'true' : undefined,
      startedAfter: from.value ? localMidnight(from.value) : undefined,
      // "until" includes the day chosen: before the next midnight.
      startedBefore: to.value ? localMidnight(to.value, 1) : undefined,
    };
    return results.load(remembered.filter);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); void runSearch(); });
  const pickers = [attachDatePicker(from, currentLang()), attachDatePicker(to, currentLang())];

  /** A table of cases for a filter, a page at a time. */
  function resultsTable() {
    const summary = h('p', { className: 'muted', 'data-testid': 'op-result-count' });
    const body = h('tbody', {});
    const more = h('button', { type: 'button', className: 'btn', hidden: true }, ot('more'));
    let shown = 0;
    let current: CaseFilter = {};
    const row = (c: CaseSummary) => h('tr', { 'data-case': c.id },
      h('td', {}, h('a', { href: `#/pantau/berkas/${encodeURIComponent(c.id)}`, className: 'link-button' }, c.businessKey || ot('noKey'))),
      h('td', {}, `${nameOf(c)} · ${ot('version', { version: c.version })}`),
      h('td', {}, stateBadge(c.state), slaShown(c) ? h('span', { className: `op-sla op-sla-${c.sla!.state}`, 'data-sla': c.sla!.state }, ` ${ot(`sla_${c.sla!.state}` as never)}`) : null),
      h('td', {}, formatDate(c.startedAt)));
    const fetchPage = async () => {
      try {
        const page = await searchCases(current, PAGE, shown);
        body.append(...page.items.map(row));
        shown += page.items.length;
        summary.textContent = page.total ? ot('results', { n: page.total }) : ot('noResults');
        more.hidden = shown >= page.total;
      } catch (error) { say(errorText(error)); }
    };
    more.addEventListener('click', () => void fetchPage());
    const element = h('div', { className: 'op-results' }, summary,
      h('table', { className: 'table' }, h('thead', {}, h('tr', {}, ...[ot('businessKey'), ot('process'), ot('state'), ot('started')].map((c) => h('th', {}, c)))), body), more);
    return {
      element,
      load: async (filter: CaseFilter) => { current = filter; shown = 0; body.replaceChildren(); await fetchPage(); },
    };
  }

  async function refresh(): Promise<void> {
    try {
      definitions = (await definitionsWithCounts()).items;
      if (destroyed) return;
      renderProcesses();
      const keys = [...new Set(definitions.map((d) => d.key))].sort();
      replaceChildren(processSelect, h('option', { value: '' }, ot('anyProcess')),
        ...keys.map((k) => h('option', { value: k, selected: remembered.filter.processKey === k }, definitions.find((d) => d.key === k)?.name || k)));
      fillVersions();
      if (remembered.definitionId && definitions.some((d) => d.id === remembered.definitionId)) await openVersion(remembered.definitionId);
      await runSearch();
    } catch (error) { say(errorText(error)); }
  }

  container.append(h('div', { className: 'op-layout' },
    h('aside', { className: 'sidebar' }, h('div', { className: 'sidebar-head' }, h('h2', {}, ot('processes'))), processList),
    h('main', { className: 'page op-page', 'data-testid': 'op-overview' },
      h('h1', {}, ot('title')), h('p', { className: 'muted' }, ot('lead')), message,
      heat,
      h('section', { className: 'card' }, h('h2', {}, ot('search')), form, results.element))));
  void refresh();
  return { destroy() { destroyed = true; diagram?.destroy(); pickers.forEach((p) => p.destroy()); } };
}
