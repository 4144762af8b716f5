/**
 * bpmn-moddle with the Camunda 8 (zeebe) and Alur descriptors, and the small typed view of moddle
 * elements the compiler and the rules use. Only text that passed read-xml.ts reaches this module.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import alur from './alur.json' with { type: 'json' };
import { finding, type Problem, type Warning } from './problems.js';
import { text as message } from '../messages/index.js';

/** A moddle element: typed properties by name plus moddle's meta helpers. */
export interface Node {
  $type: string;
  id?: string;
  name?: string;
  $parent?: Node;
  $attrs?: Record<string, string>;
  $descriptor: { propertiesByName: Record<string, { type: string; isMany?: boolean; isReference?: boolean }> };
  $instanceOf(type: string): boolean;
  [property: string]: any;
}

export interface ParsedDefinitions {
  definitions: Node;
  elementsById: Record<string, Node>;
  /** Unresolvable or wrongly typed references (an error when compiling, a warning when importing). */
  referenceProblems: Problem[];
  warnings: Warning[];
}

/** Data types are often named by external QNames (`xsd:string`) that no element declares. */
const LENIENT_REFERENCE_TYPES = new Set(['bpmn:ItemDefinition']);

let shared: BpmnModdle | undefined;
export function moddle(): BpmnModdle {
  shared ??= new BpmnModdle({ zeebe, alur } as any);
  return shared;
}

/** Parses well-formed BPMN text into moddle elements; never throws for content problems. */
export async function parseDefinitions(text: string): Promise<{ ok: true; parsed: ParsedDefinitions } | { ok: false; errors: Problem[] }> {
  let result: any;
  try {
    result = await moddle().fromXML(text, 'bpmn:Definitions');
  } catch (err) {
    return { ok: false, errors: [finding(message('xml.not-bpmn', { detail: (err as Error).message }))] };
  }
  const elementsById: Record<string, Node> = result.elementsById ?? {};
  const warnings: Warning[] = [];
  for (const w of result.warnings ?? []) {
    const message = String(w.message ?? w).split('\n')[0];
    // The reader already decoded the text; moddle's encoding remark and the reference
    // messages (re-checked below with types) would only repeat what is known.
    if (/^unsupported document encoding|^unresolved reference/.test(message)) continue;
    warnings.push({ element: w.element?.id, message: describeWarning(message) });
  }
  const referenceProblems: Problem[] = [];
  for (const p of checkReferences(result.references ?? [], elementsById)) {
    if (p.lenient) warnings.push({ element: p.element, message: p.message });
    else referenceProblems.push({ element: p.element, message: p.message, text: p.text });
  }
  return { ok: true, parsed: { definitions: result.rootElement, elementsById, referenceProblems, warnings } };
}

function describeWarning(message: string): string {
  const unparsable = /^unparsable content <([^>]+)> detected/.exec(message);
  if (unparsable) return `unknown element <${unparsable[1]}> ignored`;
  const unknown = /^unknown type <([^>]+)>/.exec(message);
  if (unknown) return `unknown element <${unknown[1]}> ignored`;
  return message;
}

/** Every reference must point at an existing element of the type the property declares. */
function checkReferences(references: { element: Node; property: string; id: string }[], byId: Record<string, Node>): (Problem & { lenient?: boolean })[] {
  const problems: (Problem & { lenient?: boolean })[] = [];
  for (const ref of references) {
    const owner = ref.element;
    // Diagram interchange is layout only; tools disagree on what its edges point at.
    if (/^(bpmndi|di|dc):/.test(owner.$type)) continue;
    const holder = nearestId(owner);
    const property = owner.$descriptor?.propertiesByName?.[ref.property];
    const target = byId[ref.id];
    const local = ref.property.replace(/^\w+:/, '');
    const where = { owner: owner.$type, holder: holder ?? '', property: local, target: ref.id };
    if (!target) {
      problems.push({ ...finding(message('bpmn.reference-missing', where), { element: holder }), lenient: LENIENT_REFERENCE_TYPES.has(property?.type ?? '') });
    } else if (property?.type && !target.$instanceOf(property.type)) {
      problems.push(finding(message('bpmn.reference-type', { ...where, found: target.$type, expected: property.type }), { element: holder }));
    }
  }
  return problems;
}

function nearestId(node: Node | undefined): string | undefined {
  for (let n = node; n; n = n.$parent) if (n.id) return n.id;
  return undefined;
}
