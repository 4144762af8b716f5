/**
 * Deploying BPMN and form-js files: compile every file, collect every problem (nothing is
 * deployed when there is one; a timer start event whose first due time cannot be computed is one),
 * then store new versions. A file whose checksum equals the latest version of its process (or
 * form) creates nothing: the existing version is listed instead.
 * Deploys of one tenant serialise on an advisory lock so versions never collide.
 */
import { createHash, randomUUID } from 'node:crypto';
import { compileBpmn } from '../bpmn/compile.js';
import { problemDetail, problemKey } from '../bpmn/problems.js';
import type { BpmnCompiler } from '../bpmn/compile-off-thread.js';
import type { ModelLimits } from '../bpmn/limits.js';
import { DEFAULT_BUDGETS } from '../config.js';
import type { ProcessModel } from '../core/index.js';
import { insertDeployment, insertDefinition, insertForm, latestDefinition, latestForm, type DefinitionRow } from '../store/definitions.js';
import { distinctProcessKeys } from '../store/process-keys.js';
import type { CommandContext, EngineDeps } from './context.js';
import type { Db } from '../store/db.js';
import { InvalidInput, type ErrorItem } from './errors.js';
import { entry, jsonErrorText, text } from '../messages/index.js';
import { formProblems } from './forms.js';
import { scheduleStartTimers, startTimerProblems } from './start-timers.js';
import { candidateGroupWarnings, type DeployWarning } from './deploy-warnings.js';
import { cycleMinimumProblems } from './timer-minimum.js';
import { minCycleMs } from './context.js';
import { checkTemplate, issueText, openTemplate, TemplateProblem } from '../letters/render.js';
import { insertTemplate, latestTemplate } from '../letters/store.js';

export interface UploadedFile { name: string; content: Buffer }

export interface DeployResult {
  id: string;
  created: boolean;
  processes: { id: string; key: string; version: number; name: string | null }[];
  forms: { id: string; formId: string; version: number }[];
  /** Letter templates (.docx) for document-render, versioned by file name. */
  templates: { id: string; name: string; version: number }[];
  /** What deploys but will likely go wrong (deploy-warnings.ts); possibly empty. */
  warnings: DeployWarning[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface ParsedForm { file: string; formId: string; schema: Record<string, unknown>; checksum: string }
/** `warnings`: what the compiler accepted with a warning (a process that is not executable), returned with the deployment. */
interface ParsedBpmn { file: string; xml: string; checksum: string; models: ProcessModel[]; warnings: DeployWarning[] }

function parseForm(file: UploadedFile, errors: ErrorItem[]): ParsedForm | undefined {
  let schema: unknown;
  const source = file.content.toString('utf8');
  try {
    schema = JSON.parse(source);
  } catch (err) {
    errors.push(entry({ element: file.name }, text('form-schema.not-json', { file: file.name, detail: jsonErrorText(err, source) })));
    return undefined;
  }
  const problems = formProblems(schema);
  if (problems.length) {
    errors.push(...problems.map((p) => entry({ element: p.element }, text('deploy.in-file', { file: file.name, message: p.text ?? p.message }))));
    return undefined;
  }
  const s = schema as Record<string, unknown>;
  if (typeof s.id !== 'string' || !s.id) {
    errors.push(entry({ element: file.name }, text('form-schema.no-form-id', { file: file.name })));
    return undefined;
  }
  return { file: file.name, formId: s.id, schema: s, checksum: sha256(JSON.stringify(s)) };
}

interface ParsedTemplate { name: string; content: Buffer; checksum: string }

/** A .docx letter template: a plain file name, a bounded zip (no bomb), a template that compiles (each bad tag named). */
async function parseTemplate(file: UploadedFile, errors: ErrorItem[]): Promise<ParsedTemplate | undefined> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.docx$/i.test(file.name)) {
    errors.push(entry({ element: file.name }, text('deploy.template-name', { file: file.name })));
    return undefined;
  }
  try {
    await checkTemplate(await openTemplate(file.content, file.name), file.name);
  } catch (err) {
    if (!(err instanceof TemplateProblem)) throw err;
    // Each problem in the reader's language (catalog/templates.ts), naming the tag the analyst looks for.
    errors.push(...err.issues.map((i) => entry({ element: file.name }, text('deploy.template-refused', { file: file.name, problem: issueText(i) }))));
    return undefined;
  }
  return { name: file.name, content: file.content, checksum: createHash('sha256').update(file.content).digest('hex') };
}

