/**
 * A ready engine over a fresh database of one backend, with a pinned clock and a registry the
 * spec fills, plus helpers to make tenants and actors without going through HTTP.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Backend } from '../store/backends.js';
import type { Database } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import type { EngineDeps } from '../../engine/service/context.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { EmbeddedRunner, type RunnerOptions } from '../../engine/runner/embedded.js';
import type { Actor } from '../../engine/service/actor.js';
import { insertTenant } from '../../engine/store/tenants.js';

export interface Harness {
  db: Database;
  clock: Clock;
  engine: Engine;
  registry: JobHandlerRegistry;
  runner: EmbeddedRunner;
  close(): Promise<void>;
}

export const T0 = new Date('2026-12-01T08:00:00Z');

/** `deps` and `runner` override the engine's and the runner's settings (a lower timer minimum, runner slots). */
export async function openHarness(backend: Backend, options: { deps?: Partial<EngineDeps>; runner?: RunnerOptions } = {}): Promise<Harness> {
  const db = await backend.open();
  const clock = new Clock();
  clock.pin(T0);
  const registry = new JobHandlerRegistry();
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), ...options.deps });
  const runner = new EmbeddedRunner(engine, registry, { backoffMs: 1000, ...options.runner });
  return { db, clock, engine, registry, runner, close: () => db.close() };
}

/** A new tenant with a random id and an actor of it with the given roles and groups. */
export async function newTenant(h: Harness, prefix = 't'): Promise<string> {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  await insertTenant(h.db.knex, { id, name: id, created_at: T0 });
  return id;
}

export function actor(tenant: string, username: string, roles: string[], groups: string[] = []): Actor {
  return { id: randomUUID(), username, tenant, roles, groups };
}

export function fixture(path: string): { name: string; content: Buffer } {
  return { name: path.split('/').pop()!, content: readFileSync(new URL(`../../${path}`, import.meta.url)) };
}

/** A BPMN file from a process body (elements without the definitions wrapper). */
export function bpmn(id: string, body: string): { name: string; content: Buffer } {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_${id}" targetNamespace="http://alur.example/test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
  return { name: `${id}.bpmn`, content: Buffer.from(xml) };
}
