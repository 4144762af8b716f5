/**
 * BPMN 2.0 XML (Camunda 8 dialect) → the immutable executable model the core runs. Collects every
 * problem it finds, with element ids, before failing: a deployment either gets a complete model or
 * the full list of what to fix — never a model that fails at run time on something we knew about.
 */
import type { CompiledDefinitions } from '../core/model.js';
import { loadBpmn } from './load.js';
import { mapProcess } from './map/process.js';
import { finding, type Problem, type Warning } from './problems.js';
import { text } from '../messages/index.js';
import type { ExpressionRole, Node, RuleContext } from './rules/util.js';
import { validate } from './validate.js';
import { limitProblems, type ModelLimits } from './limits.js';

export interface CompileOptions {
  /** Input size limit in bytes (default 5 MiB). */
  maxBytes?: number;
  /** Process ids deployable elsewhere, so call activities may name them. */
  knownProcesses?: string[];
  /** When set, a script task without zeebe:script becomes a job of this type (header `script` = its text). */
  scriptJobType?: string;
  /** Rewrites expressions before they are checked as FEEL (e.g. a test adapter's dialect). */
  translateExpression?: (text: string, where: ExpressionRole) => string;
  /** Only processes with isExecutable="true" compile (default true). */
  requireExecutable?: boolean;
  /** Size limits (README, "Budgets"), checked before the rules run; unset, none. */
  limits?: ModelLimits;
}

export type CompileResult =
  | { ok: true; definitions: CompiledDefinitions; warnings: Warning[] }
  | { ok: false; errors: Problem[]; warnings: Warning[] };

export async function compileBpmn(xml: string | Uint8Array, opts: CompileOptions = {}): Promise<CompileResult> {
  const loaded = await loadBpmn(xml, { maxBytes: opts.maxBytes });
  if (!loaded.ok) return { ok: false, errors: loaded.errors, warnings: [] };
  const { definitions, referenceProblems, warnings } = loaded.parsed;
  const all = ((definitions.rootElements ?? []) as Node[]).filter((e) => e.$type === 'bpmn:Process');
  const requireExecutable = opts.requireExecutable ?? true;
  const processes = requireExecutable ? all.filter((p) => p.isExecutable === true) : all;
  for (const p of all) {
    if (!processes.includes(p)) warnings.push(finding(text('bpmn.not-executable-skipped', { process: p.name ? `“${p.name}”` : p.id }), { element: p.id }));
  }
  const ctx: RuleContext = {
    knownProcesses: opts.knownProcesses ?? [],
    scriptJobType: opts.scriptJobType,
    translate: safeTranslator(opts.translateExpression),
    processes,
  };
  const errors: Problem[] = [...loaded.strictProblems, ...referenceProblems];
  if (processes.length === 0) {
    errors.push(finding(text(requireExecutable ? 'bpmn.no-executable-process' : 'bpmn.no-process')));
  }
  // An element in no namespace or misplaced in the BPMN namespace would be silently dropped.
  for (const w of warnings) {
    const unknown = /^unknown element <(.+)>/.exec(w.message);
    if (unknown) errors.push(finding(text('bpmn.unknown-element', { tag: unknown[1] }), { element: w.element }));
  }
  // A 10,000-branch gateway took the rules 12 s: refuse what is over the limits before they run.
  const overLimits = limitProblems(processes, opts.limits);
  if (overLimits.length > 0) return { ok: false, errors: [...errors, ...overLimits], warnings };
  const findings = validate(definitions, ctx);
  errors.push(...findings.errors);
  // A rule's warning keeps its catalog text, so it reads in the reader's language like an error.
  warnings.push(...findings.warnings.map((w) => ({ element: w.element, message: w.message, text: w.text })));
  if (errors.length > 0) return { ok: false, errors: dedupe(errors), warnings };
  // The compiled model is plain data (stored, sent to threads): its warnings keep their English only.
  const compiled: CompiledDefinitions = { processes: processes.map((p) => deepFreeze(mapProcess(p, ctx))), warnings: warnings.map((w) => ({ element: w.element, message: w.message })) };
  return { ok: true, definitions: deepFreeze(compiled), warnings };
}

/** A throwing translator must not crash the deployment: the text is then checked as it is. */
function safeTranslator(translate: CompileOptions['translateExpression']): RuleContext['translate'] {
  if (!translate) return (text) => text;
  return (text, where) => {
    try {
      return translate(text, where);
    } catch {
      return text;
    }
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.element ?? ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}
