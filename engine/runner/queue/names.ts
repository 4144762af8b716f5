/**
 * Names in Redis: one BullMQ queue per task type (so concurrency and rate limits are per type)
 * and one for timers, under a configurable key prefix (each test run uses its own). Job ids come
 * from PostgreSQL ids and must never contain `:` (BullMQ's key separator).
 */
export const TIMER_QUEUE = 'alur-timers';

/** Queue of a task type; types are free text in the model, so anything outside [A-Za-z0-9._-] is encoded. */
export function jobQueueName(type: string): string {
  return `alur-job-${type.replace(/[^A-Za-z0-9._-]/g, (c) => `~${c.charCodeAt(0).toString(16)}`)}`;
}

/** The queue job id of a service-task attempt: the effect id (`<instanceId>-<key>-<attempt>`). */
export function serviceJobId(effectId: string): string {
  if (effectId.includes(':')) throw new Error(`job id ${effectId} contains ':'`);
  return effectId;
}

/** The queue job id of a timer round: its row id and due instant (a cycle keeps the row, not the instant). */
export function timerJobId(timerId: string, dueAt: Date, epoch: number): string {
  return `timer-${timerId}-${dueAt.getTime()}-${epoch}`;
}

/** What a service-task queue job carries: ids only, never variables or personal data. */
export interface ServiceJobData {
  /** The job row's id (`job.id`; the queue job's own id is the effect id). */
  jobRowId: string;
}

/** The job row id of a queue job; `jobId` is the field's name in queue jobs added before it was renamed. */
export function jobRowIdOf(data: ServiceJobData | { jobId: string }): string {
  return 'jobRowId' in data ? data.jobRowId : data.jobId;
}

/** What a timer queue job carries: the timer row and the due instant it was scheduled for. */
export interface TimerJobData {
  timerId: string;
  dueAt: number;
}
