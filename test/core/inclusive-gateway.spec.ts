/**
 * Inclusive gateway: a fork takes every flow whose condition is true (else the default); the
 * OR-join fires when no token that can still reach one of its empty incoming flows is left.
 */
import { expect } from 'chai';
import { given, bpmn, flow, path, userTask, active, incidentsOf, boundary, timer } from './support.js';

/** fork: a, b, c conditional → tasks → inclusive join → after. */
const orForkJoin = bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:inclusiveGateway id="fork" default="fd"/>
  ${userTask('a')}${userTask('b')}${userTask('c')}${userTask('d')}
  <bpmn:inclusiveGateway id="join"/>
  ${userTask('after')}
  <bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'fork')}
  ${flow('fa', 'fork', 'a', '=wantA')}${flow('fb', 'fork', 'b', '=wantB')}${flow('fc', 'fork', 'c', '=wantC')}${flow('fd', 'fork', 'd')}
  ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('jc', 'c', 'join')}${flow('jd', 'd', 'join')}
  ${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`);

const open = (engine: Awaited<ReturnType<typeof given>>, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('inclusive gateway: fork', () => {
  it('given two true conditions, when the token arrives, then exactly those two branches get tokens', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantA: true, wantB: false, wantC: true });
    expect(open(engine, id)).to.deep.equal(['a', 'c']);
  });

  it('given all conditions true, when the token arrives, then the default flow is not taken', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantA: true, wantB: true, wantC: true });
    expect(open(engine, id)).to.deep.equal(['a', 'b', 'c']);
  });

  it('given no true condition, when the token arrives, then only the default flow is taken', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', {});
    expect(open(engine, id)).to.deep.equal(['d']);
  });

  it('given no true condition and no default, when the token arrives, then a condition incident is raised', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:inclusiveGateway id="g"/><bpmn:endEvent id="x"/><bpmn:endEvent id="y"/>
      ${flow('f0', 's', 'g')}${flow('fx', 'g', 'x', '=false')}${flow('fy', 'g', 'y', '=1 &gt; 2')}`));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)).to.have.length(1);
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'g', type: 'condition' });
  });
});

