/**
 * Event rules from BPMN 2.0 (§10.5) as far as Alur executes events: which event definitions each
 * event kind may carry, what every definition must reference, and sequence-flow limits of events.
 */
import { incomingFlows, outgoingFlows } from './gateways.js';
import { allFlowElements, bodyOf, describe, elementType, eventDefinitions, is, localType, problem, type Node, type Problem, type Rule } from './util.js';
import { text, type MessageKey, type Param } from '../../messages/index.js';
import { catalog } from '../../messages/catalog/index.js';

/** Allowed definitions per event kind ('' = none). */
const ALLOWED: Record<string, string[]> = {
  startEvent: ['', 'message', 'timer', 'signal', 'conditional'],
  eventSubProcessStart: ['message', 'timer', 'signal', 'conditional', 'error', 'escalation', 'compensate'],
  endEvent: ['', 'message', 'signal', 'error', 'escalation', 'terminate', 'compensate', 'cancel'],
  intermediateThrowEvent: ['', 'message', 'signal', 'escalation', 'link', 'compensate'],
  intermediateCatchEvent: ['message', 'timer', 'signal', 'link', 'conditional'],
  boundaryEvent: ['message', 'timer', 'signal', 'error', 'escalation', 'compensate', 'conditional', 'cancel'],
};

/** A definition's kind as the reader says it (`message`: pesan); a kind the catalog lacks as BPMN writes it. */
function kindText(kind: string): Param {
  const key = `event-kind.${kind}`;
  return key in catalog ? text(key as MessageKey) : kind;
}

export function definitionKind(def: Node | undefined): string {
  return def ? localType(def).replace(/EventDefinition$/, '') : '';
}

export const eventDefinitionsAllowed: Rule = {
  name: 'event-definitions',
  description: 'Each event kind carries only the event definitions BPMN allows for it, with their references.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:Event')) continue;
      const defs = eventDefinitions(node);
      const kind = definitionKind(defs[0]);
      const inEventSub = is(node, 'bpmn:StartEvent') && !!scope.triggeredByEvent;
      const allowed = ALLOWED[inEventSub ? 'eventSubProcessStart' : localType(node)] ?? [];
      if (defs.length <= 1 && !allowed.includes(kind)) {
        const event = inEventSub ? text('bpmn.event-sub-start') : elementType(node);
        problems.push(problem(node, kind === '' ? text('bpmn.event-needs-definition', { event }) : text('bpmn.event-definition-not-allowed', { kind: kindText(kind), event })));
      }
      if (is(node, 'bpmn:StartEvent') && !inEventSub && kind !== '' && is(scope, 'bpmn:SubProcess')) {
        problems.push(problem(node, text('bpmn.sub-start-none')));
      }
      if (is(node, 'bpmn:StartEvent') && node.isInterrupting === false && (!inEventSub || ['error', 'compensate'].includes(kind))) {
        problems.push(problem(node, inEventSub ? text('bpmn.start-always-interrupting', { kind: kindText(kind) }) : text('bpmn.non-interrupting-start')));
      }
      for (const def of defs) problems.push(...definitionReferences(node, def));
      for (const ref of (node.eventDefinitionRef ?? []) as Node[]) {
        if (!is(ref.$parent, 'bpmn:Definitions')) problems.push(problem(node, text('bpmn.definition-ref-nested', { ref: String(ref.id), parent: ref.$parent ? describe(ref.$parent) : text('bpmn.another-element') })));
      }
    }
    return problems;
  },
};

function definitionReferences(node: Node, def: Node): Problem[] {
  const throwing = is(node, 'bpmn:ThrowEvent');
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition':
      return !throwing && !def.messageRef ? [problem(node, text('bpmn.message-event-no-message'))] : [];
    case 'bpmn:SignalEventDefinition':
      return !def.signalRef ? [problem(node, text('bpmn.signal-event-no-signal'))] : [];
    case 'bpmn:ErrorEventDefinition':
      if (!throwing) return [];
      return !def.errorRef?.errorCode ? [problem(node, text('bpmn.error-end-no-code'))] : [];
    case 'bpmn:EscalationEventDefinition':
      if (!throwing) return [];
      return !def.escalationRef?.escalationCode ? [problem(node, text('bpmn.escalation-no-code'))] : [];
    case 'bpmn:LinkEventDefinition':
      return !def.name ? [problem(node, text('bpmn.link-no-name'))] : [];
    case 'bpmn:ConditionalEventDefinition':
      return bodyOf(def.condition) === undefined ? [problem(node, text('bpmn.conditional-no-condition'))] : [];
    default:
      return [];
  }
}

