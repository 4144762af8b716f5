/** Multi-instance activities: parallel and sequential, collections, output collections, completion condition, cardinality. */
import { expect } from 'chai';
import { given, bpmn, flow, path, vars, timer, boundary, active, historyOf, effectsOf, incidentsOf, elementKey } from './support.js';

const mi = (opts: { sequential?: boolean; zeebe?: string; completion?: string; cardinality?: string }) => `
  <bpmn:multiInstanceLoopCharacteristics${opts.sequential ? ' isSequential="true"' : ''}>
    ${opts.zeebe ? `<bpmn:extensionElements><zeebe:loopCharacteristics ${opts.zeebe}/></bpmn:extensionElements>` : ''}
    ${opts.cardinality ? `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">${opts.cardinality}</bpmn:loopCardinality>` : ''}
    ${opts.completion ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${opts.completion}</bpmn:completionCondition>` : ''}
  </bpmn:multiInstanceLoopCharacteristics>`;

const miTask = (loop: string, ext = '') => bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask/>${ext}</bpmn:extensionElements>${loop}</bpmn:userTask>
  <bpmn:userTask id="after"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>
  ${flow('f1', 's', 't')}${flow('f2', 't', 'after')}${flow('f3', 'after', 'e')}`);

const overItems = 'inputCollection="=berkas" inputElement="dok" outputCollection="hasil" outputElement="=status"';
type Engine = Awaited<ReturnType<typeof given>>;
const openT = (engine: Engine, id: string) => engine.openTasks(id).filter((t) => t.task.elementId === 't').sort((a, b) => a.key - b.key);
const local = (engine: Engine, id: string, key: number) => engine.state(id).els[key].v;

describe('multi-instance (parallel)', () => {
  it('given a collection of three, when the activity is reached, then three inner tasks open at once with their item and loopCounter', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    const open = openT(engine, id);
    expect(open).to.have.length(3);
    expect(open.map((t) => local(engine, id, t.key))).to.deep.equal([
      { loopCounter: 1, dok: 'ktp', status: null }, { loopCounter: 2, dok: 'kk', status: null }, { loopCounter: 3, dok: 'akta', status: null },
    ]);
  });

  it('given inner instances completed out of order, when all are done, then the output collection keeps the item order', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    const [a, b, c] = openT(engine, id);
    engine.send(id, { type: 'task.complete', key: c.key, variables: { status: 'C' } });
    engine.send(id, { type: 'task.complete', key: a.key, variables: { status: 'A' } });
    expect(active(engine, id)).to.include('t');
    engine.send(id, { type: 'task.complete', key: b.key, variables: { status: 'B' } });
    expect(vars(engine, id).hasil).to.deep.equal(['A', 'B', 'C']);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given the body completes, then the input element, loop counter and output element do not leak into the process scope', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp'] });
    engine.completeTask(id, 't', { status: 'ok', other: 1 });
    expect(vars(engine, id)).to.deep.equal({ berkas: ['ktp'], other: 1, hasil: ['ok'] });
  });

  it('given parallel inner instances writing the output element in one step, then each keeps its own result (Zeebe: local output element)', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: ['a', 'b'], status: 'outer' });
    const [x, y] = openT(engine, id);
    engine.send(id, { type: 'task.complete', key: y.key, variables: { status: 'second' } });
    engine.send(id, { type: 'task.complete', key: x.key, variables: { status: 'first' } });
    expect(vars(engine, id)).to.deep.include({ status: 'outer', hasil: ['first', 'second'] });
  });

  it('given a completion condition, when it becomes true, then the remaining inner tasks close as cancelled and the body moves on', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems, completion: '=status = "tolak"' })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    const [a, b, c] = openT(engine, id);
    engine.send(id, { type: 'task.complete', key: a.key, variables: { status: 'ok' } });
    const r = engine.send(id, { type: 'task.complete', key: b.key, variables: { status: 'tolak' } });
    expect(effectsOf(r, 'task.close')).to.deep.include({ type: 'task.close', key: c.key, reason: 'cancelled' });
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(vars(engine, id).hasil).to.deep.equal(['ok', 'tolak', null]);
  });

  it('given a completion condition over numberOfCompletedInstances, when half are done, then the body completes', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems, completion: '=numberOfCompletedInstances / numberOfInstances &gt;= 0.5' })));
    const id = engine.start('p', { berkas: ['a', 'b', 'c', 'd'] });
    const [x, y] = openT(engine, id);
    engine.send(id, { type: 'task.complete', key: x.key });
    expect(openT(engine, id)).to.have.length(3);
    engine.send(id, { type: 'task.complete', key: y.key });
    expect(openT(engine, id)).to.have.length(0);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a loop cardinality, when reached, then that many inner instances run', async () => {
    const engine = await given(miTask(mi({ cardinality: '=jumlah' })));
    const id = engine.start('p', { jumlah: 3 });
    expect(openT(engine, id).map((t) => local(engine, id, t.key))).to.deep.equal([{ loopCounter: 1 }, { loopCounter: 2 }, { loopCounter: 3 }]);
  });

  it('given an empty collection, when reached, then the body completes at once with an empty output collection', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: [] });
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(vars(engine, id).hasil).to.deep.equal([]);
    expect(path(engine, id)).to.deep.equal(['s', 't']);
  });

  it('given an input collection that is not a list, when reached, then an expression incident is raised', async () => {
    const engine = await given(miTask(mi({ zeebe: overItems })));
    const id = engine.start('p', { berkas: 'ktp' });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 't', type: 'expression' });
    expect(engine.openTasks(id)).to.have.length(0);
  });

  it('given a negative cardinality, when reached, then an expression incident is raised', async () => {
    const engine = await given(miTask(mi({ cardinality: '=0 - 1' })));
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0].message).to.contain('loopCardinality');
  });

  it('given an interrupting timer boundary on the multi-instance activity, when it fires, then every inner task is cancelled', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:userTask id="t"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>${mi({ zeebe: overItems })}</bpmn:userTask>
      ${boundary('late', 't', timer('duration', 'P1D'))}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'late', 'e2')}`));
    const id = engine.start('p', { berkas: ['a', 'b'] });
    expect(engine.timers.size).to.equal(1);
    engine.advance(86_400_000);
    expect(engine.openTasks(id)).to.have.length(0);
    expect(engine.state(id).status).to.equal('completed');
    expect(historyOf(engine, id, 'element.terminated').map((h) => h.elementId)).to.deep.equal(['t', 't', 't']);
  });

  it('given a multi-instance service task, when reached, then a job per item is enqueued and the outputs are collected', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="cek"/></bpmn:extensionElements>${mi({ zeebe: 'inputCollection="=nik" inputElement="n" outputCollection="valid" outputElement="=ok"' })}</bpmn:serviceTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`), { handlers: { cek: (_job, v) => ({ ok: String(v.n).length === 4 }) } });
    const id = engine.start('p', { nik: ['1234', '12', '5678'] });
    expect(engine.jobs).to.have.length(3);
    engine.runJobs();
    expect(vars(engine, id).valid).to.deep.equal([true, false, true]);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a multi-instance subprocess, when each inner subprocess ends, then the body completes once', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">${mi({ zeebe: 'inputCollection="=xs" inputElement="x" outputCollection="ys" outputElement="=y"' })}
        <bpmn:startEvent id="ss"/><bpmn:scriptTask id="calc"><bpmn:extensionElements><zeebe:script expression="=x * x" resultVariable="y"/></bpmn:extensionElements></bpmn:scriptTask><bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 'calc')}${flow('g2', 'calc', 'se')}
      </bpmn:subProcess><bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`));
    const id = engine.start('p', { xs: [1, 2, 3] });
    expect(vars(engine, id).ys).to.deep.equal([1, 4, 9]);
    expect(path(engine, id).filter((x) => x === 'sub')).to.have.length(4);
  });
});

