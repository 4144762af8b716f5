/** What the pool (pool.ts) and a step thread (thread.ts) send each other: plain data only. */
import type { InputRefused, InstanceState, Input, ProcessModel, StepResult } from '../core/index.js';
import type { CalendarData } from '../calendar/working-days.mjs';

/** The thread's own FEEL sandbox takes the installation's FEEL budgets and zone. */
export interface ThreadSettings {
  feelTimeoutMs: number;
  feelMemoryMb: number;
  feelMaxResultBytes: number;
  timeZone?: string;
}

/** The step's budgets as data (StepEnv without its functions): the thread starts the time budget. */
export interface StepSettings {
  calendar?: CalendarData;
  maxActivations: number;
  maxMultiInstanceItems: number;
  maxCallDepth: number;
  minCycleMs: number;
  stepTimeoutMs: number;
}

export interface StepJob {
  id: number;
  /** The definition id: models never change, so a thread keeps them by it. */
  modelKey: string;
  /** Sent when the thread does not hold the model yet. */
  model?: ProcessModel;
  state: InstanceState | null;
  input: Input;
  now: string;
  env: StepSettings;
}

export type StepReply =
  | { id: number; result: StepResult }
  | { id: number; missing: true }
  | { id: number; error: { kind: 'InputRefused' | 'CoreBug' | 'Error'; message: string; code?: InputRefused['code']; reason?: InputRefused['reason']; params?: InputRefused['params'] } };