describe('inclusive gateway: OR-join', () => {
  it('given two of three branches taken, when both arrive, then the join fires without waiting for the untaken one', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantA: true, wantC: true });
    engine.completeTask(id, 'a');
    expect(open(engine, id)).to.deep.equal(['c']);
    engine.completeTask(id, 'c');
    expect(open(engine, id)).to.deep.equal(['after']);
  });

  it('given one branch arrived and another still waits in a user task upstream, then the join waits', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantA: true, wantB: true });
    engine.completeTask(id, 'b');
    expect(path(engine, id)).to.not.include('join');
    expect(engine.state(id).joins).to.deep.equal({ 1: { join: ['jb'] } });
  });

  it('given a single branch taken, when it arrives, then the join fires at once', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantB: true });
    engine.completeTask(id, 'b');
    expect(open(engine, id)).to.deep.equal(['after']);
    expect(engine.state(id).joins).to.equal(undefined);
  });

  it('given the join fired, then it fires exactly once per fork', async () => {
    const engine = await given(orForkJoin);
    const id = engine.start('p', { wantA: true, wantB: true, wantC: true });
    for (const t of ['c', 'a', 'b']) engine.completeTask(id, t);
    engine.completeTask(id, 'after');
    expect(path(engine, id).filter((x) => x === 'join')).to.have.length(1);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a parallel fork where one branch ends at an end event, when the other branch arrives, then the join fires', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}${userTask('b')}
      <bpmn:exclusiveGateway id="x" default="toEnd"/>
      <bpmn:endEvent id="early"/>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}
      ${flow('ja', 'a', 'join')}${flow('bx', 'b', 'x')}${flow('jx', 'x', 'join', '=goOn')}${flow('toEnd', 'x', 'early')}
      ${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p', { goOn: false });
    engine.completeTask(id, 'a');
    // b can still reach the join (through x), so the join waits …
    expect(open(engine, id)).to.deep.equal(['b']);
    engine.completeTask(id, 'b');
    // … but b's token ended at `early` instead: the join fires with one token.
    expect(open(engine, id)).to.deep.equal(['after']);
  });

  it('given a branch that reaches the join through an exclusive gateway, when it arrives, then both tokens merge into one', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}${userTask('b')}
      <bpmn:exclusiveGateway id="x" default="toEnd"/><bpmn:endEvent id="early"/>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}
      ${flow('ja', 'a', 'join')}${flow('bx', 'b', 'x')}${flow('jx', 'x', 'join', '=goOn')}${flow('toEnd', 'x', 'early')}
      ${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p', { goOn: true });
    engine.completeTask(id, 'b');
    expect(open(engine, id)).to.deep.equal(['a']);
    engine.completeTask(id, 'a');
    expect(open(engine, id)).to.deep.equal(['after']);
  });

  it('given a token in a loop upstream that can still come back to the join, then the join waits for it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}
      <bpmn:exclusiveGateway id="loopIn"/>${userTask('review')}<bpmn:exclusiveGateway id="again" default="out"/>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fl', 'fork', 'loopIn')}
      ${flow('l1', 'loopIn', 'review')}${flow('l2', 'review', 'again')}${flow('back', 'again', 'loopIn', '=redo')}${flow('out', 'again', 'join')}
      ${flow('ja', 'a', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    engine.completeTask(id, 'review', { redo: true });
    expect(open(engine, id)).to.deep.equal(['review']);
    engine.completeTask(id, 'review', { redo: true });
    expect(open(engine, id)).to.deep.equal(['review']);
    engine.completeTask(id, 'review', { redo: false });
    expect(open(engine, id)).to.deep.equal(['after']);
    expect(path(engine, id).filter((x) => x === 'join')).to.have.length(1);
  });

  it('given a token elsewhere in the scope that cannot reach the join, when the only taken branch arrives, then the join fires', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('unrelated')}<bpmn:endEvent id="ue"/>
      <bpmn:inclusiveGateway id="split"/>${userTask('a')}${userTask('b')}
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fu', 'fork', 'unrelated')}${flow('u1', 'unrelated', 'ue')}
      ${flow('fs', 'fork', 'split')}${flow('sa', 'split', 'a', '=true')}${flow('sb', 'split', 'b', '=false')}
      ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(open(engine, id)).to.deep.equal(['after', 'unrelated']);
  });

  it('given a token waiting at an upstream join that leads to this join, then this join waits', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}${userTask('b1')}${userTask('b2')}
      <bpmn:parallelGateway id="innerJoin"/>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb1', 'fork', 'b1')}${flow('fb2', 'fork', 'b2')}
      ${flow('i1', 'b1', 'innerJoin')}${flow('i2', 'b2', 'innerJoin')}${flow('ij', 'innerJoin', 'join')}
      ${flow('ja', 'a', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    engine.completeTask(id, 'b1');
    expect(open(engine, id)).to.deep.equal(['b2']);
    engine.completeTask(id, 'b2');
    expect(open(engine, id)).to.deep.equal(['after']);
  });

  it('given a boundary event path that leads to the join, when the activity still waits, then the join waits for it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('a')}${userTask('b')}
      ${boundary('late', 'b', timer('duration', 'PT1H'))}
      <bpmn:endEvent id="be"/>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('b1', 'b', 'be')}
      ${flow('ja', 'a', 'join')}${flow('lj', 'late', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(open(engine, id)).to.deep.equal(['b']);
    engine.advance(3_600_000);
    expect(open(engine, id)).to.deep.equal(['after']);
  });

  it('given the join inside a subprocess, when only scope tokens count, then tokens outside the subprocess do not block it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('outside')}
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="ss"/><bpmn:inclusiveGateway id="split"/>${userTask('a')}${userTask('b')}
        <bpmn:inclusiveGateway id="join"/><bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'split')}${flow('ga', 'split', 'a', '=true')}${flow('gb', 'split', 'b', '=false')}
        ${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('g1', 'join', 'se')}
      </bpmn:subProcess>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'fork')}${flow('fo', 'fork', 'outside')}${flow('fs', 'fork', 'sub')}${flow('o1', 'outside', 'e1')}${flow('s1', 'sub', 'e2')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(active(engine, id)).to.deep.equal(['outside']);
  });

  it('given the only path from a waiting token to the join goes through a link event pair, then the join waits for it', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}
      <bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateThrowEvent>
      <bpmn:intermediateCatchEvent id="land"><bpmn:linkEventDefinition name="L"/></bpmn:intermediateCatchEvent>
      <bpmn:inclusiveGateway id="join"/>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'a')}${flow('fb', 'fork', 'b')}${flow('bj', 'b', 'jump')}
      ${flow('ja', 'a', 'join')}${flow('lj', 'land', 'join')}${flow('f1', 'join', 'after')}${flow('f2', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(open(engine, id)).to.deep.equal(['b']);
    engine.completeTask(id, 'b');
    expect(open(engine, id)).to.deep.equal(['after']);
    expect(path(engine, id).filter((x) => x === 'join')).to.have.length(1);
  });

  it('given an OR-fork and join inside each instance of a parallel multi-instance subprocess, then each instance joins on its own tokens', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="n"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:startEvent id="ss"/><bpmn:inclusiveGateway id="split"/>${userTask('a')}${userTask('b')}<bpmn:inclusiveGateway id="join"/><bpmn:endEvent id="se"/>
        ${flow('g0', 'ss', 'split')}${flow('ga', 'split', 'a', '=true')}${flow('gb', 'split', 'b', '=n = 2')}${flow('ja', 'a', 'join')}${flow('jb', 'b', 'join')}${flow('g1', 'join', 'se')}
      </bpmn:subProcess>${userTask('after')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}`));
    const id = engine.start('p');
    expect(open(engine, id)).to.deep.equal(['a', 'a', 'b']);
    const [a1, a2] = engine.openTasks(id).filter((t) => t.task.elementId === 'a').sort((x, y) => x.key - y.key);
    engine.send(id, { type: 'task.complete', key: a1.key });
    engine.send(id, { type: 'task.complete', key: a2.key });
    // Instance 1 had only `a` and is done; instance 2 still waits for its `b`.
    expect(open(engine, id)).to.deep.equal(['b']);
    engine.completeTask(id, 'b');
    expect(open(engine, id)).to.deep.equal(['after']);
  });
});