async function compileAll(files: UploadedFile[], known: string[], errors: ErrorItem[], limits: ModelLimits, compile: BpmnCompiler = compileBpmn): Promise<ParsedBpmn[]> {
  const attempt = async (extra: string[]) => Promise.all(files.map(async (f) => ({ f, result: await compile(f.content, { knownProcesses: [...known, ...extra], limits }) })));
  let results = await attempt([]);
  // A call activity may name a process deployed in another file of the same upload.
  const ids = results.flatMap(({ result }) => (result.ok ? result.definitions.processes.map((p) => p.id) : []));
  if (results.some(({ result }) => !result.ok) && ids.length) results = await attempt(ids);
  const parsed: ParsedBpmn[] = [];
  for (const { f, result } of results) {
    if (!result.ok) {
      // `key`: the finding's catalog key, so the designer lists a finding its live lint also made once;
      // `detail`: what it says without naming the element, for the note on the element itself.
      errors.push(...result.errors.map((e) => inFile({ element: e.element ?? f.name, message: e.message, text: e.text, ...(e.text ? { key: problemKey(e) } : {}), ...(problemDetail(e) ? { detail: problemDetail(e) } : {}) }, f.name, files.length > 1)));
    } else {
      const xml = f.content.toString('utf8');
      // Only warnings with catalog text: the reader's remarks are moddle's English, for logs.
      const warnings = result.warnings.filter((w) => w.text).map((w) => ({ ...inFile({ element: w.element ?? f.name, message: w.message, text: w.text }, f.name, files.length > 1), key: problemKey(w) }) as DeployWarning);
      parsed.push({ file: f.name, xml, checksum: sha256(xml), models: result.definitions.processes, warnings });
    }
  }
  return parsed;
}

/** A problem of `file`; when the deployment has several .bpmn files it says which, in both languages. */
function inFile(problem: ErrorItem, file: string, several: boolean): ErrorItem {
  const { text: said, ...rest } = problem;
  if (!several) return said ? { ...rest, text: said } : rest;
  return { ...rest, message: `${file}: ${problem.message}`, ...(said ? { text: text('deploy.in-file', { file, message: said }) } : {}) };
}

/** The .bpmn files of a deployment compiled, with the problems found. */
export interface CompiledFiles { bpmn: ParsedBpmn[]; errors: ErrorItem[] }

/**
 * Compiles the .bpmn files of `files` (the processes the tenant has, read through `db`, may be
 * called). Engine.deploy does this before the deployment's transaction: parsing costs the
 * file's size (half a second for a 10,000-branch gateway) and must not hold a connection the
 * whole time — PGlite has only one, so every tenant's request waited for it.
 */
export async function compileFiles(db: Db, deps: EngineDeps, tenant: string, files: UploadedFile[]): Promise<CompiledFiles> {
  const errors: ErrorItem[] = [];
  const budgets = { ...DEFAULT_BUDGETS, ...deps.budgets };
  const bpmn = await compileAll(files.filter((f) => /\.bpmn$/i.test(f.name)), await distinctProcessKeys(db, tenant), errors, { maxElements: budgets.maxElements, maxFlowsPerElement: budgets.maxFlowsPerElement }, deps.compiler);
  return { bpmn, errors };
}

