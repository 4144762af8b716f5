/** Event subprocesses: timer, message, signal, error and escalation starts, interrupting or not. */
import { expect } from 'chai';
import { given, bpmnWith, flow, path, vars, userTask, serviceTask, timer, historyOf, effectsOf, subKey, elementKey, incidentsOf, active } from './support.js';

const roots = `<bpmn:message id="m" name="perbaikan"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>
  <bpmn:signal id="sig" name="tutup"/><bpmn:error id="err" errorCode="RUSAK"/><bpmn:escalation id="esc" escalationCode="LAPOR"/>`;

/** A main flow with user task `work` (and a service task `job` before it), plus an event subprocess started by `definition`. */
const withEsp = (definition: string, interrupting: boolean, main = `${userTask('work')}`, mainFlows = `${flow('f1', 's', 'work')}${flow('f2', 'work', 'e')}`) => bpmnWith(roots, `
  <bpmn:startEvent id="s"/>${main}<bpmn:endEvent id="e"/>${mainFlows}
  <bpmn:subProcess id="esp" triggeredByEvent="true">
    <bpmn:startEvent id="es" isInterrupting="${interrupting}">${definition}</bpmn:startEvent>${userTask('handle')}<bpmn:endEvent id="ee"/>
    ${flow('g1', 'es', 'handle')}${flow('g2', 'handle', 'ee')}
  </bpmn:subProcess>`);

