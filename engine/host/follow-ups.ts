/**
 * Follow-ups: what one step asks of other instances — start a called process, tell a parent that
 * its child ended, pass an uncaught escalation up, cancel a child, deliver a thrown message or
 * signal — and the one procedure that carries them out, shared by every host of the core (the
 * durable engine in engine/service and the memory host in engine/memory). A host only answers
 * plain questions: step this instance, start this process, which subscriptions wait for this
 * message. Everything the hosts must agree on is decided here, once: the called process's
 * business key, the order in which work is done (first in, first out), which subscription a
 * message goes to, what a parent hears, what a call to an undeployed process becomes.
 *
 * The procedures are generators that yield their questions, so a synchronous host (memory) and
 * an asynchronous one (the database) drive the very same code (`driveSync`, `driveAsync`).
 * test/hosts runs the same scenarios on every host to keep it that way.
 */
import type { Effect, Input, ParentRef, ProcessModel, Variables } from '../core/index.js';

/** Inputs one instance can send another (never a start: that is a `start` follow-up). */
export type FollowUpInput = Exclude<Input, { type: 'instance.start' }>;

export type FollowUp =
  | { kind: 'input'; instanceId: string; input: FollowUpInput }
  | { kind: 'start'; tenant: string; processKey: string; instanceId: string; variables: Variables; businessKey?: string; parent: ParentRef }
  | { kind: 'message'; tenant: string; name: string; correlationKey: string | null; variables: Variables }
  | { kind: 'signal'; tenant: string; name: string; variables: Variables; except: string };

/**
 * At most this many steps of other cases (a step or a start the procedure asks for) per input, by
 * default (ALUR_MAX_FOLLOW_UPS): a signal ping-pong between processes must end, and one tenant's
 * input must not hold the server while it starts thousands of cases.
 */
export const MAX_FOLLOW_UPS = 1000;

/** An input set off more than `max` steps of other cases; the host undoes the whole input (issue 16). */
export class FollowUpLimit extends Error {
  constructor(readonly max: number) {
    super(`it set off more than ${max} steps in other cases at once (ALUR_MAX_FOLLOW_UPS): a message or signal going round between processes, or a call activity starting too many processes; what it set off was undone`);
    this.name = 'FollowUpLimit';
  }
}

/** The follow-ups of one step of `instance`, in the order its effects came. */
export function followUpsOf(instance: { id: string; tenant: string }, effects: readonly Effect[]): FollowUp[] {
  const out: FollowUp[] = [];
  for (const e of effects) {
    switch (e.type) {
      case 'call.start':
        // The called process belongs to the same case: it carries the caller's business key.
        out.push({ kind: 'start', tenant: instance.tenant, processKey: e.processId, instanceId: e.childInstanceId, variables: e.variables, businessKey: e.businessKey, parent: { instanceId: instance.id, key: e.key, depth: e.depth } });
        break;
      case 'call.cancel':
        out.push({ kind: 'input', instanceId: e.childInstanceId, input: { type: 'instance.cancel' } });
        break;
      case 'call.escalate':
        out.push({ kind: 'input', instanceId: e.parent.instanceId, input: { type: 'call.escalate', key: e.parent.key, code: e.code } });
        break;
      case 'message.publish':
        out.push({ kind: 'message', tenant: instance.tenant, name: e.name, correlationKey: e.correlationKey ?? null, variables: e.variables });
        break;
      case 'signal.broadcast':
        out.push({ kind: 'signal', tenant: instance.tenant, name: e.name, variables: e.variables, except: instance.id });
        break;
      case 'instance.ended':
        if (!e.parent) break;
        // A child that ended at a terminate end event has completed (Zeebe semantics); only an
        // uncaught error or a cancellation fails the call activity.
        out.push({
          kind: 'input', instanceId: e.parent.instanceId,
          input: e.state === 'completed' || e.state === 'terminated'
            ? { type: 'call.complete', key: e.parent.key, variables: e.variables }
            : { type: 'call.fail', key: e.parent.key, errorCode: e.errorCode, message: `called instance ${instance.id} ended ${e.state}`, variables: e.variables },
        });
        break;
      default:
        break;
    }
  }
  return out;
}

