/**
 * Event definitions → model EventDefinition. Assumes the rules have already reported what is
 * missing (no message, no timer value…); here a missing part just yields the most neutral value.
 */
import type { EventDefinition, TimerDef } from '../../core/model.js';
import { bodyOf, eventDefinitions, extension, type Node, type RuleContext } from '../rules/util.js';
import { optionalExpr, toExpr } from './expr.js';

export function mapEventDefinition(event: Node, ctx: RuleContext): EventDefinition {
  const def = eventDefinitions(event)[0];
  if (!def) return { kind: 'none' };
  switch (def.$type) {
    case 'bpmn:TimerEventDefinition': return { kind: 'timer', timer: mapTimer(def, ctx) };
    case 'bpmn:MessageEventDefinition': return { kind: 'message', ...mapMessage(def.messageRef) };
    case 'bpmn:SignalEventDefinition': return { kind: 'signal', signalName: nameOf(def.signalRef) };
    case 'bpmn:ErrorEventDefinition': return { kind: 'error', errorCode: def.errorRef?.errorCode ?? undefined };
    case 'bpmn:EscalationEventDefinition': return { kind: 'escalation', escalationCode: def.escalationRef?.escalationCode ?? undefined };
    case 'bpmn:TerminateEventDefinition': return { kind: 'terminate' };
    case 'bpmn:LinkEventDefinition': return { kind: 'link', linkName: def.name ?? '' };
    case 'bpmn:CompensateEventDefinition':
      return { kind: 'compensate', activityRef: def.activityRef?.id, waitForCompletion: def.waitForCompletion ?? true };
    case 'bpmn:CancelEventDefinition': return { kind: 'cancel' };
    default: return { kind: 'none' };
  }
}

export function mapTimer(def: Node, ctx: RuleContext): TimerDef {
  const [type, expression] = def.timeDate ? ['date', def.timeDate] as const
    : def.timeCycle ? ['cycle', def.timeCycle] as const
      : ['duration', def.timeDuration] as const;
  return { type, expr: toExpr(ctx.translate(bodyOf(expression) ?? '', 'timer')) };
}

/** A message's name (else its id) and the correlation key of its zeebe:subscription. */
export function mapMessage(message: Node | undefined): { messageName: string; correlationKey?: ReturnType<typeof optionalExpr> } {
  const subscription = extension(message, 'zeebe:Subscription');
  const correlationKey = optionalExpr(subscription?.correlationKey);
  return { messageName: nameOf(message), ...(correlationKey ? { correlationKey } : {}) };
}

function nameOf(node: Node | undefined): string {
  return node?.name ?? node?.id ?? '';
}
