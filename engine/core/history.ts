/**
 * History entries: what happened, in the past tense, in order. The store appends them with a
 * timestamp; the API shows them as the instance's history.
 */
export interface HistoryEntry {
  type:
    | 'instance.started' | 'instance.completed' | 'instance.terminated' | 'instance.cancelled' | 'instance.failed'
    | 'element.activated' | 'element.completed' | 'element.terminated' | 'flow.taken'
    | 'task.completed' | 'job.completed' | 'job.failed' | 'job.error'
    | 'timer.fired' | 'message.correlated' | 'message.published' | 'signal.received' | 'signal.thrown'
    | 'error.thrown' | 'escalation.thrown' | 'compensation.thrown'
    | 'incident.raised' | 'incident.resolved' | 'input.ignored' | 'variables.updated'
    | 'variables.changed' | 'instance.modified' | 'instance.migrated'
    | 'document.signed'
    | 'sla.started' | 'sla.paused' | 'sla.resumed' | 'sla.met' | 'sla.missed' | 'deadline.replanned';
  elementId?: string;
  key?: number;
  user?: string;
  data?: Record<string, unknown>;
}
