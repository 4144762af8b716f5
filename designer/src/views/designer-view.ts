/**
 * The designer page: process list on the left, toolbar, canvas with the properties panel on the
 * right, issues below. Owns the Modeler's life (created on mount, destroyed on leave or language
 * switch, with the diagram kept in document.ts) and wires the toolbar to designer-actions.ts.
 */
import { suggestGroups } from '../modeler/group-suggestions.js';
import { translateFeelSwitchTitles } from '../modeler/feel-switch-titles.js';
import { blankDiagramHint, fitBesidePalette, isBlankDiagram, keepClearOfPalette } from '../modeler/canvas-fit.js';
import { definitionXml, type ProcessDefinition, type Session } from '../api.js';
import { h } from '../dom.js';
import { currentLang, t } from '../i18n/lang.js';
import { panelControlText, simulationText } from '../i18n/simulation-id.js';
import { translateDom } from './dom-i18n.js';
import { clearForms } from '../forms/form-store.js';
import { createModeler, type Modeler } from '../modeler/create-modeler.js';
import { blankDiagram, ensureExecutionPlatform } from '../modeler/execution-platform.js';
import { clearServerErrors } from '../modeler/server-errors.js';
import { deployDiagram, downloadDiagram, editForm, importFiles, type DesignerContext } from './designer-actions.js';
import { createTemplateShelf } from './template-shelf.js';
import { tt } from '../i18n/template-strings.js';
import { diagram, type DocTitle } from './document.js';
import { createIssuesPanel, lintIssues } from './issues-panel.js';
import { createProcessList } from './process-list.js';
import { createStatusLine } from './status.js';
import { lintContext } from 'bpmnlint-plugin-alur/context';

/** A deployed version's title: the process's name as the list shows it (its key when it has none). */
function versionTitle(definition: ProcessDefinition): DocTitle {
  return { key: 'openedVersion', values: { key: definition.name || definition.key, version: definition.version } };
}

