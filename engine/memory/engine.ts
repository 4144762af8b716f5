/**
 * An in-memory host for the core: it keeps instances, open tasks, jobs, timers and subscriptions
 * in maps, on a virtual clock, and carries out what a step asks of other instances (called
 * processes, messages, signals) through the same procedure as the durable engine
 * (engine/host/follow-ups.ts). It exists for specs, the conformance run, benchmarks and scenario
 * rehearsals — never for production data. test/hosts keeps it and the durable engine in step.
 */
import type { ProcessModel } from '../core/model.js';
import type { InstanceState } from '../core/state.js';
import type { Variables } from '../core/inputs.js';
import type { Effect, UserTaskSpec } from '../core/effects.js';
import type { HistoryEntry } from '../core/history.js';
import { step, type StepEnv, type StepResult } from '../core/step.js';
import { visibleVariables } from '../core/queries.js';
import {
  followUpsOf, carryOut, publishMessage, broadcastSignal, driveSync, correlationMatches, startEventsNamed,
  type FollowUp, type FollowUpInput, type HostRequest, type StepAnswer, type StartAnswer, type Waiting, type StartEvent,
} from '../host/follow-ups.js';

export interface MemoryJob { instanceId: string; key: number; attempt: number; type: string; elementId: string; retries: number; headers: Record<string, string>; dueAt: number }
export interface MemoryTask { instanceId: string; key: number; task: UserTaskSpec }
export interface MemoryIncident { instanceId: string; key: number; elementId: string; type: string; message: string }

const DEFER = Symbol('defer');
/** A handler result for work that takes time: the job completes `ms` later on the virtual clock. */
export interface Deferred { [DEFER]: number; variables?: Variables }
export function after(ms: number, variables?: Variables): Deferred {
  return { [DEFER]: ms, variables };
}

/** A job handler returns variables (or `after(ms, vars)`), or throws `{ bpmnError: code }` or an Error (a failed attempt). */
export type MemoryJobHandler = (job: MemoryJob, variables: Variables) => Variables | Deferred | void;

export interface MemoryEngineOptions {
  now?: string;
  env?: StepEnv;
  handlers?: Record<string, MemoryJobHandler>;
  /** Keep history per instance (off in benchmarks). */
  history?: boolean;
}

const sk = (instanceId: string, key: number) => `${instanceId}/${key}`;

/** The memory host has no tenants: every instance is in this one. */
const TENANT = '';

export class MemoryEngine {
  readonly models = new Map<string, ProcessModel>();
  readonly instances = new Map<string, InstanceState>();
  readonly tasks = new Map<string, MemoryTask>();
  readonly jobs: MemoryJob[] = [];
  /** Jobs whose handler is still at work (see after()); they complete when the clock reaches `due`. */
  readonly running: { job: MemoryJob; due: number; variables?: Variables }[] = [];
  readonly timers = new Map<string, { instanceId: string; key: number; due: number; elementId: string }>();
  readonly messages = new Map<string, { instanceId: string; key: number; name: string; ck?: string }>();
  readonly signals = new Map<string, { instanceId: string; key: number; name: string }>();
  readonly incidents = new Map<string, MemoryIncident>();
  readonly history = new Map<string, HistoryEntry[]>();
  readonly published: { name: string; correlationKey?: string; delivered: boolean }[] = [];
  clock: number;
  private seq = 0;
  private readonly handlers: Record<string, MemoryJobHandler>;

  constructor(models: ProcessModel[], private readonly opts: MemoryEngineOptions = {}) {
    for (const m of models) this.models.set(m.id, m);
    this.clock = Date.parse(opts.now ?? '2026-01-01T00:00:00.000Z');
    this.handlers = opts.handlers ?? {};
  }

  get now(): string {
    return new Date(this.clock).toISOString();
  }

  start(processId: string, variables: Variables = {}, extra: { startEventId?: string; businessKey?: string; parent?: { instanceId: string; key: number }; instanceId?: string } = {}): string {
    const model = this.mustModel(processId);
    const instanceId = extra.instanceId ?? `i${++this.seq}`;
    const result = step(model, null, { type: 'instance.start', instanceId, processId, variables, ...extra }, this.now, this.opts.env);
    this.settle(this.apply(instanceId, result));
    return instanceId;
  }

  /** Feeds one input to an instance; effects are carried out (jobs wait for runJobs()). */
  send(instanceId: string, input: FollowUpInput): StepResult {
    const state = this.instances.get(instanceId);
    if (!state) throw new Error(`no instance ${instanceId}`);
    const result = step(this.mustModel(state.processId), state, input, this.now, this.opts.env);
    this.settle(this.apply(instanceId, result));
    return result;
  }

  state(instanceId: string): InstanceState {
    return this.instances.get(instanceId)!;
  }

