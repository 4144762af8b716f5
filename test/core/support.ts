/** Spec support for the core: compile a BPMN fixture and host it in the in-memory engine. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { MemoryEngine, type MemoryEngineOptions } from '../../engine/memory/engine.js';
import type { ProcessModel } from '../../engine/core/model.js';

const here = dirname(fileURLToPath(import.meta.url));

export function fixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

export async function compile(xml: string): Promise<ProcessModel[]> {
  const r = await compileBpmn(xml);
  if (!r.ok) throw new Error(`fixture does not compile: ${r.errors.map((e) => `${e.element ?? ''} ${e.message}`).join('; ')}`);
  return r.definitions.processes;
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
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Shorthand for a sequence flow. */
export function flow(id: string, from: string, to: string, condition?: string): string {
  return condition === undefined
    ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
    : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}
