/** Tasks without a worker: none and manual tasks pass through; a send task without a job publishes its message. */
import { expect } from 'chai';
import { step } from '../../engine/core/step.js';
import { given, bpmn, bpmnWith, flow, path, effectsOf } from './support.js';

describe('pass-through and send tasks', () => {
  it('given a none task and a manual task, when reached, then the token passes straight through both', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:task id="a"/><bpmn:manualTask id="b"/><bpmn:endEvent id="e"/>${flow('f1', 's', 'a')}${flow('f2', 'a', 'b')}${flow('f3', 'b', 'e')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.deep.equal(['s', 'a', 'b', 'e', 'p']);
  });

  it('given a task with two unconditional outgoing flows, when it completes, then both flows get a token (implicit parallel split)', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:task id="a"/><bpmn:task id="x"/><bpmn:task id="y"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'a')}${flow('f2', 'a', 'x')}${flow('f3', 'a', 'y')}${flow('f4', 'x', 'e1')}${flow('f5', 'y', 'e2')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.include.members(['x', 'y', 'e1', 'e2']);
  });

  it('given a task with conditional outgoing flows, when it completes, then only the true ones are taken, else the default', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:task id="a" default="dflt"/><bpmn:task id="x"/><bpmn:task id="y"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 'a')}${flow('toX', 'a', 'x', '=v &gt; 1')}${flow('dflt', 'a', 'y')}${flow('f4', 'x', 'e1')}${flow('f5', 'y', 'e2')}`);
    const engine = await given(xml);
    expect(path(engine, engine.start('p', { v: 5 }))).to.include('x').and.not.include('y');
    expect(path(engine, engine.start('p', { v: 0 }))).to.include('y').and.not.include('x');
  });

  it('given a send task without a job, when reached, then it publishes its message with its input-mapped variables and moves on', async () => {
    const engine = await given(bpmnWith(`<bpmn:message id="m" name="izin-terbit"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>`, `
      <bpmn:startEvent id="s"/>
      <bpmn:sendTask id="kirim" messageRef="m"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=nomor" target="nomorIzin"/></zeebe:ioMapping></bpmn:extensionElements></bpmn:sendTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'kirim')}${flow('f2', 'kirim', 'e')}`));
    const r = step(engine.models.get('p')!, null, { type: 'instance.start', instanceId: 'i', processId: 'p', variables: { nomor: 'IZ-5', nik: '3374' } }, engine.now);
    expect(effectsOf(r, 'message.publish')).to.deep.equal([{ type: 'message.publish', name: 'izin-terbit', correlationKey: 'IZ-5', variables: { nomorIzin: 'IZ-5' } }]);
    expect(r.state.status).to.equal('completed');
  });

  it('given a signal throw with input mappings, when thrown, then the broadcast carries only the mapped variables', async () => {
    const engine = await given(bpmnWith('<bpmn:signal id="sig" name="pengumuman"/>', `
      <bpmn:startEvent id="s"/>
      <bpmn:intermediateThrowEvent id="umumkan"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=judul" target="judul"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'umumkan')}${flow('f2', 'umumkan', 'e')}`));
    const r = step(engine.models.get('p')!, null, { type: 'instance.start', instanceId: 'i', processId: 'p', variables: { judul: 'Libur', rahasia: 'x' } }, engine.now);
    expect(effectsOf(r, 'signal.broadcast')).to.deep.equal([{ type: 'signal.broadcast', name: 'pengumuman', variables: { judul: 'Libur' } }]);
  });
});