export async function deploy(cx: CommandContext, tenant: string, user: string | null, files: UploadedFile[], compiled?: CompiledFiles): Promise<DeployResult> {
  const errors: ErrorItem[] = [];
  if (files.length === 0) throw new InvalidInput(text('deploy.no-files'));
  const bpmnFiles = files.filter((f) => /\.bpmn$/i.test(f.name));
  const formFiles = files.filter((f) => /\.form$/i.test(f.name));
  const docxFiles = files.filter((f) => /\.docx$/i.test(f.name));
  for (const f of files) if (!bpmnFiles.includes(f) && !formFiles.includes(f) && !docxFiles.includes(f)) errors.push(entry({ element: f.name }, text('deploy.wrong-file', { file: f.name })));
  const forms = formFiles.map((f) => parseForm(f, errors)).filter((f): f is ParsedForm => !!f);
  const templates: ParsedTemplate[] = [];
  for (const f of docxFiles) {
    const parsed = await parseTemplate(f, errors);
    if (parsed) templates.push(parsed);
  }
  await cx.uow.db.raw('select pg_advisory_xact_lock(hashtext(?))', [`alur-deploy:${tenant}`]);
  const { bpmn, errors: bpmnErrors } = compiled ?? await compileFiles(cx.uow.db, cx.deps, tenant, files);
  errors.push(...bpmnErrors);
  // A start timer is scheduled at deployment; one that cannot be computed then would never fire.
  for (const file of bpmn) {
    for (const model of file.models) {
      const problems = [...startTimerProblems(model, cx.uow.now, cx.deps.feel), ...cycleMinimumProblems(model, minCycleMs(cx.deps), cx.uow.now, cx.deps.feel)];
      errors.push(...problems.map((p) => inFile(p, file.file, bpmnFiles.length > 1)));
    }
  }
  if (errors.length) throw new InvalidInput(text('deploy.rejected', { count: errors.length }), errors);

  const deploymentId = randomUUID();
  let created = false;
  const ensureDeployment = async () => {
    if (!created) await insertDeployment(cx.uow.db, { id: deploymentId, tenant_id: tenant, deployed_by: user, created_at: cx.uow.now });
    created = true;
  };
  const result: DeployResult = { id: deploymentId, created: false, processes: [], forms: [], templates: [], warnings: [] };
  let existingDeployment: string | undefined;
  for (const form of forms) {
    const latest = await latestForm(cx.uow.db, tenant, form.formId);
    if (latest && latest.checksum === form.checksum) {
      existingDeployment ??= latest.deployment_id;
      result.forms.push({ id: latest.id, formId: latest.form_id, version: latest.version });
      continue;
    }
    await ensureDeployment();
    const row = { id: randomUUID(), tenant_id: tenant, deployment_id: deploymentId, form_id: form.formId, version: (latest?.version ?? 0) + 1, schema: form.schema, checksum: form.checksum, deployed_at: cx.uow.now };
    await insertForm(cx.uow.db, row);
    result.forms.push({ id: row.id, formId: row.form_id, version: row.version });
  }
  for (const template of templates) {
    const latest = await latestTemplate(cx.uow.db, tenant, template.name);
    if (latest && latest.checksum === template.checksum) {
      existingDeployment ??= latest.deployment_id;
      result.templates.push({ id: latest.id, name: latest.name, version: latest.version });
      continue;
    }
    await ensureDeployment();
    const row = { id: randomUUID(), tenant_id: tenant, deployment_id: deploymentId, name: template.name, version: (latest?.version ?? 0) + 1, content: template.content, checksum: template.checksum, deployed_at: cx.uow.now };
    await insertTemplate(cx.uow.db, row);
    result.templates.push({ id: row.id, name: row.name, version: row.version });
  }
  for (const file of bpmn) {
    for (const model of file.models) {
      const latest = await latestDefinition(cx.uow.db, tenant, model.id);
      if (latest && latest.checksum === file.checksum) {
        existingDeployment ??= latest.deployment_id;
        result.processes.push({ id: latest.id, key: latest.key, version: latest.version, name: latest.name });
        continue;
      }
      await ensureDeployment();
      const row: DefinitionRow = {
        id: randomUUID(), tenant_id: tenant, deployment_id: deploymentId, key: model.id, version: (latest?.version ?? 0) + 1, name: model.name ?? null,
        resource_name: file.file, xml: file.xml, checksum: file.checksum, model, deployed_at: cx.uow.now,
      };
      await insertDefinition(cx.uow.db, row);
      cx.deps.models.put(row.id, model);
      await scheduleStartTimers(cx, row, latest);
      result.processes.push({ id: row.id, key: row.key, version: row.version, name: row.name });
    }
  }
  result.created = created;
  if (!created && existingDeployment) result.id = existingDeployment;
  // The compiler's warnings and the tenant's (candidate groups), each once: the designer lists them beside its live lint by key and element.
  const all = [...bpmn.flatMap((f) => f.warnings), ...await candidateGroupWarnings(cx.uow.db, tenant, bpmn.flatMap((f) => f.models))];
  const seen = new Set<string>();
  result.warnings = all.filter((w) => {
    const id = `${w.key ?? ''}\u0000${w.element}\u0000${w.message}`;
    return !seen.has(id) && (seen.add(id), true);
  });
  return result;
}
