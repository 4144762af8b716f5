/** Embedded subprocess: a scope with its own tokens and local variables; completes when its last token ends. */
import { expect } from 'chai';
import { given, bpmn, flow, path, vars, userTask, active, elementKey, historyOf } from './support.js';

const sub = (inner: string, mapping = '') => bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:subProcess id="sub">${mapping}${inner}</bpmn:subProcess>
  ${userTask('after')}<bpmn:endEvent id="e"/>
  ${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'after')}${flow('f3', 'after', 'e')}`);

const simple = sub(`<bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}`);

describe('embedded subprocess', () => {
  it('given a subprocess, when entered, then the token starts at its none start event inside the subprocess scope', async () => {
    const engine = await given(simple);
    const id = engine.start('p');
    expect(active(engine, id)).to.deep.equal(['sub', 'inner']);
    const subKey = elementKey(engine, id, 'sub');
    expect(engine.state(id).els[elementKey(engine, id, 'inner')].p).to.equal(subKey);
  });

  it('given the last inner token ends, when it ends, then the subprocess completes and the outer token moves on', async () => {
    const engine = await given(simple);
    const id = engine.start('p');
    engine.completeTask(id, 'inner');
    expect(path(engine, id)).to.deep.equal(['s', 'ss', 'inner', 'se', 'sub']);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given two parallel inner branches, when one ends, then the subprocess keeps waiting for the other', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/><bpmn:parallelGateway id="fork"/>${userTask('a')}${userTask('b')}<bpmn:endEvent id="ea"/><bpmn:endEvent id="eb"/>
      ${flow('g0', 'ss', 'fork')}${flow('g1', 'fork', 'a')}${flow('g2', 'fork', 'b')}${flow('g3', 'a', 'ea')}${flow('g4', 'b', 'eb')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'a');
    expect(active(engine, id)).to.deep.equal(['sub', 'b']);
    engine.completeTask(id, 'b');
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a subprocess without wait states, when entered, then it completes within the same step', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/><bpmn:task id="x"/><bpmn:endEvent id="se"/>${flow('g1', 'ss', 'x')}${flow('g2', 'x', 'se')}`));
    const id = engine.start('p');
    expect(path(engine, id)).to.deep.equal(['s', 'ss', 'x', 'se', 'sub']);
  });

  it('given input mappings on the subprocess, when entered, then they become local variables of the subprocess scope', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}`,
      '<bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=pemohon.nama" target="nama"/></zeebe:ioMapping></bpmn:extensionElements>'));
    const id = engine.start('p', { pemohon: { nama: 'Budi' } });
    expect(engine.state(id).els[elementKey(engine, id, 'sub')].v).to.deep.equal({ nama: 'Budi' });
    expect(vars(engine, id)).to.not.have.property('nama');
  });

  it('given a local variable of the subprocess, when an inner task completes with that name, then the local copy changes, not the process variable', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}`,
      '<bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=status" target="status"/></zeebe:ioMapping></bpmn:extensionElements>'));
    const id = engine.start('p', { status: 'baru' });
    engine.completeTask(id, 'inner', { status: 'diproses', other: 1 });
    expect(vars(engine, id)).to.deep.equal({ status: 'baru', other: 1 });
  });

  it('given output mappings on the subprocess, when it completes, then the mapped values reach the process and locals disappear', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}`,
      '<bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=0" target="skor"/><zeebe:output source="=skor * 2" target="hasil"/></zeebe:ioMapping></bpmn:extensionElements>'));
    const id = engine.start('p');
    engine.completeTask(id, 'inner', { skor: 21 });
    expect(vars(engine, id)).to.deep.equal({ hasil: 42 });
  });

  it('given nested subprocesses, when the innermost task completes, then both scopes complete in order', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>
      <bpmn:subProcess id="deep"><bpmn:startEvent id="ds"/>${userTask('inner')}<bpmn:endEvent id="de"/>${flow('h1', 'ds', 'inner')}${flow('h2', 'inner', 'de')}</bpmn:subProcess>
      <bpmn:endEvent id="se"/>${flow('g1', 'ss', 'deep')}${flow('g2', 'deep', 'se')}`));
    const id = engine.start('p');
    expect(active(engine, id)).to.deep.equal(['sub', 'deep', 'inner']);
    engine.completeTask(id, 'inner');
    expect(path(engine, id)).to.deep.equal(['s', 'ss', 'ds', 'inner', 'de', 'deep', 'se', 'sub']);
  });

  it('given a variable written in a nested scope that no scope defines, when the task completes, then it lands in the process scope', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>
      <bpmn:subProcess id="deep"><bpmn:startEvent id="ds"/>${userTask('inner')}<bpmn:endEvent id="de"/>${flow('h1', 'ds', 'inner')}${flow('h2', 'inner', 'de')}</bpmn:subProcess>
      <bpmn:endEvent id="se"/>${flow('g1', 'ss', 'deep')}${flow('g2', 'deep', 'se')}`));
    const id = engine.start('p');
    engine.completeTask(id, 'inner', { keputusan: 'setuju' });
    expect(vars(engine, id)).to.deep.equal({ keputusan: 'setuju' });
    expect(historyOf(engine, id, 'variables.updated')[0].data).to.deep.equal({ names: ['keputusan'] });
  });

  it('given an inner task, when it reads variables, then it sees the process variables shadowed by the subprocess locals', async () => {
    const engine = await given(sub(`<bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}`,
      '<bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=&quot;lokal&quot;" target="a"/></zeebe:ioMapping></bpmn:extensionElements>'));
    const id = engine.start('p', { a: 'global', b: 'global' });
    const { visibleVariables } = await import('../../engine/core/queries.js');
    expect(visibleVariables(engine.state(id), elementKey(engine, id, 'inner'))).to.deep.equal({ a: 'lokal', b: 'global' });
  });
});