describe('multi-instance input and output mappings', () => {
  it('given input mappings on a multi-instance task, when each inner instance activates, then the mappings can read the input element', async () => {
    const engine = await given(miTask(mi({ zeebe: 'inputCollection="=pemohon" inputElement="orang"' }), '<zeebe:ioMapping><zeebe:input source="=orang.nama" target="nama"/></zeebe:ioMapping>'));
    const id = engine.start('p', { pemohon: [{ nama: 'Ani' }, { nama: 'Budi' }] });
    expect(openT(engine, id).map((t) => local(engine, id, t.key)!.nama)).to.deep.equal(['Ani', 'Budi']);
  });

  it('given input mappings reading loopCounter, when each inner instance activates, then each sees its own counter', async () => {
    const engine = await given(miTask(mi({ cardinality: '2' }), '<zeebe:ioMapping><zeebe:input source="=&quot;Tahap &quot; + string(loopCounter)" target="judul"/></zeebe:ioMapping>'));
    const id = engine.start('p');
    expect(openT(engine, id).map((t) => local(engine, id, t.key)!.judul)).to.deep.equal(['Tahap 1', 'Tahap 2']);
  });

  it('given output mappings on a multi-instance task, when an inner instance completes, then they read that instance and its completion', async () => {
    const engine = await given(miTask(mi({ zeebe: 'inputCollection="=[1, 2]" inputElement="n" outputCollection="out" outputElement="=hasil"' }), '<zeebe:ioMapping><zeebe:output source="=n * skor" target="hasil"/></zeebe:ioMapping>'));
    const id = engine.start('p');
    const [a, b] = openT(engine, id);
    engine.send(id, { type: 'task.complete', key: a.key, variables: { skor: 10 } });
    engine.send(id, { type: 'task.complete', key: b.key, variables: { skor: 10 } });
    expect(vars(engine, id).out).to.deep.equal([10, 20]);
  });
});

