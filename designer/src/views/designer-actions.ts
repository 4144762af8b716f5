/**
 * What the designer's toolbar does: new, import (.bpmn and .form files), download, edit a user
 * task's form, and deploy (the diagram with its forms and letter templates; a refusal is drawn on
 * the elements).
 * Owns no DOM layout; designer-view.ts wires these to buttons.
 */
import { ApiError, deploy, deployedForm, type ProcessDefinition } from '../api.js';
import { downloadBlob } from '../dom.js';
import { t } from '../i18n/lang.js';
import type { Modeler } from '../modeler/create-modeler.js';
import { ensureExecutionPlatform } from '../modeler/execution-platform.js';
import { clearServerErrors, showServerErrors } from '../modeler/server-errors.js';
import { allForms, blankForm, getForm, parseFormFile, putForm } from '../forms/form-store.js';
import { formIdOf, hasForm, isUserTask, linkForm, referencedFormIds, suggestFormId } from '../forms/form-link.js';
import type { DocTitle } from './document.js';
import { openFormDialog } from './form-dialog.js';
import type { IssuesPanel } from './issues-panel.js';
import type { StatusLine } from './status.js';
import { tt } from '../i18n/template-strings.js';

export interface DesignerContext {
  modeler: Modeler;
  status: StatusLine;
  issues: IssuesPanel;
  open(xml: string, title: DocTitle, definitionId: string | null): Promise<void>;
  deployed(definition: ProcessDefinition): Promise<void>;
  /** The .docx letter templates attached to this diagram (views/template-shelf.ts). */
  templates(): File[];
}

/** The id of the diagram's first executable process: it names the downloaded and deployed file. */
export function mainProcessId(modeler: Modeler): string {
  const roots: any[] = (modeler as any).getDefinitions()?.rootElements ?? [];
  const processes = roots.filter((root) => root.$type === 'bpmn:Process');
  return (processes.find((p) => p.isExecutable) ?? processes[0])?.id ?? 'diagram';
}

export async function currentXml(modeler: Modeler): Promise<string> {
  ensureExecutionPlatform((modeler as any).getDefinitions());
  const { xml } = await modeler.saveXML({ format: true });
  return xml as string;
}

export async function importFiles(ctx: DesignerContext, files: File[]): Promise<void> {
  try {
    const forms = files.filter((file) => file.name.toLowerCase().endsWith('.form'));
    for (const file of forms) putForm(parseFormFile(await file.text()));
    const bpmn = files.find((file) => !file.name.toLowerCase().endsWith('.form'));
    if (bpmn) await ctx.open(await bpmn.text(), { key: 'fromFile', values: { name: bpmn.name } }, null);
    if (forms.length) ctx.status.show('info', t('formsImported', { count: forms.length }));
  } catch (error) {
    ctx.status.show('error', t('importFailed', { detail: (error as Error).message }));
  }
}

export async function downloadDiagram(ctx: DesignerContext): Promise<void> {
  const xml = await currentXml(ctx.modeler);
  downloadBlob(`${mainProcessId(ctx.modeler)}.bpmn`, new Blob([xml], { type: 'application/xml' }));
  for (const formId of referencedFormIds(ctx.modeler)) {
    const form = getForm(formId);
    if (form) downloadBlob(`${formId}.form`, new Blob([JSON.stringify(form, null, 2)], { type: 'application/json' }));
  }
}

/**
 * Opens the form of the selected user task (or start event). A form not edited or imported in this
 * session is loaded from the server first: a reopened version's form is the deployed one, so
 * saving and deploying never replaces it with an empty form.
 */
export async function editForm(ctx: DesignerContext): Promise<void> {
  const element = (ctx.modeler.get('selection') as any).get()[0];
  if (!hasForm(element)) {
    ctx.status.show('info', t('selectUserTask'));
    return;
  }
  let formId = formIdOf(element);
  if (!formId) {
    formId = suggestFormId(ctx.modeler, element);
    linkForm(ctx.modeler, element, formId);
  }
  let schema = getForm(formId);
  if (!schema) {
    try {
      const deployed = await deployedForm(formId);
      schema = deployed ? { ...deployed, id: formId } : blankForm(formId);
    } catch (error) {
      ctx.status.show('error', t('requestFailed', { detail: (error as Error).message }));
      return;
    }
  }
  // Named by the element's name, or by its kind when it has none: its id (StartEvent_1) means nothing to the reader.
  const name = (element.businessObject.name ?? '').trim();
  const title = isUserTask(element)
    ? (name ? t('formTitle', { task: name }) : t('formTitleUnnamed'))
    : (name ? t('startFormTitle', { start: name }) : t('startFormTitleUnnamed'));
  openFormDialog(title, schema, putForm);
}

export async function deployDiagram(ctx: DesignerContext): Promise<void> {
  // Said before sending, not after a refusal: the issues list already names what the server will refuse.
  const errors = ctx.issues.errorCount();
  if (errors > 0 && !window.confirm(t('deployLintErrors', { count: errors }))) return;
  const xml = await currentXml(ctx.modeler);
  const wanted = new Set(referencedFormIds(ctx.modeler));
  const forms = allForms().filter((form) => wanted.has(form.id));
  const files = [
    { name: `${mainProcessId(ctx.modeler)}.bpmn`, content: xml, type: 'application/xml' },
    ...forms.map((form) => ({ name: `${form.id}.form`, content: JSON.stringify(form), type: 'application/json' })),
    ...ctx.templates().map((file) => ({ name: file.name, content: file as Blob, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })),
  ];
  ctx.status.show('busy', t('deploying'));
  try {
    const { created, result } = await deploy(files);
    clearServerErrors(ctx.modeler);
    ctx.issues.setServer([]);
    const first = result.processes[0];
    const templates = (result.templates ?? []).map((tpl) => `${tpl.name} v${tpl.version}`);
    ctx.status.show('success', [t(created ? 'deployed' : 'deployUnchanged', { name: first?.name?.trim() || first?.key || '', version: first?.version ?? '' }), templates.length ? tt('deployedTemplates', { list: templates.join(', ') }) : ''].filter(Boolean).join(' '));
    if (first) await ctx.deployed({ id: first.id, key: first.key, version: first.version, name: first.name });
    // Deployed, but the server foresees trouble (a candidate group nobody active belongs to): listed
    // with the element, after the version reopened so they stay on screen.
    ctx.issues.setServer((result.warnings ?? []).map((w) => ({ element: w.element, message: w.message, category: 'warn' as const, source: 'server' as const, ...(w.key ? { key: w.key } : {}) })));
  } catch (error) {
    if (!(error instanceof ApiError)) {
      ctx.status.show('error', t('requestFailed', { detail: (error as Error).message }));
      return;
    }
    const errors = (error.problem.errors ?? []).map((entry) => ({ element: entry.element, message: entry.message, key: entry.key, detail: entry.detail }));
    showServerErrors(ctx.modeler, errors);
    ctx.issues.setServer(errors.map((entry) => ({ ...entry, category: 'error' as const, source: 'server' as const })));
    // A refusal with its problems listed says how many; the server's own sentence would repeat 'refused'.
    ctx.status.show('error', errors.length ? t('deployProblems', { count: errors.length }) : t('deployFailed', { detail: error.message }));
  }
}
