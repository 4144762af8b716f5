/**
 * Validating a pack as a whole, before anything is deployed: the manifest (schema), checksums,
 * signature, every BPMN compiles, every form is valid, every role and connector the processes use
 * is declared, every form a task names is in the pack, every process is described, every scenario
 * parses and names declared roles. Collects all problems, each naming its file (and element), and
 * throws them together; on success returns what an import needs.
 */
import { compileBpmn } from '../bpmn/compile.js';
import type { ProcessModel } from '../core/model.js';
import { validateFormSchema } from '../forms/validate-form-schema.js';
import { checkTemplate, openTemplate, TemplateProblem } from '../letters/render.js';
import { checksumProblems } from './checksums.js';
import { MANIFEST, SIGNATURE, type PackFiles } from './files.js';
import { parseManifest, type PackManifest } from './manifest.js';
import { PackError, packProblem, type PackProblem } from './problems.js';
import { jsonErrorText, text, type Text } from '../messages/index.js';
import { roleUses } from './roles.js';
import { parseScenario, scenarioRoles, type Scenario } from './scenarios/format.js';
import { verifyPackSignature, type SignatureStatus, type TrustedKey } from './signature.js';

export interface ValidateOptions {
  /** Publisher keys the importing tenant trusts; none = signatures are not required. */
  trustedKeys?: TrustedKey[];
}

export interface ValidatedPack {
  pack: PackFiles;
  manifest: PackManifest;
  signature: SignatureStatus;
  /** Compiled processes by id, with the file they came from. */
  processes: { id: string; file: string; model: ProcessModel }[];
  forms: { formId: string; file: string }[];
  scenarios: { file: string; scenario: Scenario }[];
  /** Role keys named literally in the BPMN files. */
  rolesUsed: string[];
  /** Service-task types the processes use. */
  connectorsUsed: string[];
  warnings: PackProblem[];
}

export async function validatePack(pack: PackFiles, opts: ValidateOptions = {}): Promise<ValidatedPack> {
  const manifest = parseManifest(pack.files.get(MANIFEST));
  const problems: PackProblem[] = checksumProblems(pack, manifest);
  const warnings: PackProblem[] = [];
  let signature: SignatureStatus = 'unsigned';
  try {
    signature = verifyPackSignature(manifest, pack.files.get(SIGNATURE), opts.trustedKeys ?? []);
  } catch (err) {
    if (!(err instanceof PackError)) throw err;
    problems.push(...err.problems);
  }
  // Nothing in a file whose bytes are not the listed ones is worth compiling.
  if (problems.length > 0) throw new PackError(problems);

  const declaredProcesses = manifest.processes.map((p) => p.id);
  const processes: ValidatedPack['processes'] = [];
  const rolesUsed = new Map<string, string[]>();
  const connectorsUsed = new Map<string, string[]>();
  const formRefs: { file: string; element: string; formId: string }[] = [];
  for (const { path } of manifest.files.bpmn) {
    const bytes = pack.files.get(path)!;
    const result = await compileBpmn(bytes, { knownProcesses: declaredProcesses });
    // A rule's finding keeps its catalog text, so the report reads in the reader's language.
    warnings.push(...result.warnings.map((w) => ({ file: path, element: w.element, message: w.message, text: (w as { text?: Text }).text })));
    if (!result.ok) {
      problems.push(...result.errors.map((e) => ({ file: path, element: e.element, message: e.message, text: e.text })));
      continue;
    }
    for (const model of result.definitions.processes) {
      processes.push({ id: model.id, file: path, model });
      if (model.startFormId) formRefs.push({ file: path, element: model.noneStart ?? model.id, formId: model.startFormId });
      for (const el of Object.values(model.elements)) {
        if (el.userTask?.formId) formRefs.push({ file: path, element: el.id, formId: el.userTask.formId });
        const type = el.job && 'value' in el.job.type ? String(el.job.type.value) : undefined;
        if (el.job) warnings.push(...personalDataInJob(path, el));
        if (type) connectorsUsed.set(type, [...(connectorsUsed.get(type) ?? []), `${path}#${el.id}`]);
      }
    }
    for (const use of await roleUses(bytes.toString('utf8'), path)) {
      for (const key of use.keys) rolesUsed.set(key, [...(rolesUsed.get(key) ?? []), `${path}#${use.element}`]);
    }
  }

  const forms: ValidatedPack['forms'] = [];
  for (const { path } of manifest.files.forms) {
    let schema: any;
    const source = pack.files.get(path)!.toString('utf8');
    try {
      schema = JSON.parse(source);
    } catch (err) {
      problems.push(packProblem(path, undefined, text('pack.not-json', { detail: jsonErrorText(err, source) })));
      continue;
    }
    const formProblems = validateFormSchema(schema);
    problems.push(...formProblems.map((p) => packProblem(path, p.element, p.text)));
    if (typeof schema?.id !== 'string' || !schema.id) problems.push(packProblem(path, undefined, text('pack.form-no-id')));
    else if (forms.some((f) => f.formId === schema.id)) problems.push(packProblem(path, undefined, text('pack.form-id-taken', { formId: schema.id })));
    else if (formProblems.length === 0) forms.push({ formId: schema.id, file: path });
  }

  // Letter templates: the same checks a deployment makes (a bounded zip, a template that compiles).
  for (const { path } of manifest.files.templates ?? []) {
    const name = path.split('/').pop()!;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.docx$/i.test(name)) problems.push(packProblem(path, undefined, text('pack.template-name')));
    try {
      await checkTemplate(await openTemplate(pack.files.get(path)!, name), name);
    } catch (err) {
      if (!(err instanceof TemplateProblem)) throw err;
      problems.push(...err.issues.map((i) => ({ file: path, element: i.tag ?? undefined, message: i.message, text: i.text })));
    }
  }

  problems.push(...crossChecks(manifest, processes, forms, formRefs, rolesUsed, connectorsUsed, warnings));

  const scenarios: ValidatedPack['scenarios'] = [];
  const roleKeys = new Set(manifest.roles.map((r) => r.key));
  for (const { path } of manifest.files.scenarios) {
    const parsed = parseScenario(pack.files.get(path)!, path);
    problems.push(...parsed.problems);
    if (!parsed.scenario) continue;
    if (!declaredProcesses.includes(parsed.scenario.process)) problems.push(packProblem(path, 'process', text('pack.scenario-process-missing', { process: parsed.scenario.process })));
    for (const role of scenarioRoles(parsed.scenario)) {
      if (!roleKeys.has(role)) problems.push(packProblem(path, undefined, text('pack.scenario-role-undeclared', { role })));
    }
    scenarios.push({ file: path, scenario: parsed.scenario });
  }

  if (problems.length > 0) throw new PackError(problems);
  return { pack, manifest, signature, processes, forms, scenarios, rolesUsed: [...rolesUsed.keys()].sort(), connectorsUsed: [...connectorsUsed.keys()].sort(), warnings };
}

