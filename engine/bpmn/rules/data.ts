/**
 * Data constraints of BPMN 2.0 (ItemAwareElements): Alur runs zeebe:ioMapping, but a file that
 * also declares BPMN data inputs/outputs must declare them consistently — a data element and its
 * item definition agree on being a collection, a send/receive task or event carries data of its
 * message's type, multi-instance data items match their collections, and a call activity's data
 * matches the called process.
 */
import { allFlowElements, eventDefinitions, is, nameOf, problem, type Node, type Problem, type Rule } from './util.js';
import { text, type Param, type Text } from '../../messages/index.js';

export const itemCollections: Rule = {
  name: 'item-collections',
  description: 'A data input, output or object is a collection exactly when its item definition is.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    const check = (owner: Node, element: Node) => {
      const item: Node | undefined = element.itemSubjectRef;
      if (item && !!element.isCollection !== !!item.isCollection) {
        const params = { data: element.id ? nameOf(element) : text('bpmn.data-element'), item: String(item.id) };
        problems.push(problem(owner, text(element.isCollection ? 'bpmn.data-is-collection' : 'bpmn.data-not-collection', params)));
      }
    };
    for (const { node } of allFlowElements(ctx)) {
      if (is(node, 'bpmn:DataObject')) check(node, node);
      for (const data of dataOf(node)) check(node, data);
    }
    return problems;
  },
};

export const messageData: Rule = {
  name: 'message-data',
  description: 'Send/receive tasks and events carry at most one data element, of the type their message, error, escalation or signal declares.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      if ((is(node, 'bpmn:SendTask') || is(node, 'bpmn:ReceiveTask')) && node.messageRef && node.ioSpecification) {
        const spec = node.ioSpecification as Node;
        const sending = is(node, 'bpmn:SendTask');
        const data = ((sending ? spec.dataInputs : spec.dataOutputs) ?? []) as Node[];
        const sets = ((sending ? spec.inputSets : spec.outputSets) ?? []) as Node[];
        if (data.length > 1) problems.push(problem(node, text(sending ? 'bpmn.send-one-input' : 'bpmn.receive-one-output')));
        if (sets.length > 1) problems.push(problem(node, text(sending ? 'bpmn.send-one-set' : 'bpmn.receive-one-set')));
        for (const d of data) problems.push(...sameItem(node, d, node.messageRef.itemRef, text('data.carrier.message', { id: nameOf(node.messageRef) })));
      }
      if (is(node, 'bpmn:Event')) {
        const data = [...((node.dataInputs ?? []) as Node[]), ...((node.dataOutputs ?? []) as Node[])];
        const defs = eventDefinitions(node);
        if (data.length === 0 || defs.length !== 1) continue;
        const carried = carriedItem(defs[0]);
        if (carried) for (const d of data) problems.push(...sameItem(node, d, carried.item, carried.what));
      }
    }
    return problems;
  },
};

export const loopDataItems: Rule = {
  name: 'loop-data-items',
  description: 'Multi-instance data items are single items of the type their collection holds.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const { node } of allFlowElements(ctx)) {
      const loop = node.loopCharacteristics as Node | undefined;
      if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') continue;
      for (const [collectionRef, itemElement] of [[loop.loopDataInputRef, loop.inputDataItem], [loop.loopDataOutputRef, loop.outputDataItem]] as [Node | undefined, Node | undefined][]) {
        const item: Node | undefined = itemElement?.itemSubjectRef;
        if (!item) continue;
        const data = nameOf(itemElement);
        if (item.isCollection) problems.push(problem(node, text('bpmn.loop-item-collection', { data, item: String(item.id) })));
        const collection: Node | undefined = collectionRef?.itemSubjectRef;
        if (collection && collection.structureRef !== item.structureRef) {
          problems.push(problem(node, text('bpmn.loop-item-type', { data, type: structureName(item.structureRef), collection: structureName(collection.structureRef) })));
        }
      }
    }
    return problems;
  },
};