export const eventFlows: Rule = {
  name: 'event-flows',
  description: 'Start events and boundary events have no incoming flow, end events no outgoing flow, and so on.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:Event')) continue;
      const incoming = incomingFlows(node, scope).length;
      const outgoing = outgoingFlows(node, scope).length;
      const kind = definitionKind(eventDefinitions(node)[0]);
      if ((is(node, 'bpmn:StartEvent') || is(node, 'bpmn:BoundaryEvent')) && incoming > 0) problems.push(problem(node, text('bpmn.event-no-incoming', { type: elementType(node) })));
      if (is(node, 'bpmn:EndEvent') && outgoing > 0) problems.push(problem(node, text('bpmn.end-has-outgoing')));
      if (is(node, 'bpmn:StartEvent') && outgoing === 0 && !scope.triggeredByEvent) problems.push(problem(node, text('bpmn.start-needs-outgoing')));
      if (is(node, 'bpmn:EndEvent') && incoming === 0) problems.push(problem(node, text('bpmn.end-needs-incoming')));
      if (is(node, 'bpmn:IntermediateCatchEvent') && kind === 'link' && incoming > 0) problems.push(problem(node, text('bpmn.link-catch-incoming')));
      if (is(node, 'bpmn:IntermediateThrowEvent') && kind === 'link' && outgoing > 0) problems.push(problem(node, text('bpmn.link-throw-outgoing')));
      if (is(node, 'bpmn:IntermediateCatchEvent') && kind !== 'link' && incoming === 0) problems.push(problem(node, text('bpmn.catch-needs-incoming')));
      if (is(node, 'bpmn:IntermediateThrowEvent') && kind !== 'link' && incoming === 0) problems.push(problem(node, text('bpmn.throw-needs-incoming')));
      if (is(node, 'bpmn:IntermediateCatchEvent') && kind !== 'link' && outgoing === 0) problems.push(problem(node, text('bpmn.catch-needs-outgoing')));
      if (is(node, 'bpmn:BoundaryEvent') && kind === 'compensate' && outgoing > 0) problems.push(problem(node, text('bpmn.compensation-outgoing')));
      if (is(node, 'bpmn:BoundaryEvent') && kind !== 'compensate' && outgoing === 0) problems.push(problem(node, text('bpmn.boundary-needs-outgoing')));
    }
    return problems;
  },
};

export const boundaryEvents: Rule = {
  name: 'boundary-events',
  description: 'A boundary event is attached to an activity in its own scope; error boundaries interrupt.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node, scope } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:BoundaryEvent')) continue;
      const host: Node | undefined = node.attachedToRef;
      if (!is(host, 'bpmn:Activity')) problems.push(problem(node, text('bpmn.boundary-not-attached')));
      else if (!((scope.flowElements ?? []) as Node[]).includes(host as Node)) problems.push(problem(node, text('bpmn.boundary-other-scope', { host: describe(host) })));
      const kind = definitionKind(eventDefinitions(node)[0]);
      if (['error', 'cancel', 'compensate'].includes(kind) && node.cancelActivity === false) problems.push(problem(node, text('bpmn.boundary-must-interrupt', { kind })));
      if (kind === 'compensate' && host && !((scope.artifacts ?? []) as Node[]).some((a) => is(a, 'bpmn:Association') && a.sourceRef === node && is(a.targetRef, 'bpmn:Activity') && a.targetRef.isForCompensation)) {
        problems.push(problem(node, text('bpmn.compensation-handler')));
      }
    }
    return problems;
  },
};

export const linkEvents: Rule = {
  name: 'link-events',
  description: 'Every link throw has exactly one link catch of the same name in the same scope.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    const byScope = new Map<Node, { throws: Node[]; catches: Map<string, Node[]> }>();
    for (const { node, scope } of allFlowElements(ctx)) {
      const def = eventDefinitions(node)[0];
      if (def?.$type !== 'bpmn:LinkEventDefinition' || !def.name) continue;
      const entry = byScope.get(scope) ?? { throws: [], catches: new Map<string, Node[]>() };
      byScope.set(scope, entry);
      if (is(node, 'bpmn:IntermediateThrowEvent')) entry.throws.push(node);
      else entry.catches.set(def.name, [...(entry.catches.get(def.name) ?? []), node]);
    }
    for (const { throws, catches } of byScope.values()) {
      for (const t of throws) {
        const name = eventDefinitions(t)[0].name as string;
        if (!catches.has(name)) problems.push(problem(t, text('bpmn.no-link-catch', { name })));
      }
      const thrown = new Set(throws.map((t) => eventDefinitions(t)[0].name as string));
      for (const [name, list] of catches) {
        if (list.length > 1) problems.push(problem(list[1], text('bpmn.several-link-catches', { name })));
        if (!thrown.has(name)) problems.push(problem(list[0], text('bpmn.no-link-throw', { name })));
      }
    }
    return problems;
  },
};
