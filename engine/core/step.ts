/**
 * step(model, state, input, now, env) → { state, effects, history }.
 * The only entry point of the core. It never mutates its arguments. An input that is merely late
 * (a timer for a token that moved on, a second completion) changes nothing and comes back as
 * `ignored` with an `input.ignored` history entry; InputRefused is thrown only for inputs that can
 * never apply (no start event, wrong process); CoreBug signals a bug.
 */
import type { ProcessModel } from './model.js';
import { STATE_VERSION, ROOT_KEY, type InstanceState } from './state.js';
import type { Input } from './inputs.js';
import type { Effect } from './effects.js';
import type { HistoryEntry } from './history.js';
import { ignored, type Ignored } from './ignored.js';
import { inlineEvaluator, type FeelEvaluator } from '../expressions/feel.js';
import type { CalendarData } from '../calendar/working-days.mjs';
import { Runtime } from './runtime.js';
import { InputRefused } from './errors.js';
import { run } from './flow.js';
import { handle } from './handlers.js';
import { openRootListeners } from './subscriptions.js';
import { checkVariables } from './variables.js';
import { openSla, followSla } from './sla.js';

export interface StepEnv {
  /** FEEL evaluator; adapters pass one with a time budget (engine/expressions/sandbox.ts). */
  feel?: FeelEvaluator;
  /** The tenant's working-day calendar, as data (FEEL's working-day functions, service-standard deadlines). */
  calendar?: CalendarData;
  /** Upper bound on element activations in one step, so a cycle without a wait state cannot spin forever. */
  maxActivations?: number;
  /** Most items one multi-instance may run (ALUR_MAX_MULTI_INSTANCE_ITEMS); more is an incident at it. */
  maxMultiInstanceItems?: number;
  /** Shortest interval a timer cycle may repeat at (ms); a shorter FEEL cycle is an incident. Unset: no minimum. */
  minCycleMs?: number;
  /** How deep a case may nest called processes (ALUR_MAX_CALL_DEPTH); a call deeper is a call-depth incident. */
  maxCallDepth?: number;
  /**
   * The step's time budget (ALUR_STEP_TIMEOUT_MS). The core never reads the clock: the adapter
   * starts the budget and the core asks it after each activation whether the step is over it.
   */
  timeBudget?: TimeBudget;
}

export interface TimeBudget {
  /** The budget, in ms, for the incident's message. */
  readonly ms: number;
  exceeded(): boolean;
}

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
  history: HistoryEntry[];
  /** Set when the input was late or no longer applies: nothing changed but the history entry. */
  ignored?: string;
}

/** Resolves process ids to models (the store passes its cache of deployed versions). */
export interface Models {
  get(processId: string): ProcessModel | undefined;
}

export function step(model: ProcessModel, state: InstanceState | null, input: Input, now: string, env: StepEnv = {}): StepResult {
  if (input.type === 'instance.start') {
    if (state) throw new InputRefused(`instance ${state.id} has already started`, 'conflict', 'already-started', { instance: state.id });
    return startStep(model, input, now, env);
  }
  if (!state) throw new InputRefused(`${input.type} needs a started instance`, 'not-found', 'not-started', { input: input.type });
  if (state.v !== STATE_VERSION) throw new InputRefused(`state version ${state.v} is not supported (expected ${STATE_VERSION})`, 'invalid', 'state-version', { version: state.v, expected: STATE_VERSION });
  if (state.processId !== model.id) throw new InputRefused(`instance ${state.id} runs ${state.processId}, not ${model.id}`, 'invalid', 'other-process', { instance: state.id, process: state.processId, model: model.id });
  if (state.status !== 'active') return ignore(state, input, ignored('instance-ended', { instance: state.id, status: state.status }, `instance ${state.id} is ${state.status}`));
  const rt = runtime(model, structuredClone(state), now, env);
  const reason = handle(rt, input);
  if (reason) return ignore(state, input, reason);
  run(rt);
  followSla(rt);
  return { state: rt.state, effects: rt.effects, history: rt.history };
}

/** The first step of a new instance: the one name for it in the core (the service's command is Engine.startInstance). */
export function startStep(model: ProcessModel, input: Extract<Input, { type: 'instance.start' }>, now: string, env: StepEnv = {}): StepResult {
  if (input.processId !== model.id) throw new InputRefused(`process ${input.processId} is not ${model.id}`, 'invalid', 'start-other-process', { process: input.processId, model: model.id });
  const start = input.startEventId ?? model.noneStart;
  if (!start) throw new InputRefused(`process ${model.id} has no none start event; it starts by message, timer or signal`, 'invalid', 'no-none-start', { process: model.name ?? model.id });
  const startDef = model.elements[start];
  if (!startDef || startDef.type !== 'startEvent' || startDef.parent !== model.id) throw new InputRefused(`${start} is not a start event of process ${model.id}`, 'invalid', 'not-a-start-event', { element: start, process: model.name ?? model.id });
  const vars = checkVariables(input.variables) ?? {};
  const state: InstanceState = {
    v: STATE_VERSION,
    id: input.instanceId,
    processId: model.id,
    status: 'active',
    next: ROOT_KEY + 1,
    els: { [ROOT_KEY]: { e: model.id, s: 'active', v: { ...vars } } },
  };
  if (input.businessKey) state.businessKey = input.businessKey;
  if (input.parent) state.parent = input.parent;
  const rt = runtime(model, state, now, env);
  rt.log({ type: 'instance.started', elementId: model.id, key: ROOT_KEY, data: { startEvent: start } });
  rt.log({ type: 'element.activated', elementId: model.id, key: ROOT_KEY });
  openSla(rt);
  openRootListeners(rt);
  rt.push({ a: 'activate', e: start, scope: ROOT_KEY, ...(startDef.event && startDef.event.kind !== 'none' ? { trig: {} } : {}) });
  run(rt);
  followSla(rt);
  return { state: rt.state, effects: rt.effects, history: rt.history };
}

function runtime(model: ProcessModel, state: InstanceState, now: string, env: StepEnv): Runtime {
  const rt = new Runtime(model, state, now, env.feel ?? inlineEvaluator, env.maxActivations ?? 10_000, env.calendar, env.maxMultiInstanceItems ?? 15_000);
  rt.minCycleMs = env.minCycleMs ?? 0;
  rt.timeBudget = env.timeBudget;
  rt.maxCallDepth = env.maxCallDepth ?? 20;
  return rt;
}

/** The entry keeps the English `reason` as it always read, and the `code` and `params` that word it for its reader. */
function ignore(state: InstanceState, input: Input, why: Ignored): StepResult {
  return { state, effects: [], history: [{ type: 'input.ignored', data: { input: input.type, reason: why.message, code: why.code, params: why.params } }], ignored: why.message };
}
