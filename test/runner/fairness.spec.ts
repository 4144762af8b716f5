/**
 * One tenant cannot stop the others through the runner (issue 16): a job that hangs holds one
 * slot, not the timers nor another tenant's jobs; timers fire in bounded batches taking turns
 * between tenants; one tenant never holds every slot of a job type.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from '../service/harness.js';
import { findInstance } from '../../engine/store/instances.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const SERVICE = bpmn('layanan', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Panggil"><bpmn:extensionElements><zeebe:taskDefinition type="lambat" retries="1" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Panggil')}${flow('F1', 'Panggil', 'E')}`);

const WAIT = bpmn('tunggu', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateCatchEvent id="Jeda"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Jeda')}${flow('F1', 'Jeda', 'E')}`);

const HOURLY = bpmn('tiap-jam', `
  <bpmn:startEvent id="Tiap"><bpmn:outgoing>F0</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'Tiap', 'E')}`);

/** Polls `check` until it holds (the spec's own timeout bounds the wait). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

forEachBackend('runner: one tenant cannot stop the others', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend, { runner: { pollMs: 50, concurrency: 2 } }); });
  after(async () => { await h.close(); });
  beforeEach(() => h.clock.pin(T0));

  it('given tenant A\'s jobs hanging in every slot they may take, when tenant B\'s job and timer are due, then both proceed while A\'s still hang', async function () {
    this.timeout(60_000);
    const a = await newTenant(h, 'a');
    const b = await newTenant(h, 'b');
    const anaA = actor(a, 'ana', ['analyst']);
    const anaB = actor(b, 'ana', ['analyst']);
    await h.engine.deploy(anaA, [SERVICE]);
    await h.engine.deploy(anaB, [SERVICE, WAIT]);
    const hanging: (() => void)[] = [];
    let started = 0;
    h.registry.register('lambat', async (job) => {
      started++;
      if (job.tenant === a) await new Promise<void>((resolve) => hanging.push(resolve));
      return { variables: { selesai: true } };
    });
    const stuck = await Promise.all([1, 2, 3].map(() => h.engine.startInstance(anaA, { processKey: 'layanan' })));
    h.runner.start();
    try {
      await eventually(async () => hanging.length === 1);
      const waiting = await h.engine.startInstance(anaB, { processKey: 'tunggu' });
      const served = await h.engine.startInstance(anaB, { processKey: 'layanan' });
      h.clock.pin(new Date(T0.getTime() + 61_000));
      h.runner.wake();
      await eventually(async () => (await findInstance(h.db.knex, b, served.instanceId))?.state === 'completed');
      await eventually(async () => (await findInstance(h.db.knex, b, waiting.instanceId))?.state === 'completed');
      // A holds one of the two slots (all but one): its other jobs wait, B's ran beside it.
      expect(hanging).to.have.length(1);
      for (const s of stuck) expect((await findInstance(h.db.knex, a, s.instanceId))?.state).to.equal('active');
    } finally {
      for (let i = 0; i < 10 && (hanging.length || started < 4); i++) {
        hanging.splice(0).forEach((resolve) => resolve());
        await new Promise((r) => setTimeout(r, 50));
      }
      await h.runner.stop();
    }
    expect(started).to.equal(4);
  });

  it('given tenant A with hundreds of due timers and tenant B with one, when the runner takes one batch, then it fires a bounded number and B\'s among them', async () => {
    const a = await newTenant(h, 'a');
    const b = await newTenant(h, 'b');
    const [defA] = (await h.engine.deploy(actor(a, 'ana', ['analyst']), [HOURLY])).processes;
    await h.engine.deploy(actor(b, 'ana', ['analyst']), [HOURLY]);
    const [row] = await h.db.knex('timer').where({ definition_id: defA.id });
    // A flood of A's timers, all due before B's. Fresh ids: ids made by changing the row's last
    // four characters met the row's own id when it ended in 0000-0299 (a duplicate key, 1 run in ~200).
    const flood = Array.from({ length: 300 }, (_, i) => ({ ...row, id: randomUUID(), due_at: new Date(T0.getTime() - 3600_000 + i), repeat: null }));
    await h.db.knex.batchInsert('timer', flood, 100);
    h.clock.pin(new Date(T0.getTime() + 3600_000));
    const fired = await h.runner.runOnce();
    expect(fired).to.equal(20);
    const countB = Number((await h.db.knex('process_instance').where({ tenant_id: b }).count('* as n').first())!.n);
    expect(countB, 'B\'s timer fired in the first batch').to.equal(1);
    await h.runner.drain();
    const countA = Number((await h.db.knex('process_instance').where({ tenant_id: a }).count('* as n').first())!.n);
    expect(countA, "the flood and A's own hourly round").to.equal(301);
  });
});
