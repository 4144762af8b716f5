/** The memory host (engine/memory) behind the host conformance driver. */
import { MemoryEngine, type MemoryJobHandler } from '../../engine/memory/engine.js';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { processVariables, type ProcessModel } from '../../engine/core/index.js';
import { CaseBpmnError, instanceLine, sorted, taskLine, type CaseHandler, type HostDriver, type World } from './world.js';

export const T0 = '2026-12-01T08:00:00.000Z';

export function memoryHost(handlers: Record<string, CaseHandler> = {}): HostDriver {
  const models: ProcessModel[] = [];
  let engine: MemoryEngine | undefined;
  const memoryHandlers: Record<string, MemoryJobHandler> = {};
  for (const [type, handler] of Object.entries(handlers)) {
    memoryHandlers[type] = (_job, variables) => {
      try {
        return handler(variables) ?? {};
      } catch (err) {
        if (err instanceof CaseBpmnError) throw { bpmnError: err.code };
        throw err;
      }
    };
  }
  const host = () => {
    engine ??= new MemoryEngine(models, { now: T0, handlers: memoryHandlers });
    return engine;
  };
  const only = (processId: string) => {
    const ids = [...host().instances.entries()].filter(([, s]) => s.processId === processId && s.status === 'active').map(([id]) => id);
    if (ids.length !== 1) throw new Error(`expected one active instance of ${processId}, found ${ids.length}`);
    return ids[0];
  };
  const processOf = (instanceId: string) => host().instances.get(instanceId)?.processId ?? '?';

  return {
    async deploy(xml) {
      const compiled = await compileBpmn(xml);
      if (!compiled.ok) throw new Error(`case does not compile: ${compiled.errors.map((e) => `${e.element ?? ''} ${e.message}`).join('; ')}`);
      for (const m of compiled.definitions.processes) {
        models.push(m);
        engine?.models.set(m.id, m);
      }
    },
    async start(processId, options = {}) {
      host().start(processId, options.variables ?? {}, options.businessKey === undefined ? {} : { businessKey: options.businessKey });
      host().runJobs();
    },
    async complete(elementId, variables) {
      const tasks = host().openTasks().filter((t) => t.task.elementId === elementId);
      if (tasks.length !== 1) throw new Error(`expected one open task ${elementId}, found ${tasks.length}`);
      host().completeTask(tasks[0].instanceId, elementId, variables);
      host().runJobs();
    },
    async publish(name, correlationKey, variables) {
      const delivered = host().publish(name, correlationKey, variables);
      host().runJobs();
      return delivered;
    },
    async cancel(processId) {
      host().send(only(processId), { type: 'instance.cancel' });
      host().runJobs();
    },
    async advance(ms) {
      host().advance(ms);
    },
    async world() {
      const e = host();
      const variables: World['variables'] = {};
      const count = new Map<string, number>();
      for (const s of e.instances.values()) count.set(s.processId, (count.get(s.processId) ?? 0) + 1);
      for (const s of e.instances.values()) if (count.get(s.processId) === 1) variables[s.processId] = processVariables(s);
      const subElement = (instanceId: string, key: number) => e.instances.get(instanceId)?.subs?.[key]?.e ?? '?';
      return {
        instances: sorted([...e.instances.values()].map((s) => instanceLine(s.processId, s.status, s.parent ? processOf(s.parent.instanceId) : null, s.businessKey))),
        tasks: sorted(e.openTasks().map((t) => taskLine(processOf(t.instanceId), t.task.elementId, e.instances.get(t.instanceId)?.businessKey))),
        incidents: sorted([...e.incidents.values()].map((i) => `${processOf(i.instanceId)}/${i.elementId} ${i.type}`)),
        jobs: sorted([...e.jobs, ...e.running.map((r) => r.job)].map((j) => `${processOf(j.instanceId)}/${j.elementId} ${j.type}`)),
        timers: sorted([...e.timers.values()].map((t) => `${processOf(t.instanceId)}/${t.elementId}`)),
        subscriptions: sorted([
          ...[...e.messages.values()].map((m) => `${processOf(m.instanceId)}/${subElement(m.instanceId, m.key)} message ${m.name}`),
          ...[...e.signals.values()].map((s) => `${processOf(s.instanceId)}/${subElement(s.instanceId, s.key)} signal ${s.name}`),
        ]),
        variables,
      };
    },
    async close() {},
  };
}
