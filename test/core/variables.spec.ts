/** Variables: scopes, zeebe:ioMapping inputs and outputs (dotted targets), propagation to the defining scope. */
import { expect } from 'chai';
import { given, bpmn, flow, vars, userTask, elementKey, historyOf, incidentsOf } from './support.js';
import { visibleVariables } from '../../engine/core/queries.js';
import { InputRefused } from '../../engine/core/errors.js';

const io = (mappings: string) => `<zeebe:ioMapping>${mappings}</zeebe:ioMapping>`;
const input = (source: string, target: string) => `<zeebe:input source="${source}" target="${target}"/>`;
const output = (source: string, target: string) => `<zeebe:output source="${source}" target="${target}"/>`;
const oneTask = (ext: string) => bpmn(`<bpmn:startEvent id="s"/>${userTask('t', ext)}${userTask('next')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'next')}${flow('f3', 'next', 'e')}`);

describe('variables', () => {
  it('given start variables, when the instance starts, then they are the process scope', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { a: 1, b: { c: [1, 2] } });
    expect(engine.state(id).els[1].v).to.deep.equal({ a: 1, b: { c: [1, 2] } });
  });

  it('given an input mapping with a dotted target, when the task activates, then a nested local object is built', async () => {
    const engine = await given(oneTask(io(input('=nama', 'pemohon.nama') + input('=nik', 'pemohon.nik'))));
    const id = engine.start('p', { nama: 'Ani', nik: '3374' });
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ pemohon: { nama: 'Ani', nik: '3374' } });
  });

  it('given a dotted input target whose root exists in an outer scope, when mapped, then the outer object is copied and extended, not mutated', async () => {
    const engine = await given(oneTask(io(input('=&quot;baru&quot;', 'alamat.rt'))));
    const id = engine.start('p', { alamat: { kota: 'Semarang', rt: '01' } });
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ alamat: { kota: 'Semarang', rt: 'baru' } });
    expect(vars(engine, id).alamat).to.deep.equal({ kota: 'Semarang', rt: '01' });
  });

  it('given a later input mapping, when evaluated, then it can read an earlier mapping of the same element', async () => {
    const engine = await given(oneTask(io(input('=10', 'x') + input('=x * 2', 'y'))));
    const id = engine.start('p');
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ x: 10, y: 20 });
  });

  it('given a literal input source, when mapped, then the literal is used', async () => {
    const engine = await given(oneTask(io(input('tetap', 'mode'))));
    const id = engine.start('p');
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ mode: 'tetap' });
  });

  it('given an output mapping with a dotted target, when the task completes, then the nested value is merged into the existing process object', async () => {
    const engine = await given(oneTask(io(output('=keputusan', 'status.verifikasi'))));
    const id = engine.start('p', { status: { berkas: 'lengkap' } });
    engine.completeTask(id, 't', { keputusan: 'setuju' });
    expect(vars(engine, id)).to.deep.equal({ status: { berkas: 'lengkap', verifikasi: 'setuju' } });
  });

  it('given output mappings, when the task completes, then unmapped completion variables do not reach the process', async () => {
    const engine = await given(oneTask(io(output('=a', 'kept'))));
    const id = engine.start('p');
    engine.completeTask(id, 't', { a: 1, b: 2 });
    expect(vars(engine, id)).to.deep.equal({ kept: 1 });
  });

  it('given an output mapping reading a local input, when the task completes, then the local is available to it', async () => {
    const engine = await given(oneTask(io(input('=5', 'lokal') + output('=lokal + tambahan', 'total'))));
    const id = engine.start('p');
    engine.completeTask(id, 't', { tambahan: 3 });
    expect(vars(engine, id)).to.deep.equal({ total: 8 });
  });

  it('given no mappings, when the task completes, then every completion variable propagates to the process', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { a: 1 });
    engine.completeTask(id, 't', { b: 2, c: { d: 3 } });
    expect(vars(engine, id)).to.deep.equal({ a: 1, b: 2, c: { d: 3 } });
    expect(historyOf(engine, id, 'variables.updated')[0].data).to.deep.equal({ names: ['b', 'c'] });
  });

  it('given a variable defined in a subprocess scope, when an inner task completes with it, then it lands there (the defining scope), not in the process', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub"><bpmn:extensionElements>${io(input('=0', 'count'))}</bpmn:extensionElements>
        <bpmn:startEvent id="ss"/>${userTask('t')}${userTask('u')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 't')}${flow('g2', 't', 'u')}${flow('g3', 'u', 'se')}
      </bpmn:subProcess><bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`));
    const id = engine.start('p', { count: 100 });
    engine.completeTask(id, 't', { count: 1, fresh: true });
    expect(engine.state(id).els[elementKey(engine, id, 'sub')].v).to.deep.equal({ count: 1 });
    expect(vars(engine, id)).to.deep.equal({ count: 100, fresh: true });
  });

  it('given inner scopes, when visible variables are read, then inner names shadow outer ones', async () => {
    const engine = await given(oneTask(io(input('=&quot;dalam&quot;', 'x'))));
    const id = engine.start('p', { x: 'luar', y: 'luar' });
    expect(visibleVariables(engine.state(id), elementKey(engine, id, 't'))).to.deep.equal({ x: 'dalam', y: 'luar' });
  });

  it('given the task completes, when the next task reads variables, then the first task locals are gone', async () => {
    const engine = await given(oneTask(io(input('=1', 'tmp'))));
    const id = engine.start('p');
    engine.completeTask(id, 't');
    expect(visibleVariables(engine.state(id), elementKey(engine, id, 'next'))).to.deep.equal({});
  });

  it('given a completion that sets a variable to null, when propagated, then the variable is null (not removed)', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { catatan: 'x' });
    engine.completeTask(id, 't', { catatan: null });
    expect(vars(engine, id)).to.deep.equal({ catatan: null });
  });

  it('given variables arrive, when propagated, then the caller object is not shared with the state', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p');
    const payload = { daftar: [1, 2] };
    engine.completeTask(id, 't', payload);
    payload.daftar.push(3);
    expect(vars(engine, id)).to.deep.equal({ daftar: [1, 2] });
  });

  it('given an input mapping over a missing variable, when mapped, then the local is null (FEEL) and no incident is raised', async () => {
    const engine = await given(oneTask(io(input('=tidak.ada', 'x'))));
    const id = engine.start('p');
    expect(engine.state(id).els[elementKey(engine, id, 't')].v).to.deep.equal({ x: null });
    expect(incidentsOf(engine, id)).to.have.length(0);
  });

  it('given a completion carrying a function, when stepped, then the function is dropped as JSON drops it and never reaches FEEL', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p');
    engine.completeTask(id, 't', { f: () => 1, ok: true });
    expect(vars(engine, id)).to.deep.equal({ ok: true });
  });

  it('given a Date, a Map or NaN in variables, when started, then they are stored as the store would persist them (JSON)', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { when: new Date(0), m: new Map([[1, 2]]), list: [1, Number.NaN] });
    expect(vars(engine, id)).to.deep.equal({ when: '1970-01-01T00:00:00.000Z', m: {}, list: [1, null] });
  });

  it('given variables JSON cannot hold (a cycle, a BigInt), when stepped, then they are refused and nothing changes', async () => {
    const engine = await given(oneTask(''));
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => engine.start('p', cyclic)).to.throw(InputRefused, 'not JSON data');
    const id = engine.start('p');
    expect(() => engine.completeTask(id, 't', { n: BigInt(1) })).to.throw(InputRefused);
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['t']);
  });

  it('given undefined values in variables, when accepted, then they are dropped as JSON would drop them', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { a: 1, b: undefined });
    expect(engine.state(id).els[1].v).to.deep.equal({ a: 1 });
  });
});
