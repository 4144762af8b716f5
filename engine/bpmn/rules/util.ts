/**
 * Helpers over moddle elements shared by the validation rules and the compiler. Browser-safe:
 * no Node built-ins, so the designer can bundle the rules.
 */
import type { Node } from '../moddle.js';
import type { Problem } from '../problems.js';
import { phrase, text, type Param, type Text } from '../../messages/index.js';
import { catalog, type MessageKey } from '../../messages/catalog/index.js';

export type { Node, Problem };

/** The expression roles a translator may rewrite (betsy's pseudo-Java → FEEL). */
export type ExpressionRole = 'condition' | 'loopCondition' | 'loopCardinality' | 'completionCondition' | 'timer';

export interface RuleContext {
  /** Process ids deployable elsewhere, for call activities. */
  knownProcesses: string[];
  /** When set, script tasks without zeebe:script become jobs of this type. */
  scriptJobType?: string;
  translate: (text: string, where: ExpressionRole) => string;
  /** The processes being compiled (executable ones, unless requireExecutable is off). */
  processes: Node[];
}

export interface Rule {
  name: string;
  description: string;
  /** 'warning' findings never block a deployment (default 'error'). */
  severity?: 'error' | 'warning';
  check(definitions: Node, ctx: RuleContext): Problem[];
}

/** The local name of a moddle type: `bpmn:StartEvent` → `startEvent`. */
export function localType(node: Node): string {
  const local = node.$type.replace(/^\w+:/, '');
  return local.charAt(0).toLowerCase() + local.slice(1);
}

export function is(node: Node | undefined, type: string): boolean {
  return !!node && typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

/** Every flow element of a container, depth-first through subprocesses, with its container. */
export function flowElements(container: Node): { node: Node; scope: Node }[] {
  const out: { node: Node; scope: Node }[] = [];
  const visit = (scope: Node) => {
    for (const node of (scope.flowElements ?? []) as Node[]) {
      out.push({ node, scope });
      if (is(node, 'bpmn:SubProcess')) visit(node);
    }
  };
  visit(container);
  return out;
}

/** All flow elements of all processes in the context. */
export function allFlowElements(ctx: RuleContext): { node: Node; scope: Node; process: Node }[] {
  return ctx.processes.flatMap((process) => flowElements(process).map((e) => ({ ...e, process })));
}

/** The first extension element of a type (`zeebe:TaskDefinition`) on a node. */
export function extension(node: Node | undefined, type: string): Node | undefined {
  const values = (node?.extensionElements?.values ?? []) as Node[];
  return values.find((v) => v.$type === type || is(v, type));
}

export function extensions(node: Node | undefined, type: string): Node[] {
  const values = (node?.extensionElements?.values ?? []) as Node[];
  return values.filter((v) => v.$type === type || is(v, type));
}

/** An event's definitions, inline ones first, then those referenced by eventDefinitionRef. */
export function eventDefinitions(event: Node): Node[] {
  return [...((event.eventDefinitions ?? []) as Node[]), ...((event.eventDefinitionRef ?? []) as Node[])];
}

/** Text of a formal expression (or undefined when absent or blank). */
export function bodyOf(expression: Node | undefined): string | undefined {
  const body = expression?.body;
  return typeof body === 'string' && body.trim() !== '' ? body.trim() : undefined;
}

/** `text` without the FEEL `=` marker, or undefined when `text` is not FEEL. */
export function feelOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1).trim() : undefined;
}

/**
 * A rule's finding about `node`. `message` is English for logs and the designer's live lint
 * ("userTask Periksa: assignee is empty"); a catalog text also goes to the reader in their
 * language, naming the element by its name ("Tugas pengguna “Periksa berkas”: penerima tugas kosong").
 */
export function problem(node: Node | undefined, message: Text): Problem {
  const id = node?.id;
  const english = phrase(message, 'en');
  // Only catalog text here (a plain string is a type error): every finding reaches the reader in their language.
  return { element: id, message: id ? `${localType(node as Node)} ${id}: ${english}` : english, text: node ? text('bpmn.at', { type: elementType(node), name: nameOf(node), message }) : message };
}

/**
 * A zeebe attribute as the properties panel labels it (`zeebe:AssignmentDefinition`,
 * `candidateGroups` → candidate groups / grup kandidat), from catalog/bpmn-attributes.ts; the
 * XML's own words only for an attribute that table does not have yet.
 */
export function attributeName(extensionType: string, attribute: string): Param {
  const local = extensionType.replace(/^\w+:/, '');
  const key = `attribute.${local.charAt(0).toLowerCase()}${local.slice(1)}.${attribute}`;
  return key in catalog ? text(key as MessageKey) : `${extensionType} ${attribute}`;
}

/** An element's kind as the reader says it (`element.userTask`: user task / tugas pengguna); the BPMN name when the catalog has none. */
export function elementType(node: Node): Param {
  const key = `element.${localType(node)}`;
  return key in catalog ? text(key as MessageKey) : localType(node);
}

/**
 * How a message names an element: its name in quotes; a nameless sequence flow by the elements it
 * joins (“Periksa berkas” → “Setujui?”; a message flow too, each end as describe() names it); otherwise its id, the only
 * handle it has. For a place where the kind is said beside it (`bpmn.at`'s "{type} {name}",
 * "gateway {gateway}"); elsewhere use describe(), which says the kind of a nameless element.
 */
export function nameOf(node: Node | undefined): string | Text {
  if (!node) return '?';
  const name = nameText(node);
  if (name) return `“${name}”`;
  if (joinsTwo(node)) return text('bpmn.flow-ends', { source: describe(node.sourceRef as Node), target: describe(node.targetRef as Node) });
  return String(node.id ?? '?');
}

/**
 * An element named where nothing beside it says what it is: as nameOf, but a nameless element
 * other than a sequence flow by its kind and id ("event mulai StartEvent_1"), the last resort.
 */
export function describe(node: Node | undefined): string | Text {
  if (!node || nameText(node) || joinsTwo(node)) return nameOf(node);
  return text('bpmn.unnamed-element', { type: elementType(node), id: String(node.id ?? '?') });
}

/** A sequence or message flow with both ends, which it is named by when it has no name. */
function joinsTwo(node: Node): boolean {
  return (is(node, 'bpmn:SequenceFlow') || is(node, 'bpmn:MessageFlow')) && !!node.sourceRef && !!node.targetRef;
}

function nameText(node: Node): string {
  return typeof node.name === 'string' ? node.name.replace(/\s+/g, ' ').trim() : '';
}

/** Every semantic moddle element contained in `root` (not following references or diagrams), depth-first. */
export function containedElements(root: Node): Node[] {
  const out: Node[] = [];
  const visit = (node: Node) => {
    if (node.$type.startsWith('bpmndi:')) return;
    out.push(node);
    const properties = node.$descriptor?.propertiesByName ?? {};
    for (const [name, value] of Object.entries(node)) {
      if (name.startsWith('$') || value === null || typeof value !== 'object') continue;
      if (properties[name]?.isReference) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof child.$type === 'string' && child.$parent === node) visit(child as Node);
      }
    }
  };
  visit(root);
  return out;
}
