/**
 * step(model, state, input, now, env) → { state, effects, history }.
 * The only entry point of the core. It never mutates its arguments and never throws for an input
 * that is merely late (that becomes `ignored` plus an `input.ignored` history entry); it throws
 * InputRefused only for inputs that can never apply (wrong process, malformed), and CoreBug for bugs.
 */
import type { ProcessModel } from './model.js';
import type { InstanceState } from './state.js';
import type { Input } from './inputs.js';
import type { Effect } from './effects.js';
import type { HistoryEntry } from './history.js';
import type { FeelEvaluator } from '../expressions/feel.js';

export interface StepEnv {
  /** FEEL evaluator; adapters pass one with a time budget (engine/expressions/sandbox.ts). */
  feel?: FeelEvaluator;
  /** Upper bound on element activations in one step, so a cycle without a wait state cannot spin forever. */
  maxActivations?: number;
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

export function step(_model: ProcessModel, _state: InstanceState | null, _input: Input, _now: string, _env: StepEnv = {}): StepResult {
  throw new Error('not yet implemented');
}

export function startInstance(model: ProcessModel, input: Extract<Input, { type: 'instance.start' }>, now: string, env: StepEnv = {}): StepResult {
  return step(model, null, input, now, env);
}
