/** Spec support for the core: compile a BPMN fixture and host it in the in-memory engine. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { MemoryEngine, type MemoryEngineOptions, type MemoryIncident } from '../../engine/memory/engine.js';
import type { ProcessModel } from '../../engine/core/model.js';
import type { Effect } from '../../engine/core/effects.js';
import type { HistoryEntry } from '../../engine/core/history.js';
import type { StepResult } from '../../engine/core/step.js';
import type { Input } from '../../engine/core/inputs.js';
import { activeElements, processVariables } from '../../engine/core/queries.js';
import { evaluateInline, type FeelEvaluator } from '../../engine/expressions/feel.js';

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

/** Compiled fixtures by their XML: models are deep-frozen, so sharing them between specs is safe and keeps the suite fast. */
const compiled = new Map<string, Promise<ProcessModel[]>>();

export function compile(xml: string): Promise<ProcessModel[]> {
  let models = compiled.get(xml);
  if (!models) {
    models = compileBpmn(xml).then((r) => {
      if (!r.ok) throw new Error(`fixture does not compile: ${r.errors.map((e) => `${e.element ?? ''} ${e.message}`).join('; ')}`);
      return r.definitions.processes;
    });
    compiled.set(xml, models);
  }
  return models;
}

/** Given a fixture (file name or inline XML), an engine hosting its processes. */
export async function given(fixtureOrXml: string, opts: MemoryEngineOptions = {}): Promise<MemoryEngine> {
  const xml = fixtureOrXml.trimStart().startsWith('<') ? fixtureOrXml : fixture(fixtureOrXml);
  return new MemoryEngine(await compile(xml), opts);
}

/** Element ids in the order they completed, for path assertions. */
export function path(engine: MemoryEngine, instanceId: string): string[] {
  return (engine.history.get(instanceId) ?? []).filter((h) => h.type === 'element.completed').map((h) => h.elementId!);
}

