/**
 * Attack 1 of issue 16: a timer start event `R/PT0.001S` started 74,000 instances in 8 minutes
 * and froze the server for every tenant. Cycles shorter than the minimum interval (one minute by
 * default, ALUR_TIMER_MIN_CYCLE_SECONDS) are refused at deployment naming the element; a FEEL
 * cycle computed at run time raises an incident; a runaway cycle stored before the minimum
 * existed fires at most once per minimum interval.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from './harness.js';
import { InvalidInput } from '../../engine/service/errors.js';
import { render } from '../../engine/messages/index.js';
import { openIncidentsOf } from '../../engine/store/incidents.js';
import { planTimer } from '../../engine/core/timers.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const cycle = (value: string) => `<bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${value}</bpmn:timeCycle></bpmn:timerEventDefinition>`;

const timerStart = (id: string, value: string) => bpmn(id, `
  <bpmn:startEvent id="Tiap"><bpmn:outgoing>F0</bpmn:outgoing>${cycle(value)}</bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'Tiap', 'E')}`);

/** A task with a non-interrupting cycle boundary `Ingatkan` leading to an end. */
const reminder = (id: string, value: string) => bpmn(id, `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Periksa"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:userTask>
  <bpmn:boundaryEvent id="Ingatkan" attachedToRef="Periksa" cancelActivity="false"><bpmn:outgoing>F2</bpmn:outgoing>${cycle(value)}</bpmn:boundaryEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  <bpmn:endEvent id="E2"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  ${flow('F0', 'S', 'Periksa')}${flow('F1', 'Periksa', 'E')}${flow('F2', 'Ingatkan', 'E2')}`);

async function refusal(deploying: Promise<unknown>): Promise<InvalidInput> {
  const err = await deploying.then(() => undefined, (e: unknown) => e);
  if (err instanceof InvalidInput) return err;
  return expect.fail(`expected a refusal, got ${String(err)}`) as never;
}

describe('core: planTimer with a minimum cycle interval', () => {
  it('refuses a cycle below the minimum and keeps one at or above it', () => {
    const now = T0.toISOString();
    const short = planTimer('cycle', 'R/PT0.001S', now, 60_000);
    expect(short.ok).to.equal(false);
    expect(!short.ok && short.problem).to.contain('minimum interval of 60 s');
    expect(planTimer('cycle', 'R/PT1M', now, 60_000).ok).to.equal(true);
    expect(planTimer('cycle', 'R/PT1S', now).ok, 'no minimum given: the core alone keeps its old judgement').to.equal(true);
  });
});

