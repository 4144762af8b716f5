import { expect } from 'chai';
import { flowGraph, importBpmn } from '../../engine/bpmn/flow-graph.js';
import { fixtureBytes } from './helpers.js';

describe('bpmn/flow-graph: reading any well-formed BPMN', () => {
  it('given pools, lanes, a non-executable process and vendor extensions, when imported, then it reads', async () => {
    const result = await importBpmn(fixtureBytes('pools-lanes.bpmn'));
    expect(result.ok).to.equal(true);
  });

  it('given an imported model, then the flow graph is the multiset of typed, normalised flows', async () => {
    const result = await importBpmn(fixtureBytes('pools-lanes.bpmn'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(flowGraph(result.definitions)).to.deep.equal({
      'startEvent:start event -> task:check documents': 1,
      'task:check documents -> endEvent:done': 2,
    });
  });

  it('given duplicate ids, when imported, then it reads with a warning (the compiler refuses them)', async () => {
    const result = await importBpmn(fixtureBytes('duplicate-ids.bpmn'));
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.warnings.map((w) => w.message).join('\n')).to.include('duplicate id "Task"');
  });

  it('given a malformed or hostile file, when imported, then it is refused like the compiler refuses it', async () => {
    for (const name of ['malformed.bpmn', 'xxe.bpmn', 'invalid-utf8.bpmn', 'not-bpmn.xml']) {
      const result = await importBpmn(fixtureBytes(name));
      expect(result.ok, name).to.equal(false);
    }
  });
});