/** A minimal Camunda-8 BPMN document around process XML, for inline fixtures. */
export function bpmn(body: string, id = 'p'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="alur-test-definitions" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Shorthand for a sequence flow. */
export function flow(id: string, from: string, to: string, condition?: string): string {
  return condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** A definitions document with several processes and root elements (messages, signals, errors). */
export function definitions(...parts: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="alur-test-definitions" targetNamespace="http://alur.go.id/test">
${parts.join('\n')}
</bpmn:definitions>`;
}

/** One executable process for definitions(). */
export function processXml(id: string, body: string): string {
  return `<bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>`;
}

/** A process `p` plus root elements (messages, signals, errors, escalations). */
export function bpmnWith(roots: string, body: string, id = 'p'): string {
  return definitions(roots, processXml(id, body));
}

/** A chain of sequence flows through the given element ids: f1 a→b, f2 b→c, … */
export function chain(...ids: string[]): string {
  return ids.slice(1).map((to, i) => flow(`f${i + 1}`, ids[i], to)).join('');
}

/** A service task with a job type (and optional retries). */
export function serviceTask(id: string, type: string, retries?: number, extra = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}"${retries === undefined ? '' : ` retries="${retries}"`}/>${extra}</bpmn:extensionElements></bpmn:serviceTask>`;
}

/** A Camunda 8 user task; `ext` goes inside its extensionElements. */
export function userTask(id: string, ext = ''): string {
  return `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask/>${ext}</bpmn:extensionElements></bpmn:userTask>`;
}

/** The process variables of an instance (root scope while running, final ones after). */
export function vars(engine: MemoryEngine, instanceId: string): Record<string, unknown> {
  return processVariables(engine.state(instanceId));
}

/** Active element ids of an instance (containers included). */
export function active(engine: MemoryEngine, instanceId: string): string[] {
  return activeElements(engine.state(instanceId));
}

/** History entries of one type. */
export function historyOf(engine: MemoryEngine, instanceId: string, type: HistoryEntry['type']): HistoryEntry[] {
  return (engine.history.get(instanceId) ?? []).filter((h) => h.type === type);
}

/** Effects of one type from a step result. */
export function effectsOf<T extends Effect['type']>(result: StepResult, type: T): Extract<Effect, { type: T }>[] {
  return result.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

/** The key of the subscription that element `elementId` waits on. */
export function subKey(engine: MemoryEngine, instanceId: string, elementId: string): number {
  const subs = engine.state(instanceId).subs ?? {};
  const key = Object.keys(subs).find((k) => subs[Number(k)].e === elementId);
  if (key === undefined) throw new Error(`no subscription for ${elementId} in ${instanceId}`);
  return Number(key);
}

/** The element-instance key of the (first) active instance of `elementId`. */
export function elementKey(engine: MemoryEngine, instanceId: string, elementId: string): number {
  const els = engine.state(instanceId).els;
  const key = Object.keys(els).find((k) => els[Number(k)].e === elementId);
  if (key === undefined) throw new Error(`${elementId} is not active in ${instanceId}`);
  return Number(key);
}

/** The open incidents of an instance, in key order. */
export function incidentsOf(engine: MemoryEngine, instanceId: string): MemoryIncident[] {
  return [...engine.incidents.values()].filter((i) => i.instanceId === instanceId).sort((a, b) => a.key - b.key);
}

/** Freezes a value and everything it reaches, so any mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** A timer event definition with a formal expression (date, duration or cycle; FEEL with `=`). */
export function timer(kind: 'date' | 'duration' | 'cycle', value: string): string {
  const tag = kind === 'date' ? 'timeDate' : kind === 'duration' ? 'timeDuration' : 'timeCycle';
  return `<bpmn:timerEventDefinition><bpmn:${tag} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${tag}></bpmn:timerEventDefinition>`;
}

/** A boundary event on `activity` with an event definition; non-interrupting when `interrupting` is false. */
export function boundary(id: string, activity: string, definition: string, interrupting = true): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${activity}"${interrupting ? '' : ' cancelActivity="false"'}>${definition}</bpmn:boundaryEvent>`;
}

/**
 * A FEEL evaluator that fails, like a runaway expression under the bounded evaluator would, whenever
 * the expression mentions `explode` and the variable `explode` is true; otherwise it is feelin inline.
 * Lets incident specs fail and fix an expression deterministically and fast.
 */
export const explodingFeel: FeelEvaluator = {
  evaluate(expression, context, now) {
    if (/\bexplode\b/.test(expression) && context.explode === true) return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: exploded` };
    return evaluateInline(expression, context, now);
  },
};

/** Everything the host holds for one instance: its state and its open tasks, jobs, timers, subscriptions and incidents. */
function hostOf(engine: MemoryEngine, instanceId: string): string {
  const mine = <T extends { instanceId: string }>(rows: Iterable<T>) => [...rows].filter((r) => r.instanceId === instanceId);
  return JSON.stringify({
    state: engine.state(instanceId), tasks: mine(engine.tasks.values()), jobs: mine(engine.jobs), running: engine.running.filter((r) => r.job.instanceId === instanceId),
    timers: mine(engine.timers.values()), messages: mine(engine.messages.values()), signals: mine(engine.signals.values()), incidents: mine(engine.incidents.values()),
  });
}

/**
 * Sends a stale input (a timer for a token that moved on, a late completion) and checks that it
 * changed nothing: its reason matches `reason` and is recorded as input.ignored, there are no
 * effects, and the instance's state and everything the host holds for it are as they were.
 */
export function sendStale(engine: MemoryEngine, instanceId: string, input: Exclude<Input, { type: 'instance.start' }>, reason: RegExp): StepResult {
  const before = hostOf(engine, instanceId);
  const r = engine.send(instanceId, input);
  expect(r.ignored, `${input.type} was not ignored`).to.be.a('string');
  expect(r.ignored).to.match(reason);
  expect(r.effects).to.deep.equal([]);
  expect(r.history.map((h) => ({ type: h.type, input: h.data?.input, reason: h.data?.reason, code: typeof h.data?.code }))).to.deep.equal([{ type: 'input.ignored', input: input.type, reason: r.ignored, code: 'string' }]);
  expect(hostOf(engine, instanceId)).to.equal(before);
  return r;
}