forEachBackend('service: timer cycles have a minimum interval', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });
  beforeEach(() => h.clock.pin(T0));

  const count = async (table: string, tenant: string) => Number((await h.db.knex(table).where({ tenant_id: tenant }).count('* as n').first())!.n);

  it('given a timer start R/PT0.001S, when deployed, then it is refused naming the element in English and Indonesian, and nothing is written', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const err = await refusal(h.engine.deploy(ana, [timerStart('banjir', 'R/PT0.001S')]));
    expect(err.errors).to.have.length(1);
    expect(err.errors[0].element).to.equal('Tiap');
    expect(err.errors[0].message).to.equal('Start event Tiap: the timer cycle repeats every PT0.001S, more often than the minimum of PT1M this server allows; write a longer interval (at least PT1M).');
    expect(render(err.errors[0].text!, 'id')).to.equal('Event mulai Tiap: siklus timer berulang setiap PT0.001S, lebih sering dari batas minimum PT1M yang diizinkan server ini; tulis interval yang lebih panjang (paling sedikit PT1M).');
    expect([await count('process_definition', tenant), await count('deployment', tenant), await count('timer', tenant)]).to.deep.equal([0, 0, 0]);
  });

  it('given a FEEL start cycle and a non-interrupting boundary cycle below a minute, when deployed, then each is refused naming its element; a one-minute cycle deploys', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const feel = await refusal(h.engine.deploy(ana, [timerStart('feel-cycle', '="R/PT30S"')]));
    expect(feel.errors.map((e) => e.element)).to.deep.equal(['Tiap']);
    const boundary = await refusal(h.engine.deploy(ana, [reminder('ingat', 'R/PT1S')]));
    expect(boundary.errors.map((e) => [e.element, e.message])).to.deep.equal([['Ingatkan', 'Boundary event Ingatkan: the timer cycle repeats every PT1S, more often than the minimum of PT1M this server allows; write a longer interval (at least PT1M).']]);
    await h.engine.deploy(ana, [timerStart('tiap-menit', 'R/PT1M'), reminder('ingat-menit', 'R/PT1M')]);
    expect(await count('process_definition', tenant)).to.equal(2);
  });

  it('given a boundary cycle read from a variable, when it evaluates below the minimum at run time, then an incident names it and no timer is planned', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [reminder('ingat-feel', '=jadwal')]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'ingat-feel', variables: { jadwal: 'R/PT0.001S' } });
    const incidents = await openIncidentsOf(h.db.knex, instanceId);
    expect(incidents.map((i) => i.message)).to.deep.equal(['timer of Ingatkan: in cycle "R/PT0.001S": "PT0.001S" repeats more often than the minimum interval of 60 s; write a longer interval (e.g. PT1M)']);
    expect(await h.db.knex('timer').where({ instance_id: instanceId }).count('* as n').first().then((r) => Number(r!.n))).to.equal(0);
  });

  it('given a runaway start cycle stored before the minimum existed, when the runner drains, then it fires once and its next round waits the minimum', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const [def] = (await h.engine.deploy(ana, [timerStart('lama', 'R/PT1H')])).processes;
    // What an older version let in: the row a deployment of R/PT0.001S wrote.
    await h.db.knex('timer').where({ definition_id: def.id }).update({ due_at: T0, repeat: JSON.stringify({ left: null, every: 'PT0.001S' }) });
    await h.runner.drain();
    expect(await count('process_instance', tenant)).to.equal(1);
    const [row] = await h.db.knex('timer').where({ definition_id: def.id });
    expect(new Date(row.due_at).getTime() - T0.getTime()).to.equal(60_000);
    h.clock.pin(new Date(T0.getTime() + 59_999));
    await h.runner.drain();
    expect(await count('process_instance', tenant)).to.equal(1);
  });

  it('given a boundary cycle stored before the minimum existed, when it fires, then its next round waits the minimum', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [reminder('ingat-lama', 'R/PT1H')]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'ingat-lama' });
    // Rewrite the stored cycle as an older version would have kept R/PT0.001S.
    const inst = await h.db.knex('process_instance').where({ id: instanceId }).first();
    const snapshot = typeof inst.snapshot === 'string' ? JSON.parse(inst.snapshot) : inst.snapshot;
    for (const sub of Object.values(snapshot.subs as Record<string, { cycle?: { every: string }; due?: string }>)) {
      if (sub.cycle) { sub.cycle.every = 'PT0.001S'; sub.due = T0.toISOString(); }
    }
    await h.db.knex('process_instance').where({ id: instanceId }).update({ snapshot: JSON.stringify(snapshot) });
    await h.db.knex('timer').where({ instance_id: instanceId }).update({ due_at: T0 });
    await h.runner.drain();
    const timers = await h.db.knex('timer').where({ instance_id: instanceId });
    expect(timers).to.have.length(1);
    expect(new Date(timers[0].due_at).getTime() - T0.getTime()).to.equal(60_000);
  });

  it('given ALUR_TIMER_MIN_CYCLE_SECONDS=1, when a one-second cycle is deployed, then it is accepted and half a second is refused', async () => {
    const low = await openHarness(backend, { deps: { timerMinCycleMs: 1000 } });
    try {
      const tenant = await newTenant(low);
      const ana = actor(tenant, 'ana', ['analyst']);
      await low.engine.deploy(ana, [timerStart('detik', 'R/PT1S')]);
      const err = await refusal(low.engine.deploy(ana, [timerStart('setengah', 'R/PT0.5S')]));
      expect(err.errors[0].message).to.contain('minimum of PT1S');
    } finally {
      await low.close();
    }
  });
});
