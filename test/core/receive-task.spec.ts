/** Receive task: waits for its message (with correlation key); boundary events apply as on any activity. */
import { expect } from 'chai';
import { given, bpmnWith, flow, vars, userTask, timer, boundary, active, subKey, effectsOf, incidentsOf, elementKey } from './support.js';

const roots = `<bpmn:message id="m" name="pembayaran-diterima"><bpmn:extensionElements><zeebe:subscription correlationKey="=kodeBayar"/></bpmn:extensionElements></bpmn:message>`;
const receive = (extra = '', extraFlows = '') => bpmnWith(roots, `
  <bpmn:startEvent id="s"/><bpmn:receiveTask id="wait" messageRef="m"/>${userTask('after')}<bpmn:endEvent id="e"/>${extra}
  ${flow('f1', 's', 'wait')}${flow('f2', 'wait', 'after')}${flow('f3', 'after', 'e')}${extraFlows}`);

describe('receive task', () => {
  it('given a receive task, when reached, then it subscribes with the correlation key and waits', async () => {
    const engine = await given(receive());
    const id = engine.start('p', { kodeBayar: 'BYR-77' });
    const key = subKey(engine, id, 'wait');
    expect(engine.state(id).subs![key]).to.deep.equal({ e: 'wait', o: elementKey(engine, id, 'wait'), kind: 'message', name: 'pembayaran-diterima', ck: 'BYR-77' });
    expect(active(engine, id)).to.deep.equal(['wait']);
  });

  it('given the matching message, when published, then the task completes with the message variables', async () => {
    const engine = await given(receive());
    const id = engine.start('p', { kodeBayar: 'BYR-77' });
    engine.publish('pembayaran-diterima', 'BYR-77', { jumlah: 50000 });
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(vars(engine, id)).to.deep.equal({ kodeBayar: 'BYR-77', jumlah: 50000 });
  });

  it('given another correlation key, when published, then this instance keeps waiting', async () => {
    const engine = await given(receive());
    const id = engine.start('p', { kodeBayar: 'BYR-77' });
    expect(engine.publish('pembayaran-diterima', 'BYR-78')).to.equal(false);
    expect(active(engine, id)).to.deep.equal(['wait']);
  });

  it('given an interrupting timer boundary on the receive task, when it fires, then the message subscription is closed', async () => {
    const engine = await given(receive(`${boundary('late', 'wait', timer('duration', 'P1D'))}<bpmn:endEvent id="e2"/>`, flow('f4', 'late', 'e2')));
    const id = engine.start('p', { kodeBayar: 'BYR-77' });
    const msgKey = subKey(engine, id, 'wait');
    const r = engine.send(id, { type: 'timer.fire', key: subKey(engine, id, 'late') });
    expect(effectsOf(r, 'message.unsubscribe')).to.deep.equal([{ type: 'message.unsubscribe', key: msgKey }]);
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given the correlation key variable is missing, when reached, then an expression incident is raised', async () => {
    const engine = await given(receive());
    const id = engine.start('p');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'wait', type: 'expression' });
  });

  it('given an incident on the correlation key, when resolved with the key, then it subscribes and waits', async () => {
    const engine = await given(receive());
    const id = engine.start('p');
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { kodeBayar: 'BYR-1' } });
    expect(engine.publish('pembayaran-diterima', 'BYR-1')).to.equal(true);
    expect(active(engine, id)).to.deep.equal(['after']);
  });
});
