/** Stale inputs: late or duplicate inputs are recorded as input.ignored and change nothing else. */
import { expect } from 'chai';
import { given, bpmnWith, flow, userTask, serviceTask, timer, boundary, elementKey, subKey } from './support.js';
import type { Input } from '../../engine/core/inputs.js';

const roots = `<bpmn:message id="m" name="berkas"/><bpmn:signal id="sig" name="umum"/>`;
const process = bpmnWith(roots, `
  <bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
  ${userTask('t')}${boundary('bt', 't', timer('duration', 'PT1H'))}
  ${serviceTask('job', 'kerja')}
  <bpmn:intermediateCatchEvent id="msg"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
  <bpmn:intermediateCatchEvent id="sig1"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
  ${userTask('hold')}<bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/><bpmn:endEvent id="e3"/><bpmn:endEvent id="e4"/><bpmn:endEvent id="e5"/><bpmn:endEvent id="e6"/>
  ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 't')}${flow('fb', 'fork', 'job')}${flow('fc', 'fork', 'msg')}${flow('fd', 'fork', 'sig1')}${flow('fe', 'fork', 'hold')}
  ${flow('x1', 't', 'e1')}${flow('x2', 'job', 'e2')}${flow('x3', 'msg', 'e3')}${flow('x4', 'sig1', 'e4')}${flow('x5', 'hold', 'e5')}${flow('x6', 'bt', 'e6')}`);

type Engine = Awaited<ReturnType<typeof given>>;

/** Moves every token but `hold` on, and returns the keys they had. */
async function movedOn(): Promise<{ engine: Engine; id: string; keys: Record<string, number> }> {
  const engine = await given(process);
  const id = engine.start('p');
  const keys = { t: elementKey(engine, id, 't'), bt: subKey(engine, id, 'bt'), job: elementKey(engine, id, 'job'), msg: subKey(engine, id, 'msg'), sig: subKey(engine, id, 'sig1') };
  engine.send(id, { type: 'task.complete', key: keys.t });
  engine.send(id, { type: 'job.complete', key: keys.job });
  engine.send(id, { type: 'message.correlate', key: keys.msg, name: 'berkas' });
  engine.send(id, { type: 'signal.receive', key: keys.sig, name: 'umum' });
  return { engine, id, keys };
}

function expectIgnored(engine: Engine, id: string, input: Exclude<Input, { type: 'instance.start' }>): void {
  const before = engine.state(id);
  const json = JSON.stringify(before);
  const r = engine.send(id, input);
  expect(r.ignored, `${input.type} should be ignored`).to.be.a('string');
  expect(r.effects).to.deep.equal([]);
  expect(r.history.map((h) => ({ type: h.type, input: h.data?.input, reason: h.data?.reason, code: typeof h.data?.code }))).to.deep.equal([{ type: 'input.ignored', input: input.type, reason: r.ignored, code: 'string' }]);
  expect(r.state).to.equal(before);
  expect(JSON.stringify(engine.state(id))).to.equal(json);
}

describe('stale inputs', () => {
  it('given a task already completed, when completed again, then it is ignored', async () => {
    const { engine, id, keys } = await movedOn();
    expectIgnored(engine, id, { type: 'task.complete', key: keys.t, variables: { again: true } });
  });

  it('given a boundary timer whose task completed, when the timer fires late, then it is ignored', async () => {
    const { engine, id, keys } = await movedOn();
    expectIgnored(engine, id, { type: 'timer.fire', key: keys.bt });
  });

  it('given a job already completed, when it completes again, fails or throws, then each is ignored', async () => {
    const { engine, id, keys } = await movedOn();
    expectIgnored(engine, id, { type: 'job.complete', key: keys.job });
    expectIgnored(engine, id, { type: 'job.fail', key: keys.job, message: 'late', retries: 2 });
    expectIgnored(engine, id, { type: 'job.error', key: keys.job, errorCode: 'X' });
  });

  it('given a message subscription already used, when the message is correlated again, then it is ignored', async () => {
    const { engine, id, keys } = await movedOn();
    expectIgnored(engine, id, { type: 'message.correlate', key: keys.msg, name: 'berkas', variables: { x: 1 } });
  });

  it('given a signal subscription already used, when the signal arrives again, then it is ignored', async () => {
    const { engine, id, keys } = await movedOn();
    expectIgnored(engine, id, { type: 'signal.receive', key: keys.sig, name: 'umum' });
  });

  it('given a key of another kind, when used with the wrong input, then it is ignored', async () => {
    const engine = await given(process);
    const id = engine.start('p');
    expectIgnored(engine, id, { type: 'task.complete', key: elementKey(engine, id, 'job') });
    expectIgnored(engine, id, { type: 'job.complete', key: elementKey(engine, id, 't') });
    expectIgnored(engine, id, { type: 'timer.fire', key: subKey(engine, id, 'msg') });
    expectIgnored(engine, id, { type: 'signal.receive', key: subKey(engine, id, 'bt'), name: 'umum' });
    expectIgnored(engine, id, { type: 'call.complete', key: elementKey(engine, id, 't') });
    expectIgnored(engine, id, { type: 'call.fail', key: elementKey(engine, id, 't'), message: 'x' });
    expectIgnored(engine, id, { type: 'call.escalate', key: elementKey(engine, id, 't'), code: 'x' });
  });

  it('given an open subscription, when a message or signal of another name is delivered to it, then it is ignored', async () => {
    const engine = await given(process);
    const id = engine.start('p');
    expectIgnored(engine, id, { type: 'message.correlate', key: subKey(engine, id, 'msg'), name: 'lain' });
    expectIgnored(engine, id, { type: 'signal.receive', key: subKey(engine, id, 'sig1'), name: 'lain' });
  });

  it('given an incident already resolved, when resolved again, then it is ignored', async () => {
    const engine = await given(process);
    const id = engine.start('p');
    const job = elementKey(engine, id, 'job');
    engine.send(id, { type: 'job.fail', key: job, message: 'x', retries: 0 });
    const incident = engine.state(id).els[job].inc!.key;
    engine.send(id, { type: 'incident.resolve', key: incident });
    expectIgnored(engine, id, { type: 'incident.resolve', key: incident });
  });

  it('given keys that never existed, when any input names them, then it is ignored', async () => {
    const engine = await given(process);
    const id = engine.start('p');
    for (const input of [
      { type: 'task.complete', key: 9999 }, { type: 'timer.fire', key: 9999 }, { type: 'incident.resolve', key: 9999 },
    ] as const) expectIgnored(engine, id, input);
  });

  it('given an ended instance, when any input arrives, then it is ignored with the instance status as reason', async () => {
    const { engine, id } = await movedOn();
    engine.completeTask(id, 'hold');
    expect(engine.state(id).status).to.equal('completed');
    expectIgnored(engine, id, { type: 'task.complete', key: 2 });
    expect(engine.send(id, { type: 'timer.fire', key: 2 }).ignored).to.contain('is completed');
  });
});
