/**
 * One executable bpmn:process (moddle) → ProcessModel. Runs only after the rules passed, so it
 * maps without judging; every field it writes is plain JSON. Data objects and artifacts are not
 * part of the executable model and are skipped.
 */
import type { ElementDef, FlowDef, ProcessModel } from '../../core/model.js';
import { bodyOf, flowElements, is, type Node, type RuleContext } from '../rules/util.js';
import { alurExtra } from './activities.js';
import { mapFlowNode } from './flow-node.js';
import { feelSource } from './expr.js';
import { mapStarting } from './starting.js';

export function mapProcess(process: Node, ctx: RuleContext): ProcessModel {
  const elements: Record<string, ElementDef> = {};
  const flows: Record<string, FlowDef> = {};
  const all = flowElements(process);
  for (const { node, scope } of all) {
    if (is(node, 'bpmn:SequenceFlow')) flows[node.id as string] = mapFlow(node, ctx);
    else if (is(node, 'bpmn:FlowNode')) elements[node.id as string] = mapFlowNode(node, scope.id as string, ctx);
  }
  for (const flow of Object.values(flows)) {
    elements[flow.source]?.outgoing.push(flow.id);
    elements[flow.target]?.incoming.push(flow.id);
  }
  linkBoundaryEvents(elements);
  linkCompensationHandlers(process, elements);
  const children = childrenOf(process, elements);
  for (const { node } of all) {
    if (is(node, 'bpmn:SubProcess')) elements[node.id as string].children = childrenOf(node, elements);
  }
  markCompensableSubprocesses(elements);
  const model: ProcessModel = {
    id: process.id as string,
    ...(process.name ? { name: process.name as string } : {}),
    isExecutable: !!process.isExecutable,
    elements, flows, children,
    messageStarts: [], timerStarts: [], signalStarts: [],
    calledProcesses: [],
  };
  for (const id of children) {
    const el = elements[id];
    if (el.type !== 'startEvent') continue;
    const kind = el.event?.kind ?? 'none';
    if (kind === 'none') model.noneStart ??= id;
    else if (kind === 'message') model.messageStarts.push(id);
    else if (kind === 'timer') model.timerStarts.push(id);
    else if (kind === 'signal') model.signalStarts.push(id);
  }
  const called = new Set<string>();
  for (const el of Object.values(elements)) {
    const processId = el.called?.processId;
    if (processId && 'value' in processId && typeof processId.value === 'string') called.add(processId.value);
  }
  model.calledProcesses = [...called];
  const extra = alurExtra(process);
  if (extra) model.extra = extra;
  Object.assign(model, mapStarting(process, model.noneStart));
  return model;
}

function mapFlow(flow: Node, ctx: RuleContext): FlowDef {
  const condition = bodyOf(flow.conditionExpression);
  return {
    id: flow.id as string,
    source: flow.sourceRef?.id ?? '',
    target: flow.targetRef?.id ?? '',
    ...(condition === undefined ? {} : { condition: feelSource(ctx.translate(condition, 'condition')) }),
    ...(flow.name ? { name: flow.name as string } : {}),
  };
}

function childrenOf(scope: Node, elements: Record<string, ElementDef>): string[] {
  return ((scope.flowElements ?? []) as Node[]).map((n) => n.id as string).filter((id) => elements[id] !== undefined);
}

function linkBoundaryEvents(elements: Record<string, ElementDef>): void {
  for (const el of Object.values(elements)) {
    const host = el.attachedTo ? elements[el.attachedTo] : undefined;
    if (host) (host.boundaryEvents ??= []).push(el.id);
  }
}

/** A compensation boundary event names its handler through an association (BPMN 2.0 §10.6.5). */
function linkCompensationHandlers(process: Node, elements: Record<string, ElementDef>): void {
  const containers = [process, ...flowElements(process).map((e) => e.node).filter((n) => is(n, 'bpmn:SubProcess'))];
  for (const container of containers) {
    for (const artifact of (container.artifacts ?? []) as Node[]) {
      if (!is(artifact, 'bpmn:Association')) continue;
      const source = elements[artifact.sourceRef?.id];
      const target = elements[artifact.targetRef?.id];
      if (source?.type === 'boundaryEvent' && source.event?.kind === 'compensate' && target) {
        source.compensationHandler = target.id;
      }
    }
  }
}


function hasCompensationHandler(el: ElementDef, elements: Record<string, ElementDef>): boolean {
  return (el.boundaryEvents ?? []).some((b) => elements[b]?.compensationHandler !== undefined);
}

/**
 * Decided here once, so the core records a completed subprocess only when compensation could ever
 * need it: it has no handler of its own (that one would run instead), and it has a compensation event
 * subprocess or, at any depth of embedded subprocesses, an activity with a compensation handler.
 */
function markCompensableSubprocesses(elements: Record<string, ElementDef>): void {
  const decided = new Map<string, boolean>();
  const compensable = (sub: ElementDef): boolean => {
    const known = decided.get(sub.id);
    if (known !== undefined) return known;
    decided.set(sub.id, false);
    let yes = false;
    if (!sub.triggeredByEvent && !hasCompensationHandler(sub, elements)) {
      const children = (sub.children ?? []).map((id) => elements[id]);
      const esp = children.find((c) => c.type === 'subProcess' && c.triggeredByEvent && startOf(c, elements)?.event?.kind === 'compensate');
      yes = esp !== undefined || children.some((c) => hasCompensationHandler(c, elements) || (c.type === 'subProcess' && compensable(c)));
      if (yes) sub.compensable = esp ? { esp: esp.id } : {};
    }
    decided.set(sub.id, yes);
    return yes;
  };
  for (const el of Object.values(elements)) if (el.type === 'subProcess') compensable(el);
}

function startOf(sub: ElementDef, elements: Record<string, ElementDef>): ElementDef | undefined {
  return (sub.children ?? []).map((id) => elements[id]).find((c) => c.type === 'startEvent');
}
