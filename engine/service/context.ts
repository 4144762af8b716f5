/**
 * What the service needs from the outside — passed in by the wiring (engine/wiring.ts) or a test —
 * and what every command's work carries: its unit of work and those dependencies.
 */
import type { Knex } from 'knex';
import type { FeelEvaluator } from '../expressions/feel.js';
import type { Budgets } from '../config.js';
import type { Clock } from '../runner/clock.js';
import type { ModelCache } from './models.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { JobRow } from '../store/jobs.js';
import type { CalendarCache, CalendarChanged } from './calendars.js';
import type { StepRunner } from '../steps/pool.js';
import type { CommandPace } from './command-pace.js';
import type { BpmnCompiler } from '../bpmn/compile-off-thread.js';
import type { NumberedBatches } from '../store/numbered-batches.js';

export interface EngineDeps {
  knex: Knex;
  clock: Clock;
  models: ModelCache;
  feel?: FeelEvaluator;
  /**
   * Where durable steps run (steps/pool.ts: off the main thread when they evaluate FEEL or run
   * long; ALUR_STEP_THREADS). Unset: on the calling thread with `feel` (specs, embedding hosts).
   */
  steps?: StepRunner;
  /** Compiles deployed models (bpmn/compile-off-thread.ts: on a thread of its own). Unset: compileBpmn on the calling thread. */
  compiler?: BpmnCompiler;
  /** Told about every command (metrics, the runner that takes the jobs a command enqueued). */
  observers?: readonly EngineObserver[];
  /** What one tenant's model or input may cost (README, "Budgets"); unset ones take their defaults. */
  budgets?: Partial<Budgets>;
  /** The installation's time zone (ALUR_TIMEZONE): the zone of a tenant that has not set its own calendar. */
  timeZone?: string;
  /** Tenants' working-day calendars (service/calendars.ts); one per engine when absent. */
  calendars?: CalendarCache;
  /** Re-plans pending working-day deadlines after a tenant's calendar changed. */
  onCalendarChanged?: CalendarChanged;
  /** How long this process's commands take lately (the Engine records each; a re-plan paces itself by it). */
  pace?: CommandPace;
  /** Shortest interval a timer cycle may repeat at (ALUR_TIMER_MIN_CYCLE_SECONDS); unset: one minute. */
  timerMinCycleMs?: number;
  /** Sends this process's numbered starts of a series together (store/numbered-batches.ts, ALUR_NUMBER_IN_FLIGHT); one per engine when absent. */
  numberedBatches?: NumberedBatches;
}

/** One minute: a cycle of milliseconds (R/PT0.001S) once froze the server for every tenant. */
export const DEFAULT_MIN_CYCLE_MS = 60_000;

/** The minimum timer cycle interval in force. */
export function minCycleMs(deps: EngineDeps): number {
  return deps.timerMinCycleMs ?? DEFAULT_MIN_CYCLE_MS;
}

/** What an observer hears about one command. */
export interface CommandEvent {
  /** The Engine method, e.g. `completeTask`, `finishJob`. */
  command: string;
  seconds: number;
  /** Statements its writes took (1 when it fitted one statement without a transaction). */
  statements: number;
  /** Whether it ran (in the end) inside a transaction. */
  inTransaction: boolean;
  /** Job rows it inserted; a runner may take them at once. */
  enqueued: readonly JobRow[];
  /** Whether it scheduled a timer. */
  scheduled: boolean;
}

/** Metrics, runners, tests: anything that wants to know what the engine did, without wrapping it. */
export interface EngineObserver {
  /** The command's work was applied. */
  committed?(event: CommandEvent): void;
  /** The command was refused or failed; it wrote nothing. */
  failed?(event: { command: string; seconds: number; error: unknown }): void;
}

/** The unit of work of one command and what its steps need. */
export interface CommandContext {
  uow: UnitOfWork;
  deps: EngineDeps;
}

/**
 * What a command needs from the Engine (engine.ts): its dependencies and `run`, which applies the
 * work in its unit of work (`oneStatement`: try it as one statement without a transaction first,
 * see store/unit-of-work.ts) and tells the observers. The commands live in files by concern
 * (instance-commands.ts, task-commands.ts, …); the Engine's methods only hand them this.
 */
export interface CommandRunner {
  readonly deps: EngineDeps;
  run<T>(command: string, work: (cx: CommandContext) => Promise<T>, options?: { oneStatement?: boolean }): Promise<T>;
}
