/** Read-only queries adapters ask of a snapshot: visible variables, active elements, open incidents, process variables. */
import { expect } from 'chai';
import { activeElements, openIncidents, processVariables, visibleVariables } from '../../engine/core/queries.js';
import { given, bpmn, flow, userTask, serviceTask, elementKey } from './support.js';

const fixture = bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
  <bpmn:subProcess id="sub"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=1" target="lokal"/></zeebe:ioMapping></bpmn:extensionElements>
    <bpmn:startEvent id="ss"/>${userTask('inner')}<bpmn:endEvent id="se"/>${flow('g1', 'ss', 'inner')}${flow('g2', 'inner', 'se')}</bpmn:subProcess>
  ${serviceTask('job', 'kerja', 1)}<bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
  ${flow('f0', 's', 'fork')}${flow('fa', 'fork', 'sub')}${flow('fb', 'fork', 'job')}${flow('ja', 'sub', 'join')}${flow('jb', 'job', 'join')}${flow('f1', 'join', 'e')}`);

describe('state queries', () => {
  it('given a running instance, then activeElements lists containers and tasks in key order, without the process', async () => {
    const engine = await given(fixture);
    const id = engine.start('p');
    expect(activeElements(engine.state(id))).to.deep.equal(['sub', 'job', 'inner']);
  });

  it('given a task inside a subprocess, then visibleVariables merges process and subprocess scopes for it', async () => {
    const engine = await given(fixture);
    const id = engine.start('p', { a: 1, lokal: 'luar' });
    expect(visibleVariables(engine.state(id), elementKey(engine, id, 'inner'))).to.deep.equal({ a: 1, lokal: 1 });
    expect(visibleVariables(engine.state(id), elementKey(engine, id, 'job'))).to.deep.equal({ a: 1, lokal: 'luar' });
  });

  it('given an unknown key, then visibleVariables is empty', async () => {
    const engine = await given(fixture);
    const id = engine.start('p', { a: 1 });
    expect(visibleVariables(engine.state(id), 999)).to.deep.equal({});
  });

  it('given a job incident, then openIncidents names the element and its key', async () => {
    const engine = await given(fixture);
    const id = engine.start('p');
    const job = elementKey(engine, id, 'job');
    engine.send(id, { type: 'job.fail', key: job, message: 'down', retries: 0 });
    const [incident] = openIncidents(engine.state(id));
    expect(incident).to.deep.include({ elementId: 'job', elementKey: job, type: 'job', message: 'down', retry: 'job' });
  });

  it('given a finished instance, then processVariables returns the final variables as a copy', async () => {
    const engine = await given(fixture);
    const id = engine.start('p', { a: 1 });
    engine.completeTask(id, 'inner');
    engine.send(id, { type: 'job.complete', key: elementKey(engine, id, 'job'), variables: { b: 2 } });
    const vars = processVariables(engine.state(id));
    expect(vars).to.deep.equal({ a: 1, b: 2 });
    vars.c = 3;
    expect(processVariables(engine.state(id))).to.deep.equal({ a: 1, b: 2 });
    expect(activeElements(engine.state(id))).to.deep.equal([]);
  });
});