/** Names of variables that hold personal data; jobs should carry ids instead (DESIGN.md). */
const PERSONAL = /(?<![\w.])(nik|nip|nama\w*|alamat\w*|telepon\w*|no_?hp|email|tanggalLahir|tempatLahir)(?![\w])/i;

function personalDataInJob(file: string, el: ProcessModel['elements'][string]): PackProblem[] {
  const sources = [
    ...(el.inputs ?? []).map((m) => ('feel' in m.source ? m.source.feel : '')),
    ...Object.values(el.job?.headers ?? {}).filter((h) => h.startsWith('=')),
  ];
  const hit = sources.map((s) => PERSONAL.exec(s)?.[1]).find(Boolean);
  return hit ? [packProblem(file, el.id, text('pack.personal-data-job', { variable: hit }))] : [];
}

function crossChecks(
  manifest: PackManifest,
  processes: ValidatedPack['processes'],
  forms: ValidatedPack['forms'],
  formRefs: { file: string; element: string; formId: string }[],
  rolesUsed: Map<string, string[]>,
  connectorsUsed: Map<string, string[]>,
  warnings: PackProblem[],
): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const p of manifest.processes) {
    const found = processes.find((c) => c.id === p.id);
    if (!found && !processes.some((c) => c.file === p.file)) continue; // the file's own errors say why
    if (!found) problems.push(packProblem(MANIFEST, p.id, text('pack.process-not-in-file', { process: p.id, file: p.file })));
    else if (found.file !== p.file) problems.push(packProblem(MANIFEST, p.id, text('pack.process-in-other-file', { process: p.id, found: found.file, file: p.file })));
  }
  for (const c of processes) {
    if (!manifest.processes.some((p) => p.id === c.id)) problems.push(packProblem(c.file, c.id, text('pack.process-undescribed', { process: c.id })));
  }
  const formIds = new Set(forms.map((f) => f.formId));
  for (const ref of formRefs) {
    if (!formIds.has(ref.formId)) problems.push(packProblem(ref.file, ref.element, text('pack.form-missing', { formId: ref.formId })));
  }
  const roleKeys = new Set(manifest.roles.map((r) => r.key));
  for (const [key, where] of rolesUsed) {
    if (!roleKeys.has(key)) problems.push(packProblem(where[0].split('#')[0], where[0].split('#')[1], text('pack.role-undeclared', { role: key })));
  }
  const connectorTypes = new Set(manifest.connectors.map((c) => c.type));
  for (const [type, where] of connectorsUsed) {
    if (!connectorTypes.has(type)) problems.push(packProblem(where[0].split('#')[0], where[0].split('#')[1], text('pack.connector-undeclared', { type })));
  }
  for (const type of connectorTypes) {
    if (!connectorsUsed.has(type)) warnings.push(packProblem(MANIFEST, type, text('pack.connector-unused', { type })));
  }
  return problems;
}