  openTasks(instanceId?: string): MemoryTask[] {
    return [...this.tasks.values()].filter((t) => !instanceId || t.instanceId === instanceId);
  }

  /** Completes the open task at `elementId` of the instance. */
  completeTask(instanceId: string, elementId: string, variables?: Variables, user?: string): StepResult {
    const task = this.openTasks(instanceId).find((t) => t.task.elementId === elementId);
    if (!task) throw new Error(`no open task ${elementId} in ${instanceId}; open: ${this.openTasks(instanceId).map((t) => t.task.elementId).join(', ')}`);
    return this.send(instanceId, { type: 'task.complete', key: task.key, variables, user });
  }

  /** Runs due jobs with the registered handlers until none is due. Returns how many ran. */
  runJobs(limit = 100_000): number {
    let ran = 0;
    for (let i = 0; i < this.jobs.length && ran < limit; ) {
      const job = this.jobs[i];
      if (job.dueAt > this.clock) { i++; continue; }
      this.jobs.splice(i, 1);
      ran++;
      this.runJob(job);
      i = 0;
    }
    return ran;
  }

  private runJob(job: MemoryJob): void {
    const handler = this.handlers[job.type];
    if (!handler) return void this.jobs.push({ ...job, dueAt: Number.MAX_SAFE_INTEGER });
    const state = this.instances.get(job.instanceId);
    if (!state) return;
    const variables = visibleVariables(state, job.key);
    let input: FollowUpInput;
    try {
      const out = handler(job, variables);
      if (out && DEFER in out) {
        this.running.push({ job, due: this.clock + out[DEFER], variables: out.variables });
        return;
      }
      input = { type: 'job.complete', key: job.key, variables: (out as Variables | undefined) ?? undefined };
    } catch (err) {
      const code = (err as { bpmnError?: string }).bpmnError;
      input = code !== undefined
        ? { type: 'job.error', key: job.key, errorCode: code }
        : { type: 'job.fail', key: job.key, message: (err as Error).message, retries: job.retries - 1, backoffMs: 1000 };
    }
    // Outside the try: a fault of the core must surface, not pass for a failed job.
    this.send(job.instanceId, input);
  }