export const callActivityData: Rule = {
  name: 'call-activity-data',
  description: 'A call activity declares the same data inputs and outputs, of the same types, as the process it calls.',
  check(definitions, ctx) {
    const problems: Problem[] = [];
    const processes = new Map(((definitions.rootElements ?? []) as Node[]).filter((e) => is(e, 'bpmn:Process')).map((p) => [p.id, p]));
    for (const { node } of allFlowElements(ctx)) {
      if (!is(node, 'bpmn:CallActivity') || !node.calledElement) continue;
      const called = processes.get(node.calledElement);
      if (!called || (!node.ioSpecification && !called.ioSpecification)) continue;
      for (const key of ['dataInputs', 'dataOutputs'] as const) {
        const mine = (node.ioSpecification?.[key] ?? []) as Node[];
        const theirs = (called.ioSpecification?.[key] ?? []) as Node[];
        const inputs = key === 'dataInputs';
        if (mine.length !== theirs.length) {
          problems.push(problem(node, text('bpmn.call-data-count', { count: mine.length, what: text(inputs ? 'data.inputs' : 'data.outputs'), process: nameOf(called), expected: theirs.length })));
          continue;
        }
        mine.forEach((d, i) => {
          if (structureOf(d) === structureOf(theirs[i])) return;
          const held = (data: Node) => structureOf(data) ?? text('data.nothing');
          problems.push(problem(node, text('bpmn.call-data-type', { what: text(inputs ? 'data.input' : 'data.output'), data: nameOf(d), type: held(d), process: nameOf(called), expected: held(theirs[i]) })));
        });
      }
    }
    return problems;
  },
};

export const serviceBindings: Rule = {
  name: 'service-bindings',
  description: 'A process exposed as a service (supportedInterfaceRef) binds its data to at least one operation (ioBinding).',
  check(_definitions, ctx) {
    return ctx.processes
      .filter((p) => ((p.supportedInterfaceRef ?? []) as Node[]).length > 0 && ((p.ioBinding ?? []) as Node[]).length === 0)
      .map((p) => problem(p, text('bpmn.service-binding')));
  },
};

function dataOf(node: Node): Node[] {
  const spec = node.ioSpecification as Node | undefined;
  return [
    ...((spec?.dataInputs ?? []) as Node[]), ...((spec?.dataOutputs ?? []) as Node[]),
    ...((node.dataInputs ?? []) as Node[]), ...((node.dataOutputs ?? []) as Node[]),
  ];
}

/** The item an event definition carries: a message's itemRef, an error/escalation/signal structureRef. */
function carriedItem(def: Node): { item: Node | undefined; what: Text } | undefined {
  switch (def.$type) {
    case 'bpmn:MessageEventDefinition': return def.messageRef ? { item: def.messageRef.itemRef, what: text('data.carrier.message', { id: nameOf(def.messageRef) }) } : undefined;
    case 'bpmn:ErrorEventDefinition': return def.errorRef ? { item: def.errorRef.structureRef, what: text('data.carrier.error', { id: nameOf(def.errorRef) }) } : undefined;
    case 'bpmn:EscalationEventDefinition': return def.escalationRef ? { item: def.escalationRef.structureRef, what: text('data.carrier.escalation', { id: nameOf(def.escalationRef) }) } : undefined;
    case 'bpmn:SignalEventDefinition': return def.signalRef ? { item: def.signalRef.structureRef, what: text('data.carrier.signal', { id: nameOf(def.signalRef) }) } : undefined;
    default: return undefined;
  }
}

function sameItem(owner: Node, data: Node, expected: Node | undefined, carrier: Text): Problem[] {
  const actual: Node | undefined = data.itemSubjectRef;
  if (actual === expected) return [];
  if (actual && expected && actual.structureRef !== undefined && actual.structureRef === expected.structureRef && !!actual.isCollection === !!expected.isCollection) return [];
  const itemOf = (item: Node | undefined): Param => (item?.id === undefined ? text('data.none') : String(item.id));
  return [problem(owner, text('bpmn.data-item-mismatch', { data: nameOf(data), item: itemOf(actual), carrier, expected: itemOf(expected) }))];
}

/** A structureRef as written (a QName string, or the element moddle resolved it to). */
function structureName(ref: unknown): string {
  if (ref === undefined || ref === null) return '?';
  return typeof ref === 'string' ? ref : String((ref as Node).id ?? '?');
}

function structureOf(data: Node): string | undefined {
  return data.itemSubjectRef?.structureRef ?? data.itemSubjectRef?.id;
}
