/**
 * One flow node (moddle) → ElementDef: the common shape plus what its type adds (event
 * definition, job, user task, script, call, loops). Incoming/outgoing are filled by process.ts
 * from the sequence flows themselves, not from the optional <incoming>/<outgoing> lists.
 */
import type { ElementDef, ElementType } from '../../core/model.js';
import { extension, is, localType, type Node, type RuleContext } from '../rules/util.js';
import { mapCalled, mapIo, mapJob, mapMultiInstance, mapScript, mapStandardLoop, mapUserTask } from './activities.js';
import { mapEventDefinition, mapMessage } from './events.js';

export function mapFlowNode(node: Node, parent: string, ctx: RuleContext): ElementDef {
  const el: ElementDef = { id: node.id as string, type: localType(node) as ElementType, parent, incoming: [], outgoing: [] };
  if (node.name) el.name = node.name;
  if (node.default) el.defaultFlow = node.default.id;
  if (is(node, 'bpmn:Event')) mapEvent(node, el, ctx);
  if (is(node, 'bpmn:Activity')) mapActivity(node, el, ctx);
  Object.assign(el, mapIo(node));
  if (extension(node, 'alur:SlaPause')) el.slaPause = true;
  return el;
}

function mapEvent(node: Node, el: ElementDef, ctx: RuleContext): void {
  el.event = mapEventDefinition(node, ctx);
  if (is(node, 'bpmn:BoundaryEvent')) {
    el.attachedTo = node.attachedToRef?.id;
    el.cancelActivity = node.cancelActivity ?? true;
  }
  if (is(node, 'bpmn:StartEvent') && node.$parent?.triggeredByEvent) el.interrupting = node.isInterrupting ?? true;
  // A message throw with a zeebe:taskDefinition is a job (Camunda 8); without one the core publishes it.
  if (el.event.kind === 'message' && (is(node, 'bpmn:IntermediateThrowEvent') || is(node, 'bpmn:EndEvent'))) {
    const job = mapJob(node);
    if (job) el.job = job;
    else el.message = { messageName: el.event.messageName, ...(el.event.correlationKey ? { correlationKey: el.event.correlationKey } : {}) };
  }
}

function mapActivity(node: Node, el: ElementDef, ctx: RuleContext): void {
  if (node.isForCompensation) el.isForCompensation = true;
  const type = localType(node);
  if (type === 'serviceTask' || type === 'businessRuleTask' || type === 'sendTask') {
    const job = mapJob(node);
    if (job) el.job = job;
    else if (type === 'sendTask') el.message = mapMessage(node.messageRef);
  }
  if (type === 'userTask') el.userTask = mapUserTask(node);
  if (type === 'receiveTask') el.message = mapMessage(node.messageRef);
  if (type === 'scriptTask') mapScriptTask(node, el, ctx);
  if (type === 'callActivity') el.called = mapCalled(node);
  if (type === 'subProcess' && node.triggeredByEvent) el.triggeredByEvent = true;
  const mi = mapMultiInstance(node, ctx);
  if (mi) el.multiInstance = mi;
  const loop = mapStandardLoop(node, ctx);
  if (loop) el.loop = loop;
}

function mapScriptTask(node: Node, el: ElementDef, ctx: RuleContext): void {
  const script = mapScript(node);
  if (script) {
    el.script = script;
    return;
  }
  const job = mapJob(node);
  if (job) {
    el.job = job;
    return;
  }
  if (ctx.scriptJobType !== undefined && !extension(node, 'zeebe:Script')) {
    const text = typeof node.script === 'string' ? node.script.trim() : '';
    el.job = { type: { value: ctx.scriptJobType }, retries: { value: 3 }, headers: { script: text } };
    el.scriptText = text;
    if (node.scriptFormat) el.scriptFormat = node.scriptFormat;
  }
}
