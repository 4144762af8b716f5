/** Shapes the inbox reads from the API (API.md, "Tasks" and "Process instances"). Data only. */
export type TaskState = 'open' | 'completed' | 'cancelled';

export interface Task {
  id: string;
  name: string | null;
  elementId: string;
  processInstanceId: string;
  processKey: string;
  processName?: string | null;
  businessKey: string | null;
  assignee: string | null;
  /** The holder's display name (servers before API 1.1: absent, the username is shown). */
  assigneeName?: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  /** Working days until dueDate by the tenant's calendar; negative once overdue; null without one. */
  workingDaysLeft?: number | null;
  followUpDate: string | null;
  priority: number | null;
  createdAt: string;
  formId: string | null;
  state: TaskState;
  completedAt?: string | null;
  completedBy?: string | null;
  completedByName?: string | null;
}

export interface TaskDetail extends Task {
  variables: Record<string, unknown>;
  form?: FormSchema | null;
}

/** A form-js schema; the inbox only looks at component keys and ids. */
export interface FormSchema {
  components?: FormComponent[];
  [key: string]: unknown;
}
export interface FormComponent {
  id?: string;
  key?: string;
  type: string;
  label?: string;
  components?: FormComponent[];
  [key: string]: unknown;
}

export interface ProcessInstance {
  id: string;
  processKey: string;
  version: number;
  /** Added by the server beside API.md's fields; saves a lookup by key and version. */
  processDefinitionId?: string;
  businessKey: string | null;
  state: 'active' | 'completed' | 'terminated' | 'cancelled';
  variables: Record<string, unknown>;
  activeElements: string[];
  startedAt: string;
  endedAt: string | null;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

export interface HistoryItem {
  at: string;
  type: string;
  elementId?: string;
  user?: string;
  /** Display name of `user` (API 1.1). */
  userName?: string;
  /** Display name of `data.assignee` on task entries (API 1.1). */
  assigneeName?: string;
  data?: Record<string, unknown>;
}

/** A tab of the list; `done` is the caller's own completed tasks (filter=mine, state=completed). */
export type TaskFilter = 'mine' | 'candidate' | 'all' | 'done';
export type TaskSort = 'dueDate' | 'priority' | 'createdAt';
