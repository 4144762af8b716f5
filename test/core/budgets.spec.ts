/**
 * Attack 2 of issue 16 on the core: a wide parallel gateway and a multi-instance over 20,000
 * items. Joins count arrivals in constant time (they scanned the arrived flows for every incoming
 * flow on each arrival, cubic in all: 10,000 branches blocked the server for more than 5 minutes,
 * 3,000 ran past mocha's timeout), and a multi-instance over
 * more items than its budget is an incident at it before any inner instance exists (20,000 items
 * ran, blocking every tenant for about 10 s).
 */
import { expect } from 'chai';
import type { MemoryEngine } from '../../engine/memory/engine.js';
import { given, bpmn, flow, incidentsOf, active, historyOf, vars } from './support.js';

/** start → split into `n` flows → join → end, each branch straight from split to join. */
function fan(n: number): string {
  const branches = Array.from({ length: n }, (_, i) => flow(`b${i}`, 'split', 'join')).join('');
  return bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
    ${flow('f0', 's', 'split')}${branches}${flow('f1', 'join', 'e')}`);
}

function multiInstance(items: number): string {
  return bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="notify"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="asn"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
    <bpmn:endEvent id="e"/>${flow('f0', 's', 'notify')}${flow('f1', 'notify', 'e')}`) + `<!-- ${items} -->`;
}

describe('core: budgets of one step (attack 2)', () => {
  let wide: MemoryEngine;
  before(async function () {
    this.timeout(180_000); // compiling 3,000 flows; deployments refuse this many (ALUR_MAX_FLOWS_PER_ELEMENT), the core must still cope
    wide = await given(fan(3_000));
  });

  it('given a parallel gateway of 3,000 branches into a join, when started, then the join fires once and the instance completes', () => {
    const engine = wide;
    const id = engine.start('p');
    expect(engine.state(id).status).to.equal('completed');
    expect(historyOf(engine, id, 'element.activated').filter((h) => h.elementId === 'join')).to.have.length(1);
    expect(engine.state(id).joins).to.equal(undefined);
  });

  it('given a multi-instance over 20,000 items, when reached, then it is a multi-instance-limit incident at it and no inner instance exists', async () => {
    const engine = await given(multiInstance(20_000));
    const id = engine.start('p', { items: Array.from({ length: 20_000 }, (_, i) => i) });
    const incidents = incidentsOf(engine, id);
    expect(incidents.map((i) => [i.elementId, i.type])).to.deep.equal([['notify', 'multi-instance-limit']]);
    expect(incidents[0].message).to.contain('would run 20000 instances; one multi-instance may run at most 15000');
    expect(active(engine, id)).to.deep.equal(['notify']);
    expect(historyOf(engine, id, 'element.activated').filter((h) => h.elementId === 'notify')).to.have.length(1);
  });

  it('given a lower item budget, when a collection within it comes, then every item runs, and one above it is an incident', async () => {
    const engine = await given(multiInstance(3), { env: { maxMultiInstanceItems: 3 } });
    const within = engine.start('p', { items: [1, 2, 3] });
    expect(incidentsOf(engine, within)).to.deep.equal([]);
    expect(historyOf(engine, within, 'element.activated').filter((h) => h.elementId === 'notify')).to.have.length(4);
    const above = engine.start('p', { items: [1, 2, 3, 4] });
    expect(incidentsOf(engine, above).map((i) => i.type)).to.deep.equal(['multi-instance-limit']);
  });
});

/** start → count (n := n + 1) → more? back to count while n < until, else end: a cycle of expressions without a wait state. */
const COUNTING = bpmn(`<bpmn:startEvent id="s"/>
  <bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="=n + 1" resultVariable="n"/></bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:exclusiveGateway id="more" default="done"/><bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'count')}${flow('f1', 'count', 'more')}${flow('again', 'more', 'count', '=n &lt; until')}${flow('done', 'more', 'e')}`);

describe('core: the time budget of one step (issue 16)', () => {
  /** A budget that runs out after `checks` questions (the adapter's clock, made countable). */
  function countingBudget(checks: number) {
    const budget = { ms: 2000, asked: 0, exceeded: () => ++budget.asked > checks };
    return budget;
  }

  it('given a cycle under the element budget, when the step runs past its time budget, then the element reached next waits as a step-time incident, and resolving it runs on with a new budget', async () => {
    const budget = countingBudget(40);
    const engine = await given(COUNTING, { env: { maxActivations: 1_000_000, timeBudget: budget } });
    const id = engine.start('p', { n: 0, until: 100 });
    const [incident] = incidentsOf(engine, id);
    expect([incident.elementId, incident.type]).to.deep.equal(['more', 'step-time']);
    expect(incident.message).to.equal('the step ran longer than 2000 ms without waiting (ALUR_STEP_TIMEOUT_MS); resolving the incident runs on from here');
    expect(vars(engine, id).n).to.equal(20);
    expect(engine.state(id).status).to.equal('active');
    budget.asked = 0;
    engine.send(id, { type: 'incident.resolve', key: incident.key });
    // The resolved gateway decides without asking; its next 40 activations ask, the 41st is a count.
    expect(incidentsOf(engine, id).map((i) => [i.elementId, i.type])).to.deep.equal([['count', 'step-time']]);
    expect(vars(engine, id).n).to.equal(40);
    budget.asked = -1000;
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    expect(engine.state(id).status).to.equal('completed');
    expect(vars(engine, id).n).to.equal(100);
  });

  it('given a step within its time budget, then nothing changes: the budget is only asked', async () => {
    const budget = countingBudget(Infinity);
    const engine = await given(COUNTING, { env: { timeBudget: budget } });
    const id = engine.start('p', { n: 0, until: 10 });
    expect(engine.state(id).status).to.equal('completed');
    expect(budget.asked).to.be.greaterThan(20);
  });
});
