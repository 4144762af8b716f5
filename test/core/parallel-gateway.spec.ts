/** Parallel gateway: a fork puts a token on every outgoing flow; a join waits for one on every incoming flow. */
import { expect } from 'chai';
import { given, bpmn, flow, path, userTask, active, historyOf } from './support.js';

const forkJoin = bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:parallelGateway id="fork"/>
  ${userTask('a')}${userTask('b')}${userTask('c')}
  <bpmn:parallelGateway id="join"/>
  <bpmn:task id="after"/>
  <bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'fork')}
  ${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('fc', 'fork', 'c')}
  ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('jc', 'c', 'join')}
  ${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`);

describe('parallel gateway', () => {
  it('given a fork with three branches, when a token arrives, then every branch gets a token', async () => {
    const engine = await given(forkJoin);
    const id = engine.start('p');
    expect(engine.openTasks(id).map((t) => t.task.elementId).sort()).to.deep.equal(['a', 'b', 'c']);
  });

  it('given two of three branches done, when the join is reached, then it keeps waiting', async () => {
    const engine = await given(forkJoin);
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    engine.completeTask(id, 'c');
    expect(path(engine, id)).to.not.include('join');
    expect(engine.state(id).joins).to.deep.equal({ 1: { join: ['ja', 'jc'] } });
    expect(active(engine, id)).to.deep.equal(['b']);
  });

  it('given all branches done, when the last arrives, then the join fires exactly once', async () => {
    const engine = await given(forkJoin);
    const id = engine.start('p');
    for (const t of ['b', 'a', 'c']) engine.completeTask(id, t);
    expect(path(engine, id).filter((x) => x === 'after')).to.have.length(1);
    expect(engine.state(id).status).to.equal('completed');
    expect(engine.state(id).joins).to.equal(undefined);
  });

  it('given a join, when it fires, then the state keeps no join bookkeeping', async () => {
    const engine = await given(forkJoin);
    const id = engine.start('p');
    for (const t of ['a', 'b', 'c']) engine.completeTask(id, t);
    expect(JSON.stringify(engine.state(id))).to.not.contain('join');
  });

  it('given a fork without wait states, when started, then the instance completes in one step', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      <bpmn:task id="a"/><bpmn:task id="b"/>
      <bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}
      ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('f1', 'join', 'e')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.deep.equal(['s', 'fork', 'a', 'b', 'join', 'e', 'p']);
  });

  it('given a fork whose branches end separately, when both end, then the instance completes', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}${userTask('b')}<bpmn:endEvent id="ea"/><bpmn:endEvent id="eb"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('x', 'a', 'ea')}${flow('y', 'b', 'eb')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(engine.state(id).status).to.equal('active');
    engine.completeTask(id, 'b');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given two tokens on the same incoming flow, when the other flow has none, then the join waits and keeps both', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      <bpmn:exclusiveGateway id="merge"/>
      ${userTask('slow')}
      <bpmn:parallelGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('a1', 'fork', 'merge')}${flow('a2', 'fork', 'merge')}${flow('b', 'fork', 'slow')}
      ${flow('m', 'merge', 'join')}${flow('sj', 'slow', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    expect(engine.state(id).joins).to.deep.equal({ 1: { join: ['m', 'm'] } });
    engine.completeTask(id, 'slow');
    // One token per incoming flow is consumed; the second token on `m` stays for a next round.
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['after']);
    expect(engine.state(id).joins).to.deep.equal({ 1: { join: ['m'] } });
  });

  it('given a fork, when tokens move, then a flow.taken entry is written per branch', async () => {
    const engine = await given(forkJoin);
    const id = engine.start('p');
    expect(historyOf(engine, id, 'flow.taken').map((h) => h.elementId)).to.deep.equal(['f0', 'fa', 'fb', 'fc']);
  });

  it('given a fork and join inside a subprocess, when the branches finish, then the subprocess completes once', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="ss"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}
        <bpmn:parallelGateway id="join"/><bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'fork')}${flow('ga', 'fork', 'a')}${flow('gb', 'fork', 'b')}${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('g1', 'join', 'se')}
      </bpmn:subProcess>
      <bpmn:endEvent id="e"/>${flow('f0', 's', 'sub')}${flow('f1', 'sub', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'b');
    expect(active(engine, id)).to.deep.equal(['sub', 'a']);
    engine.completeTask(id, 'a');
    expect(path(engine, id).filter((x) => x === 'sub')).to.have.length(1);
    expect(engine.state(id).status).to.equal('completed');
  });
});