export function mountDesigner(container: HTMLElement, _session: Session): { destroy(): void } {
  let modeler: Modeler | null = null;
  // The engine rules' findings are written from the server's catalog in the reader's language.
  lintContext.lang = currentLang();
  const status = createStatusLine();
  const issues = createIssuesPanel(() => modeler);
  const title = h('div', { className: 'doc-title', 'data-testid': 'doc-title' });
  const canvas = h('div', { className: 'canvas', 'data-testid': 'canvas' });
  const properties = h('div', { className: 'properties', 'data-testid': 'properties' });
  const fileInput = h('input', { type: 'file', accept: '.bpmn,.xml,.form', multiple: true, hidden: true, 'data-testid': 'file-input' });
  const templateInput = h('input', { type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', multiple: true, hidden: true, 'data-testid': 'template-input' });
  // A refusal of the last deployment may have been about a template: changing them clears it, as an edit does.
  const shelf = createTemplateShelf(() => { if (modeler) clearServerErrors(modeler); issues.setServer([]); });
  const button = (label: string, action: string, className = 'btn') =>
    h('button', { type: 'button', className, 'data-action': action }, label);
  const simulate = button(t('simulate'), 'simulate');

  const processList = createProcessList((definition) => void openDefinition(definition), (definitions) => {
    // Call activities may name any deployed process, as at deployment; re-lint with the new list.
    lintContext.knownProcesses = [...new Set(definitions.map((definition) => definition.key))];
    (modeler?.get('linting') as any)?.update();
  });
  const toolbar = h('div', { className: 'toolbar' },
    title,
    h('div', { className: 'toolbar-actions' },
      button(t('newDiagram'), 'new'), button(t('openFile'), 'import'), button(t('download'), 'download'),
      button(t('editForm'), 'form'), button(tt('attach'), 'templates'), simulate, button(t('deploy'), 'deploy', 'btn btn-primary')),
    fileInput, templateInput, shelf.element);
  container.append(h('div', { className: 'designer' },
    processList.element,
    h('section', { className: 'workspace' }, toolbar, status.element, h('div', { className: 'canvas-row' }, canvas, properties), issues.element)));

  modeler = createModeler(canvas, properties);
  const stopSuggesting = suggestGroups(properties);
  const stopTranslatingTitles = translateFeelSwitchTitles(properties);
  // Token simulation and the panel's own controls write fixed English (no translate service).
  const stopTranslatingSimulation = translateDom(canvas, '[class*="bts-"]', simulationText);
  const stopTranslatingPanel = translateDom(properties, '.bio-properties-panel', panelControlText);
  blankDiagramHint(modeler, canvas);
  // The issues list grows and shrinks the canvas; the palette re-lays itself out on canvas.resized
  // (two columns when short), and the diagram moves out from under it.
  const resizeObserver = new ResizeObserver(() => {
    if (!modeler) return;
    (modeler.get('canvas') as any).resized();
    keepClearOfPalette(modeler, canvas);
  });
  resizeObserver.observe(canvas);
  const ctx: DesignerContext = {
    modeler, status, issues,
    open: (xml, docTitle, definitionId) => open(xml, docTitle, definitionId),
    deployed: async (definition) => {
      diagram.definitionId = definition.id;
      diagram.dirty = false;
      setTitle(versionTitle(definition));
      await processList.refresh();
      processList.setActive(definition.id);
    },
    templates: () => shelf.files(),
  };

  const eventBus: any = modeler.get('eventBus');
  // A blank diagram (only its start event) lists nothing: its findings are about what is not drawn yet.
  eventBus.on('linting.completed', ({ issues: found }: any) => issues.setLint(isBlankDiagram(modeler) ? [] : lintIssues(found)));
  eventBus.on('tokenSimulation.toggleMode', ({ active }: any) => simulate.classList.toggle('active', active));
  eventBus.on('commandStack.changed', () => {
    diagram.dirty = true;
    showTitle();
    clearServerErrors(modeler!);
    issues.setServer([]);
    void modeler!.saveXML({ format: true }).then(({ xml }: { xml?: string }) => { diagram.xml = xml ?? diagram.xml; });
  });

  function setTitle(docTitle: DocTitle): void {
    diagram.title = docTitle;
    showTitle();
  }

  /** The title, marked as changed once an opened version or file is edited (a new diagram says so already). */
  function showTitle(): void {
    const docTitle = diagram.title ?? { key: 'untitled' };
    const changed = diagram.dirty && docTitle.key !== 'untitled';
    // Only the name is cut short with an ellipsis; the marker, floated right ahead of it, always shows whole.
    const name = t(docTitle.key, docTitle.values);
    title.title = name;
    title.replaceChildren(...(changed ? [h('span', { className: 'doc-changed', 'data-testid': 'doc-changed' }, t('changedMark'))] : []), h('span', { className: 'doc-name' }, name));
  }

  async function open(xml: string, docTitle: DocTitle, definitionId: string | null): Promise<void> {
    const current = modeler!;
    try {
      await current.importXML(xml);
    } catch (error) {
      status.show('error', t('importFailed', { detail: (error as Error).message }));
      if (diagram.xml && diagram.xml !== xml) await current.importXML(diagram.xml);
      return;
    }
    ensureExecutionPlatform((current as any).getDefinitions());
    // A blank diagram keeps its start event top left, leaving room to draw; others are fitted.
    if ((current.get('elementRegistry') as any).getAll().length > 2) fitBesidePalette(current, canvas);
    diagram.xml = xml;
    diagram.dirty = false;
    diagram.definitionId = definitionId;
    // Templates belong to the diagram they were attached to; a deployed one stays on the server.
    shelf.clear();
    issues.setServer([]);
    setTitle(docTitle);
    processList.setActive(definitionId);
  }

  const confirmDiscard = () => !diagram.dirty || window.confirm(t('unsavedChanges'));

  async function openDefinition(definition: ProcessDefinition): Promise<void> {
    if (!confirmDiscard()) return;
    try {
      const xml = await definitionXml(definition.id);
      clearForms();
      await open(xml, versionTitle(definition), definition.id);
      status.clear();
    } catch (error) {
      status.show('error', t('requestFailed', { detail: (error as Error).message }));
    }
  }

  toolbar.addEventListener('click', (event) => {
    const action = (event.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'new' && confirmDiscard()) {
      clearForms();
      void open(blankDiagram(), { key: 'untitled' }, null).then(() => status.clear());
    }
    if (action === 'import') fileInput.click();
    if (action === 'templates') templateInput.click();
    if (action === 'download') void downloadDiagram(ctx);
    if (action === 'form') void editForm(ctx);
    if (action === 'simulate') (modeler!.get('toggleMode') as any).toggleMode();
    if (action === 'deploy') void deployDiagram(ctx);
  });
  templateInput.addEventListener('change', () => {
    const files = Array.from(templateInput.files ?? []);
    templateInput.value = '';
    const refused = shelf.add(files);
    if (refused.length) status.show('error', refused.join(' '));
    else if (files.length) status.show('info', tt('attached', { count: shelf.files().length }));
  });
  fileInput.addEventListener('change', () => {
    const files = Array.from(fileInput.files ?? []);
    fileInput.value = '';
    if (files.length && (files.every((file) => file.name.endsWith('.form')) || confirmDiscard())) void importFiles(ctx, files);
  });

  // Closing the tab with undeployed changes asks first, like leaving the diagram in the app does.
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (diagram.dirty) event.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);

  const restoredDirty = diagram.dirty;
  void open(diagram.xml ?? blankDiagram(), diagram.title ?? { key: 'untitled' }, diagram.definitionId).then(() => { diagram.dirty = restoredDirty; showTitle(); });
  void processList.refresh().then(() => processList.setActive(diagram.definitionId));

  return {
    destroy() {
      window.removeEventListener('beforeunload', beforeUnload);
      resizeObserver.disconnect();
      stopSuggesting();
      stopTranslatingTitles();
      stopTranslatingSimulation();
      stopTranslatingPanel();
      modeler?.destroy();
      modeler = null;
    },
  };
}
