/** Exclusive gateway: first true condition in document order, else the default flow, else an incident. */
import { expect } from 'chai';
import { given, bpmn, flow, path, vars, incidentsOf, historyOf, active } from './support.js';

const diverging = bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:exclusiveGateway id="g" default="fDefault"/>
  <bpmn:task id="big"/><bpmn:task id="medium"/><bpmn:task id="small"/>
  <bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'g')}
  ${flow('fBig', 'g', 'big', '=amount &gt; 100')}
  ${flow('fMedium', 'g', 'medium', '=amount &gt; 10')}
  ${flow('fDefault', 'g', 'small')}
  ${flow('f1', 'big', 'e')}${flow('f2', 'medium', 'e')}${flow('f3', 'small', 'e')}`);

const noDefault = bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:exclusiveGateway id="g"/>
  <bpmn:endEvent id="yes"/><bpmn:endEvent id="no"/>
  ${flow('f0', 's', 'g')}
  ${flow('fYes', 'g', 'yes', '=ok = true')}
  ${flow('fNo', 'g', 'no', '=ok = false')}`);

describe('exclusive gateway', () => {
  it('given a true condition, when the token arrives, then it takes that flow only', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', { amount: 500 });
    expect(path(engine, id)).to.deep.equal(['s', 'g', 'big', 'e', 'p']);
  });

  it('given two true conditions, when the token arrives, then the first in document order wins', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', { amount: 500 });
    expect(historyOf(engine, id, 'flow.taken').map((h) => h.elementId)).to.include('fBig').and.not.include('fMedium');
  });

  it('given only the second condition true, when the token arrives, then it takes the second flow', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', { amount: 50 });
    expect(path(engine, id)).to.deep.equal(['s', 'g', 'medium', 'e', 'p']);
  });

  it('given no true condition, when the token arrives, then it takes the default flow', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', { amount: 1 });
    expect(path(engine, id)).to.deep.equal(['s', 'g', 'small', 'e', 'p']);
  });

  it('given a condition over a missing variable, when evaluated, then it counts as false and the default is taken', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', {});
    expect(path(engine, id)).to.include('small');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given no true condition and no default, when the token arrives, then a condition incident stops it at the gateway', async () => {
    const engine = await given(noDefault);
    const id = engine.start('p', { ok: 'maybe' });
    expect(engine.state(id).status).to.equal('active');
    expect(active(engine, id)).to.deep.equal(['g']);
    const [incident] = incidentsOf(engine, id);
    expect(incident).to.include({ elementId: 'g', type: 'condition' });
    expect(incident.message).to.contain('no outgoing flow');
  });

  it('given a condition incident, when the variables are fixed and the incident resolved, then the gateway re-evaluates', async () => {
    const engine = await given(noDefault);
    const id = engine.start('p', {});
    const [incident] = incidentsOf(engine, id);
    engine.send(id, { type: 'incident.resolve', key: incident.key, variables: { ok: false } });
    expect(path(engine, id)).to.deep.equal(['s', 'g', 'no', 'p']);
    expect(incidentsOf(engine, id)).to.have.length(0);
  });

  it('given a non-boolean condition result, when evaluated, then it is not taken', async () => {
    const engine = await given(noDefault);
    const id = engine.start('p', { ok: 1 });
    expect(incidentsOf(engine, id)).to.have.length(1);
  });

  it('given two flows merging into an exclusive gateway, when each token arrives, then each passes on its own (no join)', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      <bpmn:exclusiveGateway id="merge"/><bpmn:task id="after"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('a', 'fork', 'merge')}${flow('b', 'fork', 'merge')}${flow('c', 'merge', 'after')}${flow('d', 'after', 'e')}`));
    const id = engine.start('p');
    expect(path(engine, id).filter((x) => x === 'after')).to.have.length(2);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a condition using a nested variable, when evaluated, then the path follows the nested value', async () => {
    const engine = await given(diverging);
    const id = engine.start('p', { amount: 101 });
    expect(vars(engine, id)).to.deep.equal({ amount: 101 });
    expect(path(engine, id)).to.include('big');
  });

  it('given a string comparison condition, when equal, then it is taken', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="g" default="other"/>
      <bpmn:endEvent id="approved"/><bpmn:endEvent id="rejected"/>
      ${flow('f0', 's', 'g')}${flow('ok', 'g', 'approved', '=decision = "approve"')}${flow('other', 'g', 'rejected')}`));
    expect(path(engine, engine.start('p', { decision: 'approve' }))).to.include('approved');
    expect(path(engine, engine.start('p', { decision: 'reject' }))).to.include('rejected');
  });
});
