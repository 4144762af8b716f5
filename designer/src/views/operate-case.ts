/**
 * One case in the console (#/pantau/berkas/<id>): its diagram with the current steps and incidents
 * marked, the incidents with retry and close, the case data (changed only with a reason), moving
 * the case by choosing steps on the diagram, moving it to another version, cancelling it, and its
 * history. Every action goes through the API, which refuses what it cannot honour; the page then
 * shows the case as the server now has it.
 */
import { h, replaceChildren } from '../dom.js';
import { formatDate } from '../i18n/lang.js';
import { formatDateTime, ot } from '../i18n/operate-strings.js';
import { cancelCase, caseData, caseDetail, caseHistory, modifyCase, resolveIncident, retryIncident, xmlOf, type CaseDetail, type Modification } from '../operate-api.js';
import { mountOperateDiagram, type OperateDiagram } from './operate-diagram.js';
import { errorText, stateBadge } from './operate-common.js';
import { renderOperateHistory } from './operate-history.js';
import { renderVariables } from './operate-variables.js';
import { renderMigration } from './operate-migrate.js';
import { caseFields } from '../../../ui-shared/case-values.js';

export function mountOperateCase(container: HTMLElement, id: string): { destroy(): void } {
  const message = h('p', { className: 'form-error', role: 'alert', 'data-testid': 'op-message' });
  const say = (text: string, ok = false) => { message.textContent = text; message.className = ok ? 'form-ok' : 'form-error'; };
  const body = h('div', {});
  let diagram: OperateDiagram | null = null;
  let destroyed = false;
  container.append(h('main', { className: 'page op-page op-case', 'data-testid': 'op-case' },
    h('a', { href: '#/pantau', className: 'op-back' }, ot('back')), message, body));

  /** Runs an action, says how it went, and shows the case as it is now. */
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      say(done, true);
    } catch (error) { say(errorText(error)); }
    await load();
  };

  async function load(): Promise<void> {
    let inst: CaseDetail;
    try {
      inst = await caseDetail(id);
    } catch (error) { say(errorText(error)); return; }
    const [xml, history, fields] = await Promise.all([xmlOf(inst.processDefinitionId), caseHistory(id).then((r) => r.items, () => []),
      // The forms' labels; without them (not readable) the values keep their names.
      caseData(id).then(caseFields, () => caseFields({ start: null, steps: [] }))]);
    if (destroyed) return;
    diagram?.destroy();
    const key = inst.businessKey || ot('noKey');
    // The process's name and the starter's display name, as people read them (the instance row has ids).
    const starter = history.find((item) => item.type === 'instance.started')?.userName ?? inst.startedBy ?? '–';
    const diagramHost = h('div', { className: 'op-diagram-host' });
    const current = h('p', { 'data-testid': 'op-current' });
    const modifyPanel = h('div', { 'data-testid': 'op-modify' });
    const caseOf = h('span', {}, ot('caseOf', { process: inst.processKey, version: inst.version }));
    const incidents = h('section', { className: 'card', 'data-testid': 'op-incidents' });
    const variables = h('section', { className: 'card', 'data-testid': 'op-variables' });
    const actions = h('section', { className: 'card', 'data-testid': 'op-actions' });
    const historyCard = h('section', { className: 'card', 'data-testid': 'op-history' });
    replaceChildren(body,
      h('div', { className: 'op-case-head' },
        h('h1', {}, ot('caseTitle', { key })), stateBadge(inst.state)),
      h('p', { className: 'muted' }, caseOf, ' · ',
        ot('startedBy', { at: formatDate(inst.startedAt), user: starter }),
        inst.endedAt ? ` · ${ot('endedAt', { at: formatDate(inst.endedAt) })}` : ''),
      // What stops the case comes first: an operator opens a case to unstick it.
      inst.incidents.length ? incidents : null,
      h('section', { className: 'card' }, current, diagramHost, modifyPanel),
      inst.incidents.length ? null : incidents,
      variables, actions, historyCard);

    let picked: string | null = null;
    const plan: Modification = { terminate: [], activate: [] };
    diagram = await mountOperateDiagram(diagramHost, xml, (elementId) => {
      picked = elementId;
      diagram?.select(elementId);
      drawModify();
      // A step chosen on the diagram is what the panel acts on: show it.
      const details = modifyPanel.querySelector('details');
      if (details) details.open = true;
    });
    const elements = diagram.elements;
    const nameOf = (elementId: string) => elements.get(elementId)?.name ?? elementId;
    const processName = [...elements.values()].find((e) => e.type === 'bpmn:Process')?.name;
    if (processName) caseOf.textContent = ot('caseOf', { process: processName, version: inst.version });
    const steps = inst.activeElements;
    diagram.markCase(inst.activeElements, inst.incidents.map((i) => i.elementId));
    replaceChildren(current, h('strong', {}, `${ot('current')}: `), steps.length ? steps.map(nameOf).join(', ') : ot('nowhere'));

    // Moving the case by choosing steps on the diagram: a plan, applied in one request.
    const drawModify = () => {
      if (inst.state !== 'active') { replaceChildren(modifyPanel); return; }
      const choice = picked
        ? (inst.activeElements.includes(picked)
          ? h('button', { type: 'button', className: 'btn', 'data-action': 'plan-stop', onclick: () => { if (!plan.terminate.some((x) => x.elementId === picked)) plan.terminate.push({ elementId: picked! }); drawModify(); } }, ot('modifyStop', { element: nameOf(picked) }))
          : h('button', { type: 'button', className: 'btn', 'data-action': 'plan-start', onclick: () => { if (!plan.activate.some((x) => x.elementId === picked)) plan.activate.push({ elementId: picked! }); drawModify(); } }, ot('modifyStart', { element: nameOf(picked) })))
        : h('span', { className: 'muted' }, ot('modifyPick'));
      const entries = [
        ...plan.terminate.map((x, i) => ({ text: ot('planStop', { element: nameOf(x.elementId) }), drop: () => plan.terminate.splice(i, 1) })),
        ...plan.activate.map((x, i) => ({ text: ot('planStart', { element: nameOf(x.elementId) }), drop: () => plan.activate.splice(i, 1) })),
      ];
      const open = modifyPanel.querySelector('details')?.open ?? false;
      replaceChildren(modifyPanel, h('details', { className: 'op-modify', open },
        h('summary', {}, ot('modify')), h('p', { className: 'muted' }, ot('modifyLead')),
        h('div', { className: 'actions' }, choice),
        h('ul', { className: 'op-plan', 'data-testid': 'op-plan' }, ...(entries.length
          ? entries.map((e) => h('li', {}, e.text, ' ', h('button', { type: 'button', className: 'link-button', onclick: () => { e.drop(); drawModify(); } }, ot('remove'))))
          : [h('li', { className: 'muted' }, ot('planEmpty'))])),
        h('button', { type: 'button', className: 'btn btn-primary', 'data-action': 'apply-modify', disabled: !entries.length, onclick: () => void act(() => modifyCase(id, plan), ot('modified')) }, ot('apply'))));
    };
    drawModify();

    // Incidents
    replaceChildren(incidents, h('h2', {}, ot('incidents')), ...(inst.incidents.length ? inst.incidents.map((incident) => h('div', { className: 'op-incident', 'data-incident': incident.id },
      h('p', {}, h('strong', {}, ot('incidentAt', { element: nameOf(incident.elementId), at: formatDateTime(incident.createdAt) }))),
      h('p', { className: 'op-incident-message' }, incident.message),
      inst.state === 'active' ? h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'btn btn-primary', 'data-action': 'retry', onclick: () => void act(() => retryIncident(incident.id), ot('retried', { element: nameOf(incident.elementId) })) }, ot('retry')),
        h('button', { type: 'button', className: 'btn', 'data-action': 'resolve', onclick: () => {
          if (window.confirm(ot('resolveConfirm', { element: nameOf(incident.elementId) }))) void act(() => resolveIncident(incident.id), ot('resolved', { element: nameOf(incident.elementId) }));
        } }, ot('resolve'))) : null))
      : [h('p', { className: 'muted' }, ot('noIncidents'))]));

    renderVariables(variables, inst, fields.byKey, (done) => void act(async () => undefined, done), say);
    replaceChildren(actions, h('h2', {}, ot('actions')));
    if (inst.state === 'active') {
      const migration = h('div', { 'data-testid': 'op-migrate' });
      // Cancelling ends the case for good: last, apart from the rest.
      actions.append(migration, h('div', { className: 'actions op-danger-zone' }, h('button', { type: 'button', className: 'btn btn-danger', 'data-action': 'cancel-case', onclick: () => {
        if (window.confirm(ot('cancelConfirm', { key }))) void act(() => cancelCase(id), ot('cancelled'));
      } }, ot('cancelCase'))));
      void renderMigration(migration, inst, elements, act, say);
    } else actions.hidden = true;
    renderOperateHistory(historyCard, history, nameOf, (elementId) => elements.get(elementId)?.type, fields.byStep);
  }

  void load();
  return { destroy() { destroyed = true; diagram?.destroy(); } };
}
