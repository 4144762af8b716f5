/**
 * Reading (not executing) any well-formed BPMN — pools, lanes, isExecutable="false", other tools'
 * extensions — and the MIWG flow graph used to compare an import with its reference model.
 * The reader is as safe as the compiler's (size, encoding, no DOCTYPE, strict XML); it is only
 * lenient about content: broken references become warnings.
 */
import { loadBpmn } from './load.js';
import type { Node } from './moddle.js';
import type { Problem, Warning } from './problems.js';
import type { ReadOptions } from './read-xml.js';
import { localType } from './rules/util.js';

export type ImportResult =
  | { ok: true; definitions: Node; warnings: Warning[] }
  | { ok: false; errors: Problem[]; warnings: Warning[] };

export async function importBpmn(xml: string | Uint8Array, opts: ReadOptions = {}): Promise<ImportResult> {
  const loaded = await loadBpmn(xml, opts);
  if (!loaded.ok) return { ok: false, errors: loaded.errors, warnings: [] };
  const { definitions, referenceProblems, warnings } = loaded.parsed;
  const demoted = [...loaded.strictProblems, ...referenceProblems].map((p) => ({ element: p.element, message: p.message }));
  return { ok: true, definitions, warnings: [...demoted, ...warnings] };
}

/**
 * The multiset of sequence flows as `"<sourceType>:<name> -> <targetType>:<name>"` (names
 * whitespace-collapsed, trimmed, lower-cased; a missing end is `?:`), with multiplicities.
 */
export function flowGraph(definitions: Node): Record<string, number> {
  const graph: Record<string, number> = {};
  const visit = (container: Node) => {
    for (const element of (container.flowElements ?? []) as Node[]) {
      if (element.$type === 'bpmn:SequenceFlow') {
        const key = `${end(element.sourceRef)} -> ${end(element.targetRef)}`;
        graph[key] = (graph[key] ?? 0) + 1;
      }
      if (element.flowElements) visit(element);
    }
  };
  for (const root of (definitions.rootElements ?? []) as Node[]) visit(root);
  return graph;
}

function end(node: Node | undefined): string {
  if (!node) return '?:';
  return `${localType(node)}:${normaliseName(node.name)}`;
}

export function normaliseName(name: unknown): string {
  return typeof name === 'string' ? name.replace(/\s+/g, ' ').trim().toLowerCase() : '';
}