const tasks = (engine: Awaited<ReturnType<typeof given>>, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('event subprocess', () => {
  it('given a message event subprocess, when the process starts, then it subscribes at the process scope', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p', { nomor: 'K-1' });
    expect(engine.state(id).subs![subKey(engine, id, 'es')]).to.deep.equal({ e: 'es', o: 1, kind: 'message', name: 'perbaikan', ck: 'K-1' });
  });

  it('given an interrupting message start, when the message arrives, then the main flow is cancelled and the handler runs', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p', { nomor: 'K-1' });
    const work = elementKey(engine, id, 'work');
    const r = engine.send(id, { type: 'message.correlate', key: subKey(engine, id, 'es'), name: 'perbaikan', variables: { catatan: 'foto buram' } });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: work, reason: 'cancelled' }]);
    expect(tasks(engine, id)).to.deep.equal(['handle']);
    expect(vars(engine, id)).to.deep.equal({ nomor: 'K-1', catatan: 'foto buram' });
  });

  it('given an interrupting event subprocess ran, when its handler completes, then the process completes', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p', { nomor: 'K-1' });
    engine.publish('perbaikan', 'K-1');
    engine.completeTask(id, 'handle');
    expect(engine.state(id).status).to.equal('completed');
    expect(path(engine, id)).to.deep.equal(['s', 'es', 'handle', 'ee', 'esp', 'p']);
  });

  it('given an interrupting event subprocess triggered, then the other event subprocess subscriptions of the scope are closed', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p', { nomor: 'K-1' });
    engine.publish('perbaikan', 'K-1');
    expect(engine.publish('perbaikan', 'K-1')).to.equal(false);
    expect(engine.messages.size).to.equal(0);
    expect(Object.keys(engine.state(id).subs ?? {})).to.have.length(0);
  });

  it('given a non-interrupting message start, when the message arrives twice, then the handler runs twice beside the main flow', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', false));
    const id = engine.start('p', { nomor: 'K-1' });
    engine.publish('perbaikan', 'K-1');
    engine.publish('perbaikan', 'K-1');
    expect(tasks(engine, id)).to.deep.equal(['handle', 'handle', 'work']);
  });

  it('given a running non-interrupting handler, when the main flow ends, then the process waits for the handler', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', false));
    const id = engine.start('p', { nomor: 'K-1' });
    engine.publish('perbaikan', 'K-1');
    engine.completeTask(id, 'work');
    expect(engine.state(id).status).to.equal('active');
    engine.completeTask(id, 'handle');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given the main flow ended with no handler running, when it ends, then the process completes and the event subprocess subscription closes', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', false));
    const id = engine.start('p', { nomor: 'K-1' });
    const key = subKey(engine, id, 'es');
    const r = engine.completeTask(id, 'work');
    expect(engine.state(id).status).to.equal('completed');
    expect(effectsOf(r, 'message.unsubscribe')).to.deep.equal([{ type: 'message.unsubscribe', key }]);
  });

  it('given an interrupting timer start, when it fires, then the main flow is cancelled', async () => {
    const engine = await given(withEsp(timer('duration', 'P3D'), true));
    const id = engine.start('p');
    engine.advance(3 * 86_400_000);
    expect(tasks(engine, id)).to.deep.equal(['handle']);
  });

  it('given a non-interrupting timer cycle start, when periods pass, then a handler starts for each repetition', async () => {
    const engine = await given(withEsp(timer('cycle', 'R2/P1D'), false));
    const id = engine.start('p');
    engine.advance(5 * 86_400_000);
    expect(tasks(engine, id)).to.deep.equal(['handle', 'handle', 'work']);
  });

  it('given a signal start, when the signal is broadcast, then the handler runs', async () => {
    const engine = await given(withEsp('<bpmn:signalEventDefinition signalRef="sig"/>', true));
    const id = engine.start('p');
    engine.broadcast('tutup');
    expect(tasks(engine, id)).to.deep.equal(['handle']);
  });

  it('given an error start, when a job in the scope throws that error, then the job is cancelled and the handler runs', async () => {
    const engine = await given(withEsp('<bpmn:errorEventDefinition errorRef="err"/>', true, serviceTask('job', 'cek'), `${flow('f1', 's', 'job')}${flow('f2', 'job', 'e')}`));
    const id = engine.start('p');
    const job = elementKey(engine, id, 'job');
    const r = engine.send(id, { type: 'job.error', key: job, errorCode: 'RUSAK' });
    expect(effectsOf(r, 'job.cancel')).to.deep.equal([{ type: 'job.cancel', key: job }]);
    expect(tasks(engine, id)).to.deep.equal(['handle']);
    expect(historyOf(engine, id, 'error.thrown')[0].data).to.deep.include({ caught: true });
  });

  it('given an error start with another code, when a different error is thrown, then it is not caught', async () => {
    const engine = await given(withEsp('<bpmn:errorEventDefinition errorRef="err"/>', true, serviceTask('job', 'cek'), `${flow('f1', 's', 'job')}${flow('f2', 'job', 'e')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 'job'), errorCode: 'LAIN' });
    expect(incidentsOf(engine, id)).to.have.length(1);
  });

  it('given a non-interrupting escalation start, when an escalation is thrown in the scope, then the handler runs and the thrower moves on', async () => {
    const engine = await given(withEsp('<bpmn:escalationEventDefinition escalationRef="esc"/>', false,
      `<bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('work')}`,
      `${flow('f1', 's', 'raise')}${flow('f0', 'raise', 'work')}${flow('f2', 'work', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['handle', 'work']);
  });

  it('given an event subprocess inside an embedded subprocess, when triggered, then only the embedded subprocess is interrupted', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>${userTask('outside')}
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('h1', 'ss', 'inner')}${flow('h2', 'inner', 'se')}
        <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es">${timer('duration', 'PT1H')}</bpmn:startEvent><bpmn:endEvent id="ee"/>${flow('g1', 'es', 'ee')}</bpmn:subProcess>
      </bpmn:subProcess>
      <bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'outside')}${flow('fb', 'fork', 'sub')}${flow('f1', 'outside', 'e1')}${flow('f2', 'sub', 'e2')}`));
    const id = engine.start('p');
    expect(engine.state(id).subs![subKey(engine, id, 'es')].o).to.equal(elementKey(engine, id, 'sub'));
    engine.advance(3600_000);
    expect(tasks(engine, id)).to.deep.equal(['outside']);
    expect(path(engine, id)).to.include.members(['esp', 'sub']);
  });

  it('given an embedded subprocess with an event subprocess, when the subprocess completes, then the listener is closed', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('h1', 'ss', 'inner')}${flow('h2', 'inner', 'se')}
        <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es">${timer('duration', 'PT1H')}</bpmn:startEvent><bpmn:endEvent id="ee"/>${flow('g1', 'es', 'ee')}</bpmn:subProcess>
      </bpmn:subProcess>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'inner');
    expect(engine.timers.size).to.equal(0);
    engine.advance(3600_000);
    expect(tasks(engine, id)).to.deep.equal(['after']);
  });

  it('given a process-level message start whose correlation key is missing, when the instance starts, then an incident on the process is raised instead of an exception, and the main flow runs', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'p', type: 'expression' });
    expect(tasks(engine, id)).to.deep.equal(['work']);
  });

  it('given that process incident open, when the main flow ends, then the instance waits for the incident; resolving opens the listener and completes', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p');
    engine.completeTask(id, 'work');
    expect(engine.state(id).status).to.equal('active');
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { nomor: 'K-9' } });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given that process incident, when resolved with the key while the main flow still runs, then the event subprocess listens', async () => {
    const engine = await given(withEsp('<bpmn:messageEventDefinition messageRef="m"/>', true));
    const id = engine.start('p');
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { nomor: 'K-9' } });
    expect(engine.publish('perbaikan', 'K-9')).to.equal(true);
    expect(tasks(engine, id)).to.deep.equal(['handle']);
  });

  it('given a listener of an embedded subprocess whose correlation key is missing, when the subprocess is entered, then the incident sits on the subprocess', async () => {
    const engine = await given(bpmnWith(roots, `
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('h1', 'ss', 'inner')}${flow('h2', 'inner', 'se')}
        <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent><bpmn:endEvent id="ee"/>${flow('g1', 'es', 'ee')}</bpmn:subProcess>
      </bpmn:subProcess><bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'sub', type: 'expression' });
    expect(active(engine, id)).to.deep.equal(['sub']);
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { nomor: 'S-1' } });
    expect(active(engine, id)).to.deep.equal(['sub', 'inner']);
  });

  it('given an interrupting signal start, when the instance throws that signal itself, then its own event subprocess interrupts it within the step', async () => {
    const engine = await given(withEsp('<bpmn:signalEventDefinition signalRef="sig"/>', true,
      `<bpmn:intermediateThrowEvent id="shout"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>${userTask('work')}`,
      `${flow('f1', 's', 'shout')}${flow('f0', 'shout', 'work')}${flow('f2', 'work', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['handle']);
    expect(path(engine, id)).to.not.include('shout');
  });

  it('given a non-interrupting signal start, when the instance throws that signal itself, then the handler runs beside the thrower, which moves on', async () => {
    const engine = await given(withEsp('<bpmn:signalEventDefinition signalRef="sig"/>', false,
      `<bpmn:intermediateThrowEvent id="shout"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>${userTask('work')}`,
      `${flow('f1', 's', 'shout')}${flow('f0', 'shout', 'work')}${flow('f2', 'work', 'e')}`));
    const id = engine.start('p');
    expect(tasks(engine, id)).to.deep.equal(['handle', 'work']);
  });
});
