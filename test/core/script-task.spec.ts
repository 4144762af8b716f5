/** Script task (zeebe:script): a FEEL expression whose value lands in the result variable. */
import { expect } from 'chai';
import { createBoundedEvaluator, type BoundedFeelEvaluator } from '../../engine/expressions/sandbox.js';
import { given, bpmn, flow, path, vars, incidentsOf, active, historyOf } from './support.js';

const script = (expression: string, resultVariable = 'result', extra = '') => bpmn(`
  <bpmn:startEvent id="s"/>
  <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="${expression}" resultVariable="${resultVariable}"/>${extra}</bpmn:extensionElements></bpmn:scriptTask>
  <bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`);

describe('script task', () => {
  let bounded: BoundedFeelEvaluator | undefined;
  afterEach(() => bounded?.close());

  it('given a FEEL expression, when the token arrives, then its value lands in the result variable and the token moves on', async () => {
    const engine = await given(script('=a + b', 'sum'));
    const id = engine.start('p', { a: 2, b: 40 });
    expect(vars(engine, id)).to.deep.equal({ a: 2, b: 40, sum: 42 });
    expect(path(engine, id)).to.deep.equal(['s', 't', 'e', 'p']);
  });

  it('given an expression building a context, when evaluated, then the result variable holds the object', async () => {
    const engine = await given(script('={nama: upper case(nama), umur: umur + 1}', 'profil'));
    const id = engine.start('p', { nama: 'ani', umur: 30 });
    expect(vars(engine, id).profil).to.deep.equal({ nama: 'ANI', umur: 31 });
  });

  it('given an expression over a missing variable, when evaluated, then the result is null (FEEL semantics)', async () => {
    const engine = await given(script('=missing.field'));
    const id = engine.start('p');
    expect(vars(engine, id)).to.deep.equal({ result: null });
  });

  it('given a date expression using now(), when evaluated, then it uses the step time, not the machine clock', async () => {
    const engine = await given(script('=string(today())', 'tanggal'), { now: '2030-05-06T07:08:09.000Z' });
    const id = engine.start('p');
    expect(vars(engine, id).tanggal).to.equal('2030-05-06');
  });

  it('given a list expression, when evaluated, then the list is stored', async () => {
    const engine = await given(script('=for x in items return x * 2', 'doubled'));
    const id = engine.start('p', { items: [1, 2, 3] });
    expect(vars(engine, id).doubled).to.deep.equal([2, 4, 6]);
  });

  it('given output mappings on the script task, when it completes, then the result is a local input of the mappings', async () => {
    const engine = await given(script('=a * 10', 'tmp', '<zeebe:ioMapping><zeebe:output source="=tmp + 1" target="final"/></zeebe:ioMapping>'));
    const id = engine.start('p', { a: 4 });
    expect(vars(engine, id)).to.deep.equal({ a: 4, final: 41 });
  });

  it('given a result variable defined in an enclosing subprocess scope, when the script completes, then it updates that scope', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:subProcess id="sub">
        <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=0" target="counter"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:startEvent id="ss"/>
        <bpmn:scriptTask id="t"><bpmn:extensionElements><zeebe:script expression="=counter + 1" resultVariable="counter"/></bpmn:extensionElements></bpmn:scriptTask>
        <bpmn:userTask id="u"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
        <bpmn:endEvent id="se"/>
        ${flow('g1', 'ss', 't')}${flow('g2', 't', 'u')}${flow('g3', 'u', 'se')}
      </bpmn:subProcess>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'sub')}${flow('f2', 'sub', 'e')}`));
    const id = engine.start('p', { counter: 100 });
    const subKey = Object.keys(engine.state(id).els).map(Number).find((k) => engine.state(id).els[k].e === 'sub')!;
    expect(engine.state(id).els[subKey].v).to.deep.equal({ counter: 1 });
    expect(vars(engine, id).counter).to.equal(100);
  });

  it('given a runaway expression and the bounded evaluator, when evaluated, then an expression incident is raised instead of a hang', async () => {
    bounded = createBoundedEvaluator({ timeoutMs: 300 });
    const engine = await given(script('=count(for i in 1..n return for j in 1..n return i * j)', 'big'), { env: { feel: bounded } });
    const started = Date.now();
    const id = engine.start('p', { n: 100000 });
    expect(Date.now() - started).to.be.below(15_000);
    expect(active(engine, id)).to.deep.equal(['t']);
    const [incident] = incidentsOf(engine, id);
    expect(incident).to.include({ elementId: 't', type: 'expression' });
    expect(incident.message).to.contain('time budget');
  });

  it('given an expression incident, when resolved with fixed variables, then the script runs again and the instance completes', async () => {
    // A budget generous enough for the fixed expression's first run in a fresh worker on a busy machine.
    bounded = createBoundedEvaluator({ timeoutMs: 1000 });
    const engine = await given(script('=count(for i in 1..n return for j in 1..n return i * j)', 'big'), { env: { feel: bounded } });
    const id = engine.start('p', { n: 100000 });
    const [incident] = incidentsOf(engine, id);
    engine.send(id, { type: 'incident.resolve', key: incident.key, variables: { n: 3 }, user: 'operator' });
    expect(vars(engine, id)).to.deep.equal({ n: 3, big: 3 });
    expect(engine.state(id).status).to.equal('completed');
    expect(historyOf(engine, id, 'incident.resolved')).to.have.length(1);
    expect(incidentsOf(engine, id)).to.have.length(0);
  });

  it('given an expression incident, when resolved without fixing anything, then the incident is raised again', async () => {
    bounded = createBoundedEvaluator({ timeoutMs: 300 });
    const engine = await given(script('=count(for i in 1..n return for j in 1..n return i * j)', 'big'), { env: { feel: bounded } });
    const id = engine.start('p', { n: 100000 });
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    expect(historyOf(engine, id, 'incident.raised')).to.have.length(2);
    expect(incidentsOf(engine, id)).to.have.length(1);
  });

  it('given a result larger than the evaluator allows, when evaluated, then an expression incident is raised', async () => {
    bounded = createBoundedEvaluator({ maxResultBytes: 1000, timeoutMs: 2000 });
    const engine = await given(script('=for i in 1..n return string(i * 1000000000)', 'list'), { env: { feel: bounded } });
    const id = engine.start('p', { n: 500 });
    expect(incidentsOf(engine, id)[0].message).to.contain('larger than 1000 bytes');
  });
});