/** Start events of `model` for a message or signal called `name`, in model order. */
export function startEventsNamed(model: ProcessModel, kind: 'message' | 'signal', name: string): string[] {
  const ids = kind === 'message' ? model.messageStarts : model.signalStarts;
  return ids.filter((id) => {
    const ev = model.elements[id]?.event;
    return !!ev && ((ev.kind === 'message' && kind === 'message' && ev.messageName === name) || (ev.kind === 'signal' && kind === 'signal' && ev.signalName === name));
  });
}

/** Whether a message subscription takes a message with this correlation key: only the same key, or none with none. */
export function correlationMatches(subscriptionKey: string | null | undefined, messageKey: string | null | undefined): boolean {
  return (subscriptionKey ?? null) === (messageKey ?? null);
}

/** What the procedures ask their host. */
export type HostRequest =
  /** Feed `input` to an existing instance and carry out its own effects. */
  | { ask: 'step'; instanceId: string; input: FollowUpInput }
  /** Start the latest version of `processKey` (at `startEventId`, or its none start). */
  | { ask: 'start'; tenant: string; processKey: string; instanceId?: string; startEventId?: string; variables: Variables; businessKey?: string; parent?: ParentRef }
  /** Subscriptions waiting for this message (its correlation key matching, see correlationMatches), oldest first. */
  | { ask: 'messageSubscriptions'; tenant: string; name: string; correlationKey: string | null }
  /** Subscriptions waiting for this signal. */
  | { ask: 'signalSubscriptions'; tenant: string; name: string }
  /** Start events of the latest versions for this message or signal (see startEventsNamed), by process key. */
  | { ask: 'startEvents'; tenant: string; kind: 'message' | 'signal'; name: string };

export interface StepAnswer {
  /** No such instance (a child or parent that is gone has nothing left to hear). */
  gone?: boolean;
  /** Why the instance did not take the input (late, repeated, another kind). */
  ignored?: string;
  followUps: FollowUp[];
}
/** `instanceId` undefined: the process is not deployed. */
export interface StartAnswer { instanceId?: string; followUps: FollowUp[] }
export interface Waiting { instanceId: string; key: number }
export interface StartEvent { processKey: string; startEventId: string }

type AnswerTo<R extends HostRequest> =
  R extends { ask: 'step' } ? StepAnswer
    : R extends { ask: 'start' } ? StartAnswer
      : R extends { ask: 'messageSubscriptions' | 'signalSubscriptions' } ? Waiting[]
        : StartEvent[];

export type HostWork<T> = Generator<HostRequest, T, unknown>;

function* ask<R extends HostRequest>(request: R): HostWork<AnswerTo<R>> {
  return (yield request) as AnswerTo<R>;
}

/** A message delivered (or not) while carrying out follow-ups. */
export interface MessageOutcome { name: string; correlationKey: string | null; instanceId?: string }

/**
 * Carries out `followUps` and everything they cause, first in, first out, until none are left
 * (the driver counts the steps against the budget). Returns what became of each thrown message.
 */
export function* carryOut(followUps: readonly FollowUp[]): HostWork<MessageOutcome[]> {
  const queue = [...followUps];
  const messages: MessageOutcome[] = [];
  while (queue.length > 0) {
    const next = queue.shift()!;
    switch (next.kind) {
      case 'input':
        queue.push(...(yield* ask({ ask: 'step', instanceId: next.instanceId, input: next.input })).followUps);
        break;
      case 'start': {
        const started = yield* ask({ ask: 'start', tenant: next.tenant, processKey: next.processKey, instanceId: next.instanceId, variables: next.variables, businessKey: next.businessKey, parent: next.parent });
        if (started.instanceId === undefined) {
          queue.push({ kind: 'input', instanceId: next.parent.instanceId, input: { type: 'call.fail', key: next.parent.key, message: `process ${next.processKey} is not deployed` } });
        } else queue.push(...started.followUps);
        break;
      }
      case 'message': {
        const taken = yield* correlate(next.tenant, next.name, next.correlationKey, next.variables);
        messages.push({ name: next.name, correlationKey: next.correlationKey, instanceId: taken.instanceId });
        queue.push(...taken.followUps);
        break;
      }
      case 'signal':
        queue.push(...(yield* broadcast(next.tenant, next.name, next.variables, next.except)).followUps);
        break;
    }
  }
  return messages;
}

