/**
 * The step pool (engine/steps/pool.ts): steps that evaluate FEEL or run long leave the main
 * thread, with the same result as the core gives inline (the core is deterministic), the FEEL
 * and step budgets still enforced on the thread, the main thread's event loop free while a
 * tenant's step burns its budget, and the threads shared fairly between tenants.
 */
import { expect } from 'chai';
import { step, InputRefused, type ProcessModel, type StepResult } from '../../engine/core/index.js';
import { createStepPool, type StepRunner, type StepSettings } from '../../engine/steps/pool.js';
import { bpmn, compile, flow } from '../core/support.js';

const NOW = '2026-12-01T08:00:00.000Z';
const ENV: StepSettings = { maxActivations: 10_000, maxMultiInstanceItems: 15_000, maxCallDepth: 20, minCycleMs: 60_000, stepTimeoutMs: 2000 };
const letters = 'abcdefghijklmnopqrstuvwx'.split('');
/** FEEL that doubles a list n-1 times: 2^(n+2) elements at the end. */
const doubling = (n: number) => `count({a: [1, 2, 3, 4, 5, 6, 7, 8], ${letters.slice(1, n).map((c, i) => `${c}: concatenate(${letters[i]}, ${letters[i]})`).join(', ')}}.${letters[n - 1]}) > 0`;

const TASK = bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>
  ${flow('f0', 's', 't')}${flow('f1', 't', 'e')}`, 'task');
const CHOICE = bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="no"/><bpmn:endEvent id="big"/><bpmn:endEvent id="small"/>
  ${flow('f0', 's', 'g')}${flow('yes', 'g', 'big', '=amount * 2 &gt; 100')}${flow('no', 'g', 'small')}`, 'choice');
const EXPLODING = bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="no"/><bpmn:endEvent id="y"/><bpmn:endEvent id="n"/>
  ${flow('f0', 's', 'g')}${flow('yes', 'g', 'y', `=${doubling(24)}`)}${flow('no', 'g', 'n')}`, 'exploding');
const ROUNDS = bpmn(`<bpmn:startEvent id="s"/><bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:exclusiveGateway id="more" default="done"/><bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'count')}${flow('f1', 'count', 'more')}${flow('again', 'more', 'count', `=${doubling(8)} and n &lt; 1000000`)}${flow('done', 'more', 'e')}`, 'rounds');

async function model(xml: string): Promise<ProcessModel> {
  return (await compile(xml))[0];
}

const start = (m: ProcessModel, variables: Record<string, unknown> = {}) => ({ type: 'instance.start' as const, instanceId: `i-${m.id}`, processId: m.id, variables });
const incidents = (r: StepResult) => r.effects.flatMap((e) => (e.type === 'incident.open' ? [[e.elementId, e.incidentType, e.message]] : []));

describe('steps: the step pool', function () {
  this.timeout(60_000);
  let pool: StepRunner;
  before(() => { pool = createStepPool({ threads: 2, feelTimeoutMs: 100, feelMemoryMb: 64, feelMaxResultBytes: 1024 * 1024 }); });
  after(async () => { await pool.close(); });

  it('given a step with only literal FEEL and one with a FEEL condition, then each gives what the core gives inline', async () => {
    for (const [xml, variables] of [[TASK, {}], [CHOICE, { amount: 70 }], [CHOICE, { amount: 10 }]] as const) {
      const m = await model(xml);
      const pooled = await pool.run('t1', m.id, m, null, start(m, variables), NOW, ENV);
      expect(pooled).to.deep.equal(step(m, null, start(m, variables), NOW, {}));
    }
  });

  it('given a later input of a started instance, then the thread steps it as the core does', async () => {
    const m = await model(CHOICE);
    const first = await pool.run('t1', m.id, m, null, start(m, { amount: 70 }), NOW, ENV);
    expect(first.state.status).to.equal('completed');
    const t = await model(TASK);
    const started = await pool.run('t1', t.id, t, null, start(t), NOW, ENV);
    const task = Object.keys(started.state.els).find((k) => started.state.els[Number(k)].e === 't')!;
    const input = { type: 'task.complete' as const, key: Number(task), variables: { ok: true } };
    expect(await pool.run('t1', t.id, t, started.state, input, NOW, ENV)).to.deep.equal(step(t, started.state, input, NOW, {}));
  });

  it('given an input that cannot apply, then it is refused as InputRefused, with its reason', async () => {
    const m = await model(TASK);
    const err = await pool.run('t1', m.id, m, null, { ...start(m), startEventId: 't' }, NOW, ENV).then(() => undefined, (e: unknown) => e);
    expect(err).to.be.instanceOf(InputRefused);
    // Its reason crosses the thread as data, so the API can word it in the reader's language.
    expect((err as InputRefused).reason).to.equal('not-a-start-event');
    expect((err as InputRefused).params).to.deep.equal({ element: 't', process: m.name ?? m.id });
  });

  it('given FEEL that builds millions of elements, then it is an expression incident of its FEEL budget on the thread', async () => {
    const m = await model(EXPLODING);
    const result = await pool.run('t1', m.id, m, null, start(m), NOW, ENV);
    expect(incidents(result)).to.have.length(1);
    expect(incidents(result)[0].slice(0, 2)).to.deep.equal(['g', 'expression']);
    expect(incidents(result)[0][2]).to.contain('exceeded its time budget of 100 ms');
  });

  it('given a loop of FEEL rounds past the step budget, then it is a step-time incident, and the main thread kept turning meanwhile', async () => {
    const m = await model(ROUNDS);
    let turns = 0;
    const ticking = setInterval(() => { turns++; }, 5);
    try {
      const result = await pool.run('t1', m.id, m, null, start(m, { n: 0 }), NOW, { ...ENV, stepTimeoutMs: 300 });
      expect(incidents(result).map((i) => i[1])).to.deep.equal(['step-time']);
    } finally {
      clearInterval(ticking);
    }
    expect(turns, 'timer callbacks on the main thread during the step').to.be.greaterThan(0);
  });

  it("given one tenant's queue of long steps, then another tenant's step does not wait behind them", async () => {
    const rounds = await model(ROUNDS);
    const choice = await model(CHOICE);
    const order: string[] = [];
    const long = [1, 2, 3].map((i) => pool.run('hostile', rounds.id, rounds, null, { ...start(rounds, { n: 0 }), instanceId: `r${i}` }, NOW, { ...ENV, stepTimeoutMs: 400 }).then(() => order.push(`hostile ${i}`)));
    const other = pool.run('quiet', choice.id, choice, null, start(choice, { amount: 70 }), NOW, ENV).then(() => order.push('quiet'));
    await Promise.all([...long, other]);
    expect(order.indexOf('quiet'), order.join(', ')).to.be.lessThan(order.indexOf('hostile 2'));
  });
});
