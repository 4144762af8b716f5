/** The instance state: small, versioned, JSON-serialisable snapshots a store can persist as they are. */
import { expect } from 'chai';
import { step } from '../../engine/core/step.js';
import { InputRefused } from '../../engine/core/errors.js';
import { STATE_VERSION } from '../../engine/core/state.js';
import { given, bpmn, flow, userTask, compile, fixture, elementKey } from './support.js';

const oneUserTask = bpmn(`<bpmn:startEvent id="start"/>${userTask('verifikasi', '<zeebe:assignmentDefinition candidateGroups="petugas"/>')}<bpmn:endEvent id="end"/>
  ${flow('f1', 'start', 'verifikasi')}${flow('f2', 'verifikasi', 'end')}`, 'permohonan');

describe('instance state', () => {
  it('given a one-user-task process waiting, then its state is JSON-serialisable and at most 2 KB', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan', { nomor: 'REG-2026-000123', jenis: 'SKTM', kelurahan: 'Pedurungan Kidul' }, { businessKey: 'REG-2026-000123' });
    const json = JSON.stringify(engine.state(id));
    expect(JSON.parse(json)).to.deep.equal(engine.state(id));
    expect(Buffer.byteLength(json, 'utf8')).to.be.at.most(2048);
  });

  it('given a one-user-task process waiting with no variables, then the snapshot is under 200 bytes', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan');
    const json = JSON.stringify(engine.state(id));
    expect(json.length).to.be.below(200);
    expect(engine.state(id)).to.deep.equal({ v: STATE_VERSION, id, processId: 'permohonan', status: 'active', next: 4, els: { 1: { e: 'permohonan', s: 'active', v: {} }, 3: { e: 'verifikasi', p: 1, s: 'waiting', w: { k: 'task' } } } });
  });

  it('given a snapshot that went through JSON, when the next input is stepped on it, then the instance goes on', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan');
    const restored = JSON.parse(JSON.stringify(engine.state(id)));
    const r = step(engine.models.get('permohonan')!, restored, { type: 'task.complete', key: elementKey(engine, id, 'verifikasi') }, engine.now);
    expect(r.state.status).to.equal('completed');
  });

  it('given a snapshot of another state version, when stepped, then it is refused as invalid', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan');
    const old = { ...engine.state(id), v: 0 } as never;
    expect(() => step(engine.models.get('permohonan')!, old, { type: 'instance.cancel' }, engine.now)).to.throw(InputRefused, 'state version 0');
  });

  it('given a state of another process, when stepped with this model, then it is refused', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan');
    const [other] = await compile(bpmn(`<bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>${flow('f', 's', 'e')}`, 'lain'));
    expect(() => step(other, engine.state(id), { type: 'instance.cancel' }, engine.now)).to.throw(InputRefused, 'runs permohonan');
  });

  it('given no state, when a non-start input is stepped, then it is refused as not found', async () => {
    const [model] = await compile(oneUserTask);
    expect(() => step(model, null, { type: 'instance.cancel' }, '2026-01-01T00:00:00.000Z')).to.throw(InputRefused);
  });

  it('given the larger permit fixture at its first wait, then its snapshot stays small too', async () => {
    const [model] = await compile(fixture('izin-usaha.bpmn'));
    const r = step(model, null, { type: 'instance.start', instanceId: 'i', processId: 'izin-usaha', variables: { nomor: 'A', lokasi: [] } }, '2026-01-01T00:00:00.000Z');
    expect(JSON.stringify(r.state).length).to.be.below(1024);
  });

  it('given a finished instance, then its snapshot keeps only status and final variables', async () => {
    const engine = await given(oneUserTask);
    const id = engine.start('permohonan', { a: 1 });
    engine.completeTask(id, 'verifikasi', { b: 2 });
    expect(engine.state(id)).to.deep.equal({ v: STATE_VERSION, id, processId: 'permohonan', status: 'completed', next: 5, els: {}, final: { a: 1, b: 2 } });
  });

  it('given element keys, when minted, then they only grow and never repeat within an instance', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:exclusiveGateway id="m"/>${userTask('t')}<bpmn:exclusiveGateway id="x" default="back"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'm')}${flow('f1', 'm', 't')}${flow('f2', 't', 'x')}${flow('out', 'x', 'e', '=selesai')}${flow('back', 'x', 'm')}`));
    const id = engine.start('p');
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(elementKey(engine, id, 't'));
      engine.completeTask(id, 't', { selesai: i === 3 });
    }
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).to.equal(4);
  });
});
