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
import { PackError, type PackProblem } from './problems.js';
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
    warnings.push(...result.warnings.map((w) => ({ file: path, element: w.element, message: w.message })));
    if (!result.ok) {
      problems.push(...result.errors.map((e) => ({ file: path, element: e.element, message: e.message })));
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
    try {
      schema = JSON.parse(pack.files.get(path)!.toString('utf8'));
    } catch (err) {
      problems.push({ file: path, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    const formProblems = validateFormSchema(schema);
    problems.push(...formProblems.map((p) => ({ file: path, element: p.element, message: p.message })));
    if (typeof schema?.id !== 'string' || !schema.id) problems.push({ file: path, message: 'the form has no "id" (the formId tasks refer to)' });
    else if (forms.some((f) => f.formId === schema.id)) problems.push({ file: path, message: `form id "${schema.id}" is used by another form of the pack` });
    else if (formProblems.length === 0) forms.push({ formId: schema.id, file: path });
  }

  // Letter templates: the same checks a deployment makes (a bounded zip, a template that compiles).
  for (const { path } of manifest.files.templates ?? []) {
    const name = path.split('/').pop()!;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.docx$/i.test(name)) problems.push({ file: path, message: 'a template\'s file name is letters, digits, dots and dashes, ending in .docx' });
    try {
      await checkTemplate(await openTemplate(pack.files.get(path)!, name), name);
    } catch (err) {
      if (!(err instanceof TemplateProblem)) throw err;
      problems.push(...err.issues.map((i) => ({ file: path, element: i.tag ?? undefined, message: i.message })));
    }
  }

  problems.push(...crossChecks(manifest, processes, forms, formRefs, rolesUsed, connectorsUsed, warnings));

  const scenarios: ValidatedPack['scenarios'] = [];
  const roleKeys = new Set(manifest.roles.map((r) => r.key));
  for (const { path } of manifest.files.scenarios) {
    const parsed = parseScenario(pack.files.get(path)!, path);
    problems.push(...parsed.problems);
    if (!parsed.scenario) continue;
    if (!declaredProcesses.includes(parsed.scenario.process)) problems.push({ file: path, element: 'process', message: `process "${parsed.scenario.process}" is not in the pack` });
    for (const role of scenarioRoles(parsed.scenario)) {
      if (!roleKeys.has(role)) problems.push({ file: path, message: `role "${role}" is not declared in pack.json` });
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
  return hit ? [{ file, element: el.id, message: `service task passes "${hit}" to its job; jobs should carry ids, not personal data` }] : [];
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
    if (!found) problems.push({ file: MANIFEST, element: p.id, message: `process "${p.id}" is not in ${p.file}` });
    else if (found.file !== p.file) problems.push({ file: MANIFEST, element: p.id, message: `process "${p.id}" is in ${found.file}, not ${p.file}` });
  }
  for (const c of processes) {
    if (!manifest.processes.some((p) => p.id === c.id)) problems.push({ file: c.file, element: c.id, message: `process "${c.id}" is not described in pack.json (processes[] with its standar pelayanan)` });
  }
  const formIds = new Set(forms.map((f) => f.formId));
  for (const ref of formRefs) {
    if (!formIds.has(ref.formId)) problems.push({ file: ref.file, element: ref.element, message: `form "${ref.formId}" is not in the pack` });
  }
  const roleKeys = new Set(manifest.roles.map((r) => r.key));
  for (const [key, where] of rolesUsed) {
    if (!roleKeys.has(key)) problems.push({ file: where[0].split('#')[0], element: where[0].split('#')[1], message: `role "${key}" is used as a candidate but not declared in pack.json roles` });
  }
  const connectorTypes = new Set(manifest.connectors.map((c) => c.type));
  for (const [type, where] of connectorsUsed) {
    if (!connectorTypes.has(type)) problems.push({ file: where[0].split('#')[0], element: where[0].split('#')[1], message: `service task type "${type}" is not declared in pack.json connectors` });
  }
  for (const type of connectorTypes) {
    if (!connectorsUsed.has(type)) warnings.push({ file: MANIFEST, element: type, message: `connector "${type}" is declared but no service task uses it` });
  }
  return problems;
}
