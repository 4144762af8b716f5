/**
 * instance.modify: an operator terminates active elements and activates others, in one step —
 * inside subprocesses, multi-instance bodies and event subprocesses too, with boundary events
 * subscribed again, timers planned again and the join bookkeeping kept consistent; a modification
 * the core cannot honour is refused naming each element, and changes nothing.
 */
import { expect } from 'chai';
import { checkModification } from '../../engine/core/modify.js';
import { given, bpmn, flow, chain, vars, userTask, active, historyOf, effectsOf, elementKey, sendStale, timer, boundary } from './support.js';
import type { MemoryEngine } from '../../engine/memory/engine.js';

const LINE = bpmn(`<bpmn:startEvent id="s"/>${userTask('a')}${userTask('b')}${boundary('late', 'b', timer('duration', 'P2D'))}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
  ${chain('s', 'a', 'b', 'e')}${flow('f9', 'late', 'e2')}`);

const tasks = (engine: MemoryEngine, id: string) => engine.openTasks(id).map((t) => t.task.elementId).sort();

describe('instance.modify', () => {
  it('given a case at a, when a is terminated and b activated with variables, then a\'s task closes, b\'s opens with its boundary timer, and the history names the operator', async () => {
    const engine = await given(LINE);
    const id = engine.start('p', { n: 1 });
    const r = engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'a' }], activate: [{ elementId: 'b', variables: { alasan: 'berkas lengkap' } }], user: 'operator' });
    expect(r.ignored).to.equal(undefined);
    expect(active(engine, id)).to.deep.equal(['b']);
    expect(tasks(engine, id)).to.deep.equal(['b']);
    expect(vars(engine, id)).to.deep.equal({ n: 1, alasan: 'berkas lengkap' });
    expect(effectsOf(r, 'task.close')).to.deep.equal([{ type: 'task.close', key: 3, reason: 'cancelled' }]);
    expect(effectsOf(r, 'timer.schedule').map((t) => t.elementId)).to.deep.equal(['late']);
    expect(historyOf(engine, id, 'instance.modified')).to.deep.equal([{ type: 'instance.modified', elementId: 'p', key: 1, user: 'operator', data: { terminated: ['a'], activated: ['b'] } }]);
    // Terminating b takes its boundary timer with it; activating b again plans a new one.
    const again = engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'b' }], activate: [{ elementId: 'b' }] });
    expect(effectsOf(again, 'timer.cancel')).to.have.length(1);
    expect(effectsOf(again, 'timer.schedule')).to.have.length(1);
    expect(Object.values(engine.state(id).subs ?? {})).to.have.length(1);
    engine.completeTask(id, 'b');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given elements it cannot honour, when checked and sent, then each is named and nothing changes', async () => {
    const engine = await given(LINE);
    const id = engine.start('p');
    const model = engine.models.get('p')!;
    expect(checkModification(model, engine.state(id), {
      terminate: [{ elementId: 'b' }, { elementId: 'nope' }, { elementId: 'p' }],
      activate: [{ elementId: 'late' }, { elementId: 's' }, { elementId: 'ghost' }, { elementId: 'e' }],
    })).to.deep.equal([
      { element: 'b', code: 'not-active', params: { element: { id: 'b' } } },
      { element: 'nope', code: 'not-an-element', params: { element: 'nope', process: 'p' } },
      { element: 'p', code: 'process-not-terminable', params: {} },
      { element: 'late', code: 'boundary-event', params: { element: { id: 'late' } } },
      { element: 's', code: 'start-event', params: { element: { id: 's' } } },
      { element: 'ghost', code: 'not-an-element', params: { element: 'ghost', process: 'p' } },
    ]);
    expect(checkModification(model, engine.state(id), {})).to.deep.equal([{ element: 'p', code: 'nothing-to-do', params: {} }]);
    sendStale(engine, id, { type: 'instance.modify', terminate: [{ elementId: 'a' }, { elementId: 'b' }], activate: [{ elementId: 'e' }] }, /b: not-active/);
  });

  it('given the last token is terminated and nothing activated, then the instance ends as terminated', async () => {
    const engine = await given(LINE);
    const id = engine.start('p');
    const r = engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'a' }] });
    expect(engine.state(id).status).to.equal('terminated');
    expect(effectsOf(r, 'instance.ended')[0]).to.include({ state: 'terminated' });
  });

  it('given an element inside a subprocess that is not running, when activated, then the subprocess is created around it (its boundary subscribed) and the case goes on after it', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('a')}
      <bpmn:subProcess id="sub"><bpmn:startEvent id="ss"/>${userTask('inner1')}${userTask('inner2')}<bpmn:endEvent id="se"/>${chain('ss', 'inner1', 'inner2', 'se').replace(/id="f(\d)"/g, 'id="sf$1"')}</bpmn:subProcess>
      ${boundary('stop', 'sub', '<bpmn:messageEventDefinition messageRef="m"/>')}
      ${userTask('after')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${chain('s', 'a', 'sub', 'after', 'e')}${flow('f9', 'stop', 'e2')}`).replace('</bpmn:definitions>', '<bpmn:message id="m" name="berhenti"/></bpmn:definitions>'));
    const id = engine.start('p');
    const r = engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'a' }], activate: [{ elementId: 'inner2', variables: { catatan: 'x' } }] });
    expect(r.ignored).to.equal(undefined);
    expect(active(engine, id)).to.deep.equal(['sub', 'inner2']);
    expect(effectsOf(r, 'message.subscribe').map((m) => m.elementId)).to.deep.equal(['stop']);
    // The variables live in the subprocess scope it runs in, not the process.
    expect(engine.state(id).els[elementKey(engine, id, 'sub')].v).to.deep.equal({ catatan: 'x' });
    expect(vars(engine, id)).to.deep.equal({});
    engine.completeTask(id, 'inner2');
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given an event subprocess, when an element inside it is activated, then it runs there and the main flow keeps its token', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('a')}<bpmn:endEvent id="e"/>${chain('s', 'a', 'e')}
      <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es" isInterrupting="false"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>
        ${userTask('handle')}<bpmn:endEvent id="ee"/>${flow('ef1', 'es', 'handle')}${flow('ef2', 'handle', 'ee')}</bpmn:subProcess>`).replace('</bpmn:definitions>', '<bpmn:signal id="sig" name="darurat"/></bpmn:definitions>'));
    const id = engine.start('p');
    engine.send(id, { type: 'instance.modify', activate: [{ elementId: 'handle' }] });
    expect(active(engine, id)).to.deep.equal(['a', 'esp', 'handle']);
    engine.completeTask(id, 'handle');
    expect(active(engine, id)).to.deep.equal(['a']);
    engine.completeTask(id, 'a');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a parallel multi-instance subprocess, when an element inside it is activated, then the running inner instance must be named; terminating inside every inner instance completes the body', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:subProcess id="per"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:startEvent id="ps"/>${userTask('check')}${userTask('extra')}<bpmn:endEvent id="pe"/>${boundary('slow', 'check', timer('duration', 'P9D'))}${flow('pf1', 'ps', 'check')}${flow('pf2', 'check', 'pe')}${flow('pf4', 'slow', 'extra')}${flow('pf3', 'extra', 'pe')}</bpmn:subProcess>
      ${userTask('after')}<bpmn:endEvent id="e"/>${chain('s', 'per', 'after', 'e')}`));
    const id = engine.start('p', { items: ['a', 'b'] });
    const model = engine.models.get('p')!;
    const state = engine.state(id);
    const inners = Object.keys(state.els).map(Number).filter((k) => state.els[k].e === 'per' && state.els[k].mi === undefined);
    expect(inners).to.have.length(2);
    expect(checkModification(model, state, { activate: [{ elementId: 'extra' }] })).to.deep.equal([{ element: 'extra', code: 'container-runs-several', params: { container: { id: 'per' }, count: 2, element: { id: 'extra' }, ancestors: inners } }]);
    engine.send(id, { type: 'instance.modify', activate: [{ elementId: 'extra', ancestor: inners[1] }] });
    const extra = Object.values(engine.state(id).els).filter((i) => i.e === 'extra');
    expect(extra.map((i) => i.p)).to.deep.equal([inners[1]]);
    // Terminating check and extra everywhere empties both inner instances: the body is done, the case moves on.
    engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'check' }, { elementId: 'extra' }] });
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(engine.state(id).status).to.equal('active');
  });

  it('given a parallel multi-instance task, when one element instance is terminated by its key, then only that one goes and the others keep waiting; a wrong key is refused naming it', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>
      <bpmn:userTask id="sign"><bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=signers" inputElement="signer"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
      ${userTask('after')}<bpmn:endEvent id="e"/>${chain('s', 'sign', 'after', 'e')}`));
    const id = engine.start('p', { signers: ['camat', 'sekda', 'bupati'] });
    const model = engine.models.get('p')!;
    const state = engine.state(id);
    const inner = Object.keys(state.els).map(Number).filter((k) => state.els[k].e === 'sign' && state.els[k].mi === undefined && state.els[state.els[k].p!]?.e === 'sign');
    expect(inner).to.have.length(3);
    expect(engine.openTasks(id)).to.have.length(3);
    const body = state.els[inner[0]].p!;
    // The process's own instance (key 1) is no element instance to terminate: cancel the case instead.
    expect(checkModification(model, state, { terminate: [{ key: 99999 }, { elementId: 'after', key: inner[0] }, { key: 1 }] })).to.deep.equal([
      { element: '#99999', code: 'key-not-active', params: { key: 99999 } },
      { element: 'after', code: 'key-other-element', params: { key: inner[0], of: { id: 'sign' }, element: { id: 'after' } } },
      { element: '#1', code: 'key-not-active', params: { key: 1 } },
    ]);

    engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'sign', key: inner[1] }], user: 'operator' });
    const left = engine.state(id);
    expect(Object.keys(left.els).map(Number).filter((k) => left.els[k].e === 'sign' && k !== body).sort()).to.deep.equal([inner[0], inner[2]]);
    expect(engine.openTasks(id)).to.have.length(2);
    const modified = historyOf(engine, id, 'instance.modified');
    expect(modified[0].data).to.deep.equal({ terminated: ['sign'], activated: [], terminatedKeys: [inner[1]] });
    // The two left complete the body (the terminated one counts as done), and the case goes on.
    engine.completeTask(id, 'sign');
    engine.completeTask(id, 'sign');
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a multi-instance activity with no running instance, when an element inside it is activated, then it is refused naming the element', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('a')}
      <bpmn:subProcess id="per"><bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="i"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
        <bpmn:startEvent id="ps"/>${userTask('check')}<bpmn:endEvent id="pe"/>${flow('pf1', 'ps', 'check')}${flow('pf2', 'check', 'pe')}</bpmn:subProcess>
      <bpmn:endEvent id="e"/>${chain('s', 'a', 'per', 'e')}`));
    const id = engine.start('p');
    expect(checkModification(engine.models.get('p')!, engine.state(id), { activate: [{ elementId: 'check' }] }))
      .to.deep.equal([{ element: 'check', code: 'multi-instance-not-running', params: { element: { id: 'check' }, container: { id: 'per' } } }]);
    // Activating the multi-instance activity itself starts its body.
    engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'a' }], activate: [{ elementId: 'per' }] });
    expect(tasks(engine, id)).to.deep.equal(['check']);
    engine.completeTask(id, 'check');
    engine.completeTask(id, 'check');
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a token waiting at a parallel join, when the join is activated by hand, then its waiting tokens go with it; terminating a join drops them', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/>${userTask('a')}${userTask('b')}<bpmn:parallelGateway id="join"/>${userTask('c')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'split')}${flow('f2', 'split', 'a')}${flow('f3', 'split', 'b')}${flow('f4', 'a', 'join')}${flow('f5', 'b', 'join')}${flow('f6', 'join', 'c')}${flow('f7', 'c', 'e')}`);
    const engine = await given(xml);
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(engine.state(id).joins).to.deep.equal({ 1: { join: ['f4'] } });
    engine.send(id, { type: 'instance.modify', terminate: [{ elementId: 'b' }], activate: [{ elementId: 'join' }] });
    expect(engine.state(id).joins).to.equal(undefined);
    expect(active(engine, id)).to.deep.equal(['c']);
    engine.completeTask(id, 'c');
    expect(engine.state(id).status).to.equal('completed');

    const other = engine.start('p');
    engine.completeTask(other, 'a');
    expect(checkModification(engine.models.get('p')!, engine.state(other), { terminate: [{ elementId: 'join' }] })).to.deep.equal([]);
    engine.send(other, { type: 'instance.modify', terminate: [{ elementId: 'join' }, { elementId: 'b' }], activate: [{ elementId: 'c' }] });
    expect(engine.state(other).joins).to.equal(undefined);
    expect(active(engine, other)).to.deep.equal(['c']);
    engine.completeTask(other, 'c');
    expect(engine.state(other).status).to.equal('completed');
  });

  it('given the same modification on the same state, then the result is the same (deterministic)', async () => {
    const engine = await given(LINE);
    const one = engine.start('p', {}, { instanceId: 'x1' });
    const two = engine.start('p', {}, { instanceId: 'x2' });
    const input = { type: 'instance.modify' as const, terminate: [{ elementId: 'a' }], activate: [{ elementId: 'b' }] };
    const r1 = engine.send(one, input);
    const r2 = engine.send(two, input);
    expect(JSON.stringify(r1.effects)).to.equal(JSON.stringify(r2.effects));
    expect(JSON.stringify({ ...engine.state(one), id: '' })).to.equal(JSON.stringify({ ...engine.state(two), id: '' }));
  });
});
