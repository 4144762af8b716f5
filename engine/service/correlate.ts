/**
 * Message correlation and signal broadcast within a tenant. A message goes to the oldest waiting
 * subscription with its name and correlation key that accepts it, else starts the latest
 * definition with a matching message start event, else nobody (messages are not buffered).
 * A signal goes to every subscription and every matching signal start event.
 */
import type { Input, Variables, ProcessModel } from '../core/index.js';
import { findMessageSubscriptions, findSignalSubscriptions } from '../store/subscriptions.js';
import { latestDefinitions, type DefinitionHead } from '../store/definitions.js';
import type { TxContext } from './context.js';
import type { StepOutcome, StartOptions } from './runtime.js';

type StepFn = (instanceId: string, input: Input) => Promise<StepOutcome>;
type StartFn = (def: DefinitionHead, opts: StartOptions) => Promise<StepOutcome>;

/** Start events of `model` of `kind` whose name is `name`. */
function startEventsNamed(model: ProcessModel, kind: 'message' | 'signal', name: string): string[] {
  const ids = kind === 'message' ? model.messageStarts : model.signalStarts;
  return ids.filter((id) => {
    const ev = model.elements[id]?.event;
    return ev && ((ev.kind === 'message' && kind === 'message' && ev.messageName === name) || (ev.kind === 'signal' && kind === 'signal' && ev.signalName === name));
  });
}

export async function correlateMessage(tx: TxContext, tenant: string, name: string, correlationKey: string | null, variables: Variables, stepFn: StepFn, startFn: StartFn): Promise<string | undefined> {
  for (const sub of await findMessageSubscriptions(tx.trx, tenant, name, correlationKey)) {
    const outcome = await stepFn(sub.instance_id, { type: 'message.correlate', key: sub.key, name, variables });
    if (!outcome.ignored) return sub.instance_id;
  }
  for (const def of await latestDefinitions(tx.trx, tenant)) {
    const model = await tx.deps.models.get(tx.trx, def.id);
    const [startEventId] = startEventsNamed(model, 'message', name);
    if (startEventId) {
      const outcome = await startFn(def, { startEventId, variables, businessKey: correlationKey });
      return outcome.instanceId;
    }
  }
  return undefined;
}

export async function broadcastSignal(tx: TxContext, tenant: string, name: string, variables: Variables, except: string, stepFn: StepFn, startFn: StartFn): Promise<number> {
  let taken = 0;
  for (const sub of await findSignalSubscriptions(tx.trx, tenant, name)) {
    if (sub.instance_id === except) continue;
    const outcome = await stepFn(sub.instance_id, { type: 'signal.receive', key: sub.key, name, variables });
    if (!outcome.ignored) taken++;
  }
  for (const def of await latestDefinitions(tx.trx, tenant)) {
    const model = await tx.deps.models.get(tx.trx, def.id);
    for (const startEventId of startEventsNamed(model, 'signal', name)) {
      await startFn(def, { startEventId, variables });
      taken++;
    }
  }
  return taken;
}
