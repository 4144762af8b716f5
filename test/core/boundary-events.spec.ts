/** Boundary events on tasks and subprocesses: timer, message, signal, error, escalation; interrupting or not. */
import { expect } from 'chai';
import { given, bpmnWith, flow, path, vars, userTask, serviceTask, timer, boundary, active, historyOf, effectsOf, subKey, elementKey, sendStale } from './support.js';

const roots = `<bpmn:message id="m" name="batal"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>
  <bpmn:signal id="sig" name="darurat"/><bpmn:error id="err" errorCode="GAGAL"/><bpmn:escalation id="esc" escalationCode="NAIK"/>`;

/** A user task `t` with one boundary event `b` leading to user task `h`. */
const onTask = (definition: string, interrupting = true) => bpmnWith(roots, `
  <bpmn:startEvent id="s"/>${userTask('t')}${boundary('b', 't', definition, interrupting)}${userTask('h')}
  <bpmn:endEvent id="e"/><bpmn:endEvent id="eh"/>
  ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'h')}${flow('f4', 'h', 'eh')}`);

const tasks = (engine: Awaited<ReturnType<typeof given>>, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('boundary events on tasks', () => {
  it('given an interrupting timer boundary, when the task activates, then the timer is scheduled with the task', async () => {
    const engine = await given(onTask(timer('duration', 'PT30M')));
    const id = engine.start('p');
    const t = elementKey(engine, id, 't');
    expect(engine.state(id).subs![subKey(engine, id, 'b')]).to.deep.include({ e: 'b', o: t, kind: 'timer', due: '2026-01-01T00:30:00.000Z' });
  });

  it('given an interrupting timer boundary, when it fires, then the task closes as cancelled and the boundary path runs', async () => {
    const engine = await given(onTask(timer('duration', 'PT30M')));
    const id = engine.start('p');
    const t = elementKey(engine, id, 't');
    const key = subKey(engine, id, 'b');
    const r = engine.send(id, { type: 'timer.fire', key });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: t, reason: 'cancelled' }]);
    expect(tasks(engine, id)).to.deep.equal(['h']);
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.deep.equal(['t']);
  });

  it('given a timer boundary, when the task completes first, then the timer is cancelled', async () => {
    const engine = await given(onTask(timer('duration', 'PT30M')));
    const id = engine.start('p');
    const key = subKey(engine, id, 'b');
    const r = engine.completeTask(id, 't');
    expect(effectsOf(r, 'timer.cancel')).to.deep.equal([{ type: 'timer.cancel', key }]);
    expect(engine.timers.size).to.equal(0);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a task completed before its boundary timer, when the stale timer.fire arrives, then it is ignored and nothing changes', async () => {
    const engine = await given(onTask(timer('duration', 'PT30M')));
    const id = engine.start('p');
    const key = subKey(engine, id, 'b');
    engine.completeTask(id, 't');
    sendStale(engine, id, { type: 'timer.fire', key }, /timer subscription \d+ is no longer open|is completed/);
  });

  it('given a non-interrupting timer boundary, when it fires, then the task stays open and the boundary path runs beside it', async () => {
    const engine = await given(onTask(timer('duration', 'PT30M'), false));
    const id = engine.start('p');
    engine.advance(30 * 60_000);
    expect(tasks(engine, id)).to.deep.equal(['h', 't']);
  });

  it('given a non-interrupting timer cycle R3, when time passes, then it fires three times, each under a new key', async () => {
    const engine = await given(onTask(timer('cycle', 'R3/PT1H'), false));
    const id = engine.start('p');
    engine.advance(10 * 3600_000);
    expect(tasks(engine, id)).to.deep.equal(['h', 'h', 'h', 't']);
    const fired = historyOf(engine, id, 'timer.fired');
    expect(fired).to.have.length(3);
    expect(new Set(fired.map((h) => h.key)).size).to.equal(3);
    expect(engine.timers.size).to.equal(0);
  });

  it('given a non-interrupting unbounded cycle, when it fires, then the next repetition is scheduled one period after the previous due time', async () => {
    const engine = await given(onTask(timer('cycle', 'R/PT1H'), false));
    const id = engine.start('p');
    engine.advance(3600_000);
    const [next] = [...engine.timers.values()];
    expect(new Date(next.due).toISOString()).to.equal('2026-01-01T02:00:00.000Z');
    engine.advance(5 * 3600_000);
    expect(historyOf(engine, id, 'timer.fired')).to.have.length(6);
  });

  it('given a repeating cycle, when the task completes, then the pending repetition is cancelled', async () => {
    const engine = await given(onTask(timer('cycle', 'R/PT1H'), false));
    const id = engine.start('p');
    engine.advance(3600_000);
    engine.completeTask(id, 't');
    expect(engine.timers.size).to.equal(0);
    expect(engine.state(id).subs).to.deep.equal({});
  });

  it('given an interrupting message boundary, when the message arrives with variables, then the task is cancelled and the variables are set', async () => {
    const engine = await given(onTask('<bpmn:messageEventDefinition messageRef="m"/>'));
    const id = engine.start('p', { nomor: 'R-1' });
    engine.publish('batal', 'R-1', { alasan: 'pemohon membatalkan' });
    expect(tasks(engine, id)).to.deep.equal(['h']);
    expect(vars(engine, id)).to.deep.equal({ nomor: 'R-1', alasan: 'pemohon membatalkan' });
  });

  it('given a non-interrupting message boundary, when two messages arrive, then it triggers twice and the task stays', async () => {
    const engine = await given(onTask('<bpmn:messageEventDefinition messageRef="m"/>', false));
    const id = engine.start('p', { nomor: 'R-1' });
    engine.publish('batal', 'R-1');
    engine.publish('batal', 'R-1');
    expect(tasks(engine, id)).to.deep.equal(['h', 'h', 't']);
  });

  it('given an interrupting signal boundary, when the signal is broadcast, then the task is cancelled', async () => {
    const engine = await given(onTask('<bpmn:signalEventDefinition signalRef="sig"/>'));
    const id = engine.start('p');
    engine.broadcast('darurat');
    expect(tasks(engine, id)).to.deep.equal(['h']);
  });

  it('given a non-interrupting signal boundary, when broadcast, then both the task and the boundary path are open', async () => {
    const engine = await given(onTask('<bpmn:signalEventDefinition signalRef="sig"/>', false));
    const id = engine.start('p');
    engine.broadcast('darurat');
    expect(tasks(engine, id)).to.deep.equal(['h', 't']);
  });

  it('given a boundary interrupting a task, when it fires, then all other boundary subscriptions of the task close', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>${userTask('t')}
      ${boundary('b1', 't', timer('duration', 'PT1H'))}${boundary('b2', 't', '<bpmn:signalEventDefinition signalRef="sig"/>')}
      ${userTask('h')}<bpmn:endEvent id="e"/><bpmn:endEvent id="eh"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b1', 'h')}${flow('f4', 'b2', 'h')}${flow('f5', 'h', 'eh')}`));
    const id = engine.start('p');
    const sigKey = subKey(engine, id, 'b2');
    const r = engine.send(id, { type: 'timer.fire', key: subKey(engine, id, 'b1') });
    expect(effectsOf(r, 'signal.unsubscribe')).to.deep.equal([{ type: 'signal.unsubscribe', key: sigKey }]);
    expect(engine.signals.size).to.equal(0);
  });

  it('given a catch-all error boundary (no error code), when a job throws any error, then it catches', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'x')}${boundary('b', 't', '<bpmn:errorEventDefinition/>')}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="eb"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'eb')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 't'), errorCode: 'ANYTHING' });
    expect(path(engine, id)).to.deep.equal(['s', 'b', 'eb', 'p']);
  });

  it('given a specific and a catch-all error boundary, when the specific code is thrown, then the specific one wins', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'x')}${boundary('any', 't', '<bpmn:errorEventDefinition/>')}${boundary('exact', 't', '<bpmn:errorEventDefinition errorRef="err"/>')}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'any', 'e1')}${flow('f4', 'exact', 'e2')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 't'), errorCode: 'GAGAL' });
    expect(path(engine, id)).to.include('exact').and.not.include('any');
  });

  it('given an error boundary with another code, when a different error is thrown, then it does not catch and an incident opens', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'x')}${boundary('b', 't', '<bpmn:errorEventDefinition errorRef="err"/>')}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="eb"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'eb')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 't'), errorCode: 'LAIN' });
    expect(active(engine, id)).to.deep.equal(['t']);
    expect([...engine.incidents.values()][0].type).to.equal('unhandled-error');
  });
});

