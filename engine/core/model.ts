/**
 * The executable model: what engine/bpmn compiles a BPMN file into and what the core runs.
 * It is plain, immutable, JSON-serialisable data — no moddle objects, no functions — so a store can
 * cache it per deployed version and the core can stay pure. Expressions stay FEEL source text
 * (without the leading `=`); the core evaluates them through engine/expressions.
 */

/** A value that is either a literal or a FEEL expression (source text without the `=`). */
export type Expr = { feel: string } | { value: string | number | boolean | null };

export type ElementType =
  | 'startEvent' | 'endEvent' | 'intermediateCatchEvent' | 'intermediateThrowEvent' | 'boundaryEvent'
  | 'task' | 'manualTask' | 'userTask' | 'serviceTask' | 'sendTask' | 'businessRuleTask'
  | 'scriptTask' | 'receiveTask'
  | 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway'
  | 'subProcess' | 'callActivity';

export type EventDefinition =
  | { kind: 'none' }
  | { kind: 'timer'; timer: TimerDef }
  | { kind: 'message'; messageName: string; correlationKey?: Expr }
  | { kind: 'signal'; signalName: string }
  /** errorCode undefined on a catch = catch all errors. */
  | { kind: 'error'; errorCode?: string }
  /** escalationCode undefined on a catch = catch all escalations. */
  | { kind: 'escalation'; escalationCode?: string }
  | { kind: 'terminate' }
  | { kind: 'link'; linkName: string }
  /** activityRef: the activity to compensate (throw); undefined = compensate the whole scope. */
  | { kind: 'compensate'; activityRef?: string; waitForCompletion?: boolean }
  | { kind: 'cancel' };

export interface TimerDef {
  /** date: ISO date-time; duration: ISO duration; cycle: `R<n>/<duration>` (n may be absent = infinite). */
  type: 'date' | 'duration' | 'cycle';
  expr: Expr;
}

export interface IoMapping {
  /** FEEL source (without `=`) or a literal. */
  source: Expr;
  /** Variable name; dotted paths (`a.b`) create nested objects. */
  target: string;
}

export interface JobDef {
  type: Expr;
  retries: Expr;
  headers: Record<string, string>;
}

export interface UserTaskDef {
  assignee?: Expr;
  candidateGroups?: Expr;
  candidateUsers?: Expr;
  dueDate?: Expr;
  followUpDate?: Expr;
  priority?: Expr;
  formId?: string;
  /** Extra Alur attributes; the core reads slaWorkingDays (a due date in working days), adapters the rest. */
  extra?: Record<string, string>;
}

export interface MultiInstanceDef {
  sequential: boolean;
  /** FEEL producing a list; one instance per item. */
  inputCollection?: string;
  inputElement?: string;
  outputCollection?: string;
  /** FEEL evaluated in the instance scope when it completes; its value is appended to outputCollection. */
  outputElement?: string;
  completionCondition?: string;
  /** FEEL or number: the instance count when there is no inputCollection. */
  loopCardinality?: string;
}

export interface StandardLoopDef {
  /** FEEL condition, evaluated after each iteration (or before, with testBefore). */
  condition?: string;
  testBefore: boolean;
  maximum?: number;
}

export interface ElementDef {
  id: string;
  type: ElementType;
  name?: string;
  /** The containing scope: the process id, or a subProcess id. */
  parent: string;
  incoming: string[];
  outgoing: string[];
  /** Gateways and activities: the default flow id. */
  defaultFlow?: string;
  /** Events: the (first) event definition; `none` when there is none. */
  event?: EventDefinition;
  /** Boundary events: the activity it is attached to, and whether it interrupts. */
  attachedTo?: string;
  cancelActivity?: boolean;
  /** Start events of event subprocesses: interrupting or not. */
  interrupting?: boolean;
  /** Activities: ids of the boundary events attached to them. */
  boundaryEvents?: string[];
  /** Compensation: the handler activity of a compensation boundary event, and the flag on the handler. */
  compensationHandler?: string;
  isForCompensation?: boolean;
  /**
   * Embedded subProcess without a compensation handler of its own that still has something to
   * compensate once it completed (BPMN 2.0 §10.5.6): a compensation event subprocess (`esp`), which
   * then stands for the whole subprocess, or else compensable activities inside it. Absent: a
   * completed instance leaves nothing behind for compensation, so the state stays small.
   */
  compensable?: { esp?: string };
  inputs?: IoMapping[];
  outputs?: IoMapping[];
  job?: JobDef;
  userTask?: UserTaskDef;
  /** scriptTask: FEEL expression and the variable receiving its result. */
  script?: { expression: string; resultVariable: string };
  /** callActivity: the called process id (literal or FEEL) and propagation flags. */
  called?: { processId: Expr; propagateAllChildVariables: boolean; propagateAllParentVariables: boolean };
  multiInstance?: MultiInstanceDef;
  loop?: StandardLoopDef;
  /** subProcess: true for an event subprocess (triggeredByEvent). */
  triggeredByEvent?: boolean;
  /** subProcess / process: its children, start events, and event subprocesses. */
  children?: string[];
  /** Extension data the core does not interpret (e.g. betsy placeholder text of a script task). */
  scriptText?: string;
  scriptFormat?: string;
  /** Gateways: the complex gateway is compiled as inclusive; the original type is kept here. */
  originalType?: string;
  /** `<alur:slaPause/>`: while this element is active the case's SLA clock stands (core/sla.ts). */
  slaPause?: true;
  /** receiveTask / messages: the message this waits for. */
  message?: { messageName: string; correlationKey?: Expr };
}

export interface FlowDef {
  id: string;
  source: string;
  target: string;
  /** FEEL condition source; undefined = unconditional. */
  condition?: string;
  name?: string;
}

export interface ProcessModel {
  id: string;
  name?: string;
  isExecutable: boolean;
  /** All flow nodes of the process and its subprocesses, by id. */
  elements: Record<string, ElementDef>;
  flows: Record<string, FlowDef>;
  /** Top-level flow nodes and event subprocesses (the process scope's children). */
  children: string[];
  /** Top-level start events by kind; the none start event starts an instance by default. */
  noneStart?: string;
  messageStarts: string[];
  timerStarts: string[];
  signalStarts: string[];
  /** Call activities reference these process ids (for deployment checks). */
  calledProcesses: string[];
  /** Alur metadata on the process (e.g. SLA working days, legal basis). */
  extra?: Record<string, string>;
  /** The none start event's form (zeebe:formDefinition formId): a start's variables are checked against it. Adapters only. */
  startFormId?: string;
  /** `alur:starters groups`: who may start an instance through its none start event; absent = any user. Adapters only. */
  starters?: string[];
  /** `alur:businessKey format`: a start without a business key gets the next registration number. Adapters only. */
  businessKeyFormat?: string;
  /**
   * `<alur:variables strict="true"/>`: a person may set only what a form declares — a task without
   * a form, or a start without a start form, takes no variables (the form validator already refuses
   * keys no field owns). Absent: Camunda's default, a form-less task sets anything. Adapters only.
   */
  strictVariables?: boolean;
}

export interface CompiledDefinitions {
  /** Executable processes by id, in document order. */
  processes: ProcessModel[];
  warnings: { element?: string; message: string }[];
}
