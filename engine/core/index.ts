/**
 * The execution core: a pure, deterministic reducer. `step(model, state, input, now)` returns the
 * next state, the effects to carry out and the history to append. No I/O, no clock, no randomness.
 */
export { step, startStep } from './step.js';
export type { StepResult, StepEnv, Models, TimeBudget } from './step.js';
export * from './model.js';
export * from './state.js';
export * from './inputs.js';
export * from './effects.js';
export * from './history.js';
export { InputRefused, CoreBug } from './errors.js';
export type { Ignored, IgnoredCode } from './ignored.js';
export { visibleVariables, processVariables, activeElements, activeElementInstances, openIncidents } from './queries.js';
export { checkModification, type Modification, type ModificationProblem, type ModificationCode } from './modify.js';
export type { ElementRef, ElementProblem, ProblemParam } from './problems.js';
export { checkMigration, type MigrationProblem, type MigrationCode, type ElementMapping } from './migrate.js';
export { slaReport, slaDue, dueSoonBefore, workingDaysLeft, runningState, processWorkingDays, SLA_STATES, type SlaState, type SlaReport } from './sla.js';