describe('boundary events on subprocesses', () => {
  const onSub = (definition: string, interrupting = true) => bpmnWith(roots, `
    <bpmn:startEvent id="s"/>
    <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${serviceTask('j', 'kerja')}<bpmn:parallelGateway id="join"/><bpmn:endEvent id="se"/>
      ${flow('g0', 'ss', 'fork')}${flow('g1', 'fork', 'a')}${flow('g2', 'fork', 'j')}${flow('g3', 'a', 'join')}${flow('g4', 'j', 'join')}${flow('g5', 'join', 'se')}</bpmn:subProcess>
    ${boundary('b', 'sub', definition, interrupting)}${userTask('h')}
    <bpmn:endEvent id="e"/><bpmn:endEvent id="eh"/>
    ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}${flow('f3', 'b', 'h')}${flow('f4', 'h', 'eh')}`);

  it('given an interrupting timer on a subprocess, when it fires, then every task and job inside is cancelled', async () => {
    const engine = await given(onSub(timer('duration', 'PT1H')));
    const id = engine.start('p');
    const a = elementKey(engine, id, 'a');
    const j = elementKey(engine, id, 'j');
    const r = engine.send(id, { type: 'timer.fire', key: subKey(engine, id, 'b') });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: a, reason: 'cancelled' }]);
    expect(effectsOf(r, 'job.cancel')).to.deep.equal([{ type: 'job.cancel', key: j }]);
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId).sort()).to.deep.equal(['a', 'j', 'sub']);
    expect(tasks(engine, id)).to.deep.equal(['h']);
  });

  it('given a subprocess with a waiting join, when interrupted, then the join bookkeeping is gone', async () => {
    const engine = await given(onSub(timer('duration', 'PT1H')));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(engine.state(id).joins).to.not.equal(undefined);
    engine.advance(3600_000);
    expect(engine.state(id).joins).to.equal(undefined);
  });

  it('given a non-interrupting message on a subprocess, when it arrives, then the subprocess keeps running', async () => {
    const engine = await given(onSub('<bpmn:messageEventDefinition messageRef="m"/>', false));
    const id = engine.start('p', { nomor: 'N' });
    engine.publish('batal', 'N');
    expect(active(engine, id)).to.include.members(['sub', 'a', 'j', 'h']);
  });

  it('given an error boundary on a subprocess, when a job inside throws that error, then the subprocess is left through the boundary', async () => {
    const engine = await given(onSub('<bpmn:errorEventDefinition errorRef="err"/>'));
    const id = engine.start('p');
    const a = elementKey(engine, id, 'a');
    const r = engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'GAGAL' });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: a, reason: 'cancelled' }]);
    expect(tasks(engine, id)).to.deep.equal(['h']);
  });

  it('given an escalation boundary on a subprocess, when an inner escalation end event is reached, then it is caught', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('a')}<bpmn:endEvent id="up"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:endEvent>
        ${flow('g0', 'ss', 'a')}${flow('g1', 'a', 'up')}</bpmn:subProcess>
      ${boundary('b', 'sub', '<bpmn:escalationEventDefinition escalationRef="esc"/>')}${userTask('h')}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="eh"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}${flow('f3', 'b', 'h')}${flow('f4', 'h', 'eh')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(tasks(engine, id)).to.deep.equal(['h']);
    expect(path(engine, id)).to.not.include('e');
  });

  it('given the boundary of the inner task and of the subprocess both match, when an error is thrown, then the innermost catches', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${serviceTask('j', 'kerja')}${boundary('inner', 'j', '<bpmn:errorEventDefinition errorRef="err"/>')}
        <bpmn:endEvent id="se"/><bpmn:endEvent id="si"/>${flow('g0', 'ss', 'j')}${flow('g1', 'j', 'se')}${flow('g2', 'inner', 'si')}</bpmn:subProcess>
      ${boundary('outer', 'sub', '<bpmn:errorEventDefinition errorRef="err"/>')}
      <bpmn:endEvent id="e"/><bpmn:endEvent id="eo"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}${flow('f3', 'outer', 'eo')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'j'), errorCode: 'GAGAL' });
    expect(path(engine, id)).to.deep.equal(['s', 'ss', 'inner', 'si', 'sub', 'e', 'p']);
  });

  it('given a subprocess interrupted by its boundary, when the inner task completion arrives late, then it is ignored', async () => {
    const engine = await given(onSub(timer('duration', 'PT1H')));
    const id = engine.start('p');
    const a = elementKey(engine, id, 'a');
    engine.advance(3600_000);
    sendStale(engine, id, { type: 'task.complete', key: a }, new RegExp(`task ${a} is not open`));
    expect(tasks(engine, id)).to.deep.equal(['h']);
  });
});