  /** Moves the clock forward, firing timers and finishing running jobs in due order, running jobs that become due. */
  advance(ms: number): void {
    const until = this.clock + ms;
    this.runJobs();
    for (;;) {
      const timer = [...this.timers.values()].sort((a, b) => a.due - b.due || a.key - b.key)[0];
      const job = this.jobs.filter((j) => j.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
      const done = [...this.running].sort((a, b) => a.due - b.due)[0];
      const t = Math.min(timer && timer.due <= until ? timer.due : Infinity, job ? job.dueAt : Infinity, done && done.due <= until ? done.due : Infinity);
      if (t === Infinity) break;
      this.clock = Math.max(this.clock, t);
      if (done && done.due <= this.clock) {
        this.running.splice(this.running.indexOf(done), 1);
        this.send(done.job.instanceId, { type: 'job.complete', key: done.job.key, variables: done.variables });
      } else if (timer && timer.due <= this.clock) {
        this.timers.delete(sk(timer.instanceId, timer.key));
        if (this.instances.get(timer.instanceId)?.status === 'active') this.send(timer.instanceId, { type: 'timer.fire', key: timer.key });
      }
      this.runJobs();
    }
    this.clock = until;
  }

  /** Delivers a message as the durable engine does (engine/host/follow-ups.ts); false when nobody took it. */
  publish(name: string, correlationKey?: string, variables?: Variables): boolean {
    return driveSync(publishMessage(TENANT, name, correlationKey ?? null, variables ?? {}), (r) => this.answer(r)) !== undefined;
  }

  /** Broadcasts a signal to every waiting instance and signal start event. */
  broadcast(name: string, variables?: Variables): void {
    driveSync(broadcastSignal(TENANT, name, variables ?? {}), (r) => this.answer(r));
  }

  /** Carries out what a step asked of other instances, the way every host does. */
  private settle(followUps: FollowUp[]): void {
    if (followUps.length === 0) return;
    const messages = driveSync(carryOut(followUps), (r) => this.answer(r));
    for (const m of messages) this.published.push({ name: m.name, correlationKey: m.correlationKey ?? undefined, delivered: m.instanceId !== undefined });
  }

  /** The memory host's answers to the follow-up procedure's questions. */
  private answer(request: HostRequest): StepAnswer | StartAnswer | Waiting[] | StartEvent[] {
    switch (request.ask) {
      case 'step': {
        const state = this.instances.get(request.instanceId);
        if (!state) return { gone: true, followUps: [] };
        const result = step(this.mustModel(state.processId), state, request.input, this.now, this.opts.env);
        return { ignored: result.ignored, followUps: this.apply(request.instanceId, result) };
      }
      case 'start': {
        const model = this.models.get(request.processKey);
        if (!model) return { followUps: [] };
        const instanceId = request.instanceId ?? `i${++this.seq}`;
        const result = step(model, null, {
          type: 'instance.start', instanceId, processId: model.id, variables: request.variables,
          ...(request.startEventId ? { startEventId: request.startEventId } : {}), ...(request.businessKey !== undefined ? { businessKey: request.businessKey } : {}), ...(request.parent ? { parent: request.parent } : {}),
        }, this.now, this.opts.env);
        return { instanceId, followUps: this.apply(instanceId, result) };
      }
      case 'messageSubscriptions':
        return [...this.messages.values()].filter((m) => m.name === request.name && correlationMatches(m.ck, request.correlationKey)).map((m) => ({ instanceId: m.instanceId, key: m.key }));
      case 'signalSubscriptions':
        return [...this.signals.values()].filter((m) => m.name === request.name).map((m) => ({ instanceId: m.instanceId, key: m.key }));
      case 'startEvents':
        return [...this.models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .flatMap((m) => startEventsNamed(m, request.kind, request.name).map((startEventId) => ({ processKey: m.id, startEventId })));
    }
  }

  /** Keeps the new state and history, carries out the step's own effects; returns its follow-ups. */
  private apply(instanceId: string, result: StepResult): FollowUp[] {
    this.instances.set(instanceId, result.state);
    if (this.opts.history !== false) {
      const list = this.history.get(instanceId) ?? [];
      list.push(...result.history);
      this.history.set(instanceId, list);
    }
    for (const effect of result.effects) this.carryOut(instanceId, effect);
    return followUpsOf({ id: instanceId, tenant: TENANT }, result.effects);
  }

  private carryOut(instanceId: string, e: Effect): void {
    switch (e.type) {
      case 'task.open': this.tasks.set(sk(instanceId, e.key), { instanceId, key: e.key, task: e.task }); break;
      case 'task.close': this.tasks.delete(sk(instanceId, e.key)); break;
      case 'task.due': {
        const task = this.tasks.get(sk(instanceId, e.key));
        if (task) task.task = { ...task.task, dueDate: e.dueAt };
        break;
      }
      case 'job.enqueue': this.jobs.push({ instanceId, key: e.key, attempt: e.attempt, type: e.jobType, elementId: e.elementId, retries: e.retries, headers: e.headers, dueAt: this.clock + (e.delayMs ?? 0) }); break;
      case 'job.cancel': {
        const i = this.jobs.findIndex((j) => j.instanceId === instanceId && j.key === e.key);
        if (i >= 0) this.jobs.splice(i, 1);
        const r = this.running.findIndex((j) => j.job.instanceId === instanceId && j.job.key === e.key);
        if (r >= 0) this.running.splice(r, 1);
        break;
      }
      case 'timer.schedule': this.timers.set(sk(instanceId, e.key), { instanceId, key: e.key, due: Date.parse(e.dueAt), elementId: e.elementId }); break;
      case 'timer.cancel': this.timers.delete(sk(instanceId, e.key)); break;
      case 'message.subscribe': this.messages.set(sk(instanceId, e.key), { instanceId, key: e.key, name: e.name, ck: e.correlationKey }); break;
      case 'message.unsubscribe': this.messages.delete(sk(instanceId, e.key)); break;
      case 'signal.subscribe': this.signals.set(sk(instanceId, e.key), { instanceId, key: e.key, name: e.name }); break;
      case 'signal.unsubscribe': this.signals.delete(sk(instanceId, e.key)); break;
      case 'incident.open': this.incidents.set(sk(instanceId, e.key), { instanceId, key: e.key, elementId: e.elementId, type: e.incidentType, message: e.message }); break;
      case 'incident.close': this.incidents.delete(sk(instanceId, e.key)); break;
      case 'element.migrated': {
        const task = this.tasks.get(sk(instanceId, e.key));
        if (task) task.task = { ...task.task, elementId: e.elementId };
        const timer = this.timers.get(sk(instanceId, e.key));
        if (timer) timer.elementId = e.elementId;
        const incident = this.incidents.get(sk(instanceId, e.key));
        if (incident) incident.elementId = e.elementId;
        for (const job of this.jobs) if (job.instanceId === instanceId && job.key === e.key) job.elementId = e.elementId;
        break;
      }
      default: break; // What reaches other instances is a follow-up (apply), carried out by settle().
    }
  }

  private mustModel(processId: string): ProcessModel {
    const model = this.models.get(processId);
    if (!model) throw new Error(`process ${processId} is not deployed`);
    return model;
  }
}
