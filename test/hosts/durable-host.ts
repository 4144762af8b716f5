/** The durable engine (engine/service over PGlite or PostgreSQL) behind the host conformance driver. */
import { randomUUID } from 'node:crypto';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import { JobHandlerRegistry, BpmnError } from '../../engine/runner/registry.js';
import { EmbeddedRunner } from '../../engine/runner/embedded.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { processVariables } from '../../engine/core/index.js';
import type { Actor } from '../../engine/service/actor.js';
import type { Database } from '../../engine/store/database.js';
import { CaseBpmnError, instanceLine, sorted, taskLine, type CaseHandler, type HostDriver, type World } from './world.js';
import { T0 } from './memory-host.js';

/** A driver over `db` (shared by the cases of one backend; each case gets its own tenant). */
export async function durableHost(db: Database, handlers: Record<string, CaseHandler> = {}): Promise<HostDriver> {
  const clock = new Clock();
  clock.pin(new Date(T0));
  const registry = new JobHandlerRegistry();
  for (const [type, handler] of Object.entries(handlers)) {
    registry.register(type, async (job) => {
      try {
        return { variables: handler(job.variables) ?? {} };
      } catch (err) {
        if (err instanceof CaseBpmnError) throw new BpmnError(err.code);
        throw err;
      }
    });
  }
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache() });
  // The memory host waits 1 s before every retry; so does this runner's first one.
  const runner = new EmbeddedRunner(engine, registry, { backoffMs: 1000 });
  const tenant = `host-${randomUUID().slice(0, 8)}`;
  await insertTenant(db.knex, { id: tenant, name: tenant, created_at: new Date(T0) });
  const admin: Actor = { id: randomUUID(), username: `admin-${tenant}`, tenant, roles: ['admin', 'analyst'], groups: [] };
  const k = db.knex;
  const settle = () => runner.drain();
  const only = async (processId: string) => {
    const rows = await k('process_instance').where({ tenant_id: tenant, process_key: processId, state: 'active' }).select('id');
    if (rows.length !== 1) throw new Error(`expected one active instance of ${processId}, found ${rows.length}`);
    return rows[0].id as string;
  };

  return {
    async deploy(xml) {
      await engine.deploy(admin, [{ name: 'case.bpmn', content: Buffer.from(xml) }]);
    },
    async start(processId, options = {}) {
      await engine.startInstance(admin, { processKey: processId, variables: options.variables, businessKey: options.businessKey });
      await settle();
    },
    async complete(elementId, variables) {
      const tasks = await k('user_task').where({ tenant_id: tenant, element_id: elementId, state: 'open' }).select('id');
      if (tasks.length !== 1) throw new Error(`expected one open task ${elementId}, found ${tasks.length}`);
      await engine.claim(admin, tasks[0].id);
      await engine.completeTask(admin, tasks[0].id, variables ?? {});
      await settle();
    },
    async publish(name, correlationKey, variables) {
      const taken = await engine.publishMessage(admin, { name, correlationKey, variables });
      await settle();
      return taken !== undefined;
    },
    async cancel(processId) {
      await engine.cancelInstance(admin, await only(processId));
      await settle();
    },
    async advance(ms) {
      clock.pin(new Date(clock.now().getTime() + ms));
      await settle();
    },
    async world() {
      const instances = await k('process_instance').where({ tenant_id: tenant }).select('id', 'process_key', 'state', 'business_key', 'parent_instance_id', 'snapshot');
      const processOf = new Map<string, string>(instances.map((i) => [i.id, i.process_key]));
      const of = (id: string) => processOf.get(id) ?? '?';
      const count = new Map<string, number>();
      for (const i of instances) count.set(i.process_key, (count.get(i.process_key) ?? 0) + 1);
      const variables: World['variables'] = {};
      for (const i of instances) if (count.get(i.process_key) === 1) variables[i.process_key] = processVariables(i.snapshot);
      const ids = instances.map((i) => i.id);
      const tasks = await k('user_task').where({ tenant_id: tenant, state: 'open' }).select('instance_id', 'element_id', 'business_key');
      const incidents = await k('incident').where({ tenant_id: tenant, state: 'open' }).select('instance_id', 'element_id', 'type');
      const jobs = await k('job').where({ tenant_id: tenant }).whereIn('state', ['ready', 'running']).select('instance_id', 'element_id', 'type');
      const timers = await k('timer').where({ tenant_id: tenant }).whereNotNull('instance_id').select('instance_id', 'element_id');
      const messages = await k('message_subscription').where({ tenant_id: tenant }).select('instance_id', 'element_id', 'name');
      const signals = ids.length ? await k('signal_subscription').where({ tenant_id: tenant }).select('instance_id', 'element_id', 'name') : [];
      return {
        instances: sorted(instances.map((i) => instanceLine(i.process_key, i.state, i.parent_instance_id ? of(i.parent_instance_id) : null, i.business_key))),
        tasks: sorted(tasks.map((t) => taskLine(of(t.instance_id), t.element_id, t.business_key))),
        incidents: sorted(incidents.map((i) => `${of(i.instance_id)}/${i.element_id} ${i.type}`)),
        jobs: sorted(jobs.map((j) => `${of(j.instance_id)}/${j.element_id} ${j.type}`)),
        timers: sorted(timers.map((t) => `${of(t.instance_id)}/${t.element_id}`)),
        subscriptions: sorted([
          ...messages.map((m) => `${of(m.instance_id)}/${m.element_id} message ${m.name}`),
          ...signals.map((s) => `${of(s.instance_id)}/${s.element_id} signal ${s.name}`),
        ]),
        variables,
      };
    },
    async close() {
      await runner.stop();
    },
  };
}