/**
 * A message goes to the oldest waiting subscription with its name and correlation key that takes
 * it; else it starts the latest process with a matching message start event (the correlation key
 * becoming the new case's business key); else nobody gets it (messages are not buffered).
 */
function* correlate(tenant: string, name: string, correlationKey: string | null, variables: Variables): HostWork<StartAnswer> {
  for (const sub of yield* ask({ ask: 'messageSubscriptions', tenant, name, correlationKey })) {
    const stepped = yield* ask({ ask: 'step', instanceId: sub.instanceId, input: { type: 'message.correlate', key: sub.key, name, variables } });
    if (!stepped.gone && !stepped.ignored) return { instanceId: sub.instanceId, followUps: stepped.followUps };
  }
  const [start] = yield* ask({ ask: 'startEvents', tenant, kind: 'message', name });
  if (!start) return { followUps: [] };
  return yield* ask({ ask: 'start', tenant, processKey: start.processKey, startEventId: start.startEventId, variables, businessKey: correlationKey ?? undefined });
}

/** A signal goes to every waiting subscription but the thrower's own, and starts every matching signal start event. */
function* broadcast(tenant: string, name: string, variables: Variables, except: string): HostWork<{ taken: number; followUps: FollowUp[] }> {
  const followUps: FollowUp[] = [];
  let taken = 0;
  for (const sub of yield* ask({ ask: 'signalSubscriptions', tenant, name })) {
    if (sub.instanceId === except) continue;
    const stepped = yield* ask({ ask: 'step', instanceId: sub.instanceId, input: { type: 'signal.receive', key: sub.key, name, variables } });
    if (stepped.gone || stepped.ignored) continue;
    taken++;
    followUps.push(...stepped.followUps);
  }
  for (const start of yield* ask({ ask: 'startEvents', tenant, kind: 'signal', name })) {
    const started = yield* ask({ ask: 'start', tenant, processKey: start.processKey, startEventId: start.startEventId, variables });
    if (started.instanceId === undefined) continue;
    taken++;
    followUps.push(...started.followUps);
  }
  return { taken, followUps };
}

/** A message from outside (the API): delivered as a thrown one is; answers the instance that took it. */
export function* publishMessage(tenant: string, name: string, correlationKey: string | null, variables: Variables): HostWork<string | undefined> {
  const taken = yield* correlate(tenant, name, correlationKey, variables);
  yield* carryOut(taken.followUps);
  return taken.instanceId;
}

/** A signal from outside: answers how many instances took it or started from it. */
export function* broadcastSignal(tenant: string, name: string, variables: Variables): HostWork<number> {
  const sent = yield* broadcast(tenant, name, variables, '');
  yield* carryOut(sent.followUps);
  return sent.taken;
}

/** Counts the steps of other cases a procedure asks for; past `max` it is a FollowUpLimit. */
function stepBudget(max: number): (request: HostRequest) => void {
  let steps = 0;
  return (request) => {
    if ((request.ask === 'step' || request.ask === 'start') && ++steps > max) throw new FollowUpLimit(max);
  };
}

/** Runs `work` against a host that answers at once, at most `max` steps of other cases. */
export function driveSync<T>(work: HostWork<T>, answer: (request: HostRequest) => unknown, max = MAX_FOLLOW_UPS): T {
  const spend = stepBudget(max);
  let next = work.next();
  while (!next.done) {
    spend(next.value);
    next = work.next(answer(next.value));
  }
  return next.value;
}

/** Runs `work` against a host that answers asynchronously (one question at a time, in order), at most `max` steps of other cases. */
export async function driveAsync<T>(work: HostWork<T>, answer: (request: HostRequest) => Promise<unknown>, max = MAX_FOLLOW_UPS): Promise<T> {
  const spend = stepBudget(max);
  let next = work.next();
  while (!next.done) {
    spend(next.value);
    next = work.next(await answer(next.value));
  }
  return next.value;
}