describe('multi-instance (sequential)', () => {
  it('given a sequential collection, when reached, then only the first inner task opens', async () => {
    const engine = await given(miTask(mi({ sequential: true, zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    const open = openT(engine, id);
    expect(open).to.have.length(1);
    expect(local(engine, id, open[0].key)).to.deep.equal({ loopCounter: 1, dok: 'ktp', status: null });
  });

  it('given a sequential collection, when each inner task completes, then the next item follows in order', async () => {
    const engine = await given(miTask(mi({ sequential: true, zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    const seen: unknown[] = [];
    for (const status of ['a', 'b', 'c']) {
      const [t] = openT(engine, id);
      seen.push(local(engine, id, t.key)!.dok);
      engine.send(id, { type: 'task.complete', key: t.key, variables: { status } });
    }
    expect(seen).to.deep.equal(['ktp', 'kk', 'akta']);
    expect(vars(engine, id).hasil).to.deep.equal(['a', 'b', 'c']);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a sequential completion condition, when true after the first, then no further instance starts', async () => {
    const engine = await given(miTask(mi({ sequential: true, zeebe: overItems, completion: '=status = "cukup"' })));
    const id = engine.start('p', { berkas: ['ktp', 'kk', 'akta'] });
    engine.send(id, { type: 'task.complete', key: openT(engine, id)[0].key, variables: { status: 'cukup' } });
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(vars(engine, id).hasil).to.deep.equal(['cukup', null, null]);
  });

  it('given a sequential loop cardinality, when run, then the loop counter increases by one each time', async () => {
    const engine = await given(miTask(mi({ sequential: true, cardinality: '3' })));
    const id = engine.start('p');
    const counters: unknown[] = [];
    while (openT(engine, id).length > 0) {
      const [t] = openT(engine, id);
      counters.push(local(engine, id, t.key)!.loopCounter);
      engine.send(id, { type: 'task.complete', key: t.key });
    }
    expect(counters).to.deep.equal([1, 2, 3]);
  });

  it('given a sequential multi-instance of script tasks, when reached, then all iterations run in one step', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=n * 10" resultVariable="r"/></bpmn:extensionElements>${mi({ sequential: true, zeebe: 'inputCollection="=ns" inputElement="n" outputCollection="rs" outputElement="=r"' })}</bpmn:scriptTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { ns: [1, 2, 3] });
    expect(vars(engine, id).rs).to.deep.equal([10, 20, 30]);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given a sequential body waiting, then the state holds the items and progress compactly', async () => {
    const engine = await given(miTask(mi({ sequential: true, zeebe: overItems })));
    const id = engine.start('p', { berkas: ['ktp', 'kk'] });
    const body = elementKey(engine, id, 't');
    expect(engine.state(id).els[body].mi).to.deep.equal({ next: 1, total: 2, done: 0, items: ['ktp', 'kk'], out: [null, null] });
  });
});
