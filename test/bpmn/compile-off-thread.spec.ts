/**
 * Deployments compiled on their own thread (engine/bpmn/compile-off-thread.ts) answer exactly what
 * compileBpmn answers on the calling thread: the same models (frozen again), the same problems,
 * and catalog texts that still render in Indonesian after crossing the thread.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { compilerThread } from '../../engine/bpmn/compile-off-thread.js';
import { render, Text } from '../../engine/messages/text.js';
import { bpmn, flow } from '../core/support.js';

const LIMITS = { maxElements: 2000, maxFlowsPerElement: 20 };

describe('bpmn: compiling on a thread of its own', function () {
  this.timeout(60_000);
  const compile = compilerThread();
  after(async () => { await compile.close(); });

  it('given a full Camunda 8 model, then the thread answers the models compileBpmn answers, frozen', async () => {
    const xml = readFileSync(new URL('./camunda8-full.bpmn', import.meta.url));
    const there = await compile(xml, {});
    expect(there).to.deep.equal(await compileBpmn(xml, {}));
    expect(there.ok && Object.isFrozen(there.definitions.processes[0].elements)).to.equal(true);
  });

  it('given a gateway over the flow limit, then the same problems, whose texts render in Indonesian', async () => {
    const xml = bpmn(`<bpmn:startEvent id="s"/><bpmn:parallelGateway id="split"/><bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
      ${flow('f0', 's', 'split')}${Array.from({ length: 30 }, (_, i) => flow(`b${i}`, 'split', 'join')).join('')}${flow('f1', 'join', 'e')}`);
    const here = await compileBpmn(xml, { limits: LIMITS });
    const there = await compile(xml, { limits: LIMITS });
    expect(there.ok || here.ok).to.equal(false);
    if (there.ok || here.ok) return;
    expect(there.errors.map((e) => [e.element, e.message])).to.deep.equal(here.errors.map((e) => [e.element, e.message]));
    expect(there.errors[0].text).to.be.instanceOf(Text);
    expect(there.errors.map((e) => render(e.text!, 'id'))).to.deep.equal(here.errors.map((e) => render(e.text!, 'id')));
    expect(render(there.errors[0].text!, 'id')).to.contain('alur keluar');
  });
});
