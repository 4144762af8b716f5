/** History: what happened, in order, precise enough for the audit trail the API shows. */
import { expect } from 'chai';
import { given, bpmn, flow, userTask, timer, boundary, elementKey, subKey } from './support.js';

const withTimeout = bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}${boundary('late', 't', timer('duration', 'PT1H'))}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
  ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'late', 'e2')}`);

describe('history', () => {
  it('given a task completion, when stepped, then the history is task.completed, variables, completion, flow, next element, in that order', async () => {
    const engine = await given(withTimeout);
    const id = engine.start('p');
    const t = elementKey(engine, id, 't');
    const r = engine.send(id, { type: 'task.complete', key: t, variables: { ok: true }, user: 'ani' });
    expect(r.history).to.deep.equal([
      { type: 'task.completed', elementId: 't', key: t, user: 'ani', data: { variables: { ok: true }, changes: [{ name: 'ok', new: true }] } },
      { type: 'variables.updated', key: 1, data: { names: ['ok'] } },
      { type: 'element.completed', elementId: 't', key: t },
      { type: 'flow.taken', elementId: 'f2' },
      { type: 'element.activated', elementId: 'e', key: t + 2 },
      { type: 'element.completed', elementId: 'e', key: t + 2 },
      { type: 'element.completed', elementId: 'p', key: 1 },
      { type: 'instance.completed' },
    ]);
  });

  it('given an interrupting boundary timer, when it fires, then the history shows the timer, the boundary activation, the task terminated, then the boundary path', async () => {
    const engine = await given(withTimeout);
    const id = engine.start('p');
    const t = elementKey(engine, id, 't');
    const sub = subKey(engine, id, 'late');
    const r = engine.send(id, { type: 'timer.fire', key: sub });
    expect(r.history.map((h) => [h.type, h.elementId ?? ''])).to.deep.equal([
      ['timer.fired', 'late'],
      ['element.terminated', 't'],
      ['element.activated', 'late'],
      ['element.completed', 'late'],
      ['flow.taken', 'f3'],
      ['element.activated', 'e2'],
      ['element.completed', 'e2'],
      ['element.completed', 'p'],
      ['instance.completed', ''],
    ]);
    expect(r.history[1].key).to.equal(t);
  });

  it('given an interrupting boundary timer, when it fires, then the effects close the task as cancelled before the instance ends', async () => {
    const engine = await given(withTimeout);
    const id = engine.start('p');
    const t = elementKey(engine, id, 't');
    const r = engine.send(id, { type: 'timer.fire', key: subKey(engine, id, 'late') });
    expect(r.effects).to.deep.equal([
      { type: 'task.close', key: t, reason: 'cancelled' },
      { type: 'instance.ended', state: 'completed', variables: {}, errorCode: undefined, parent: undefined },
    ]);
  });

  it('given the start step, then the effects are exactly the task and its boundary timer', async () => {
    const engine = await given(withTimeout);
    const { step } = await import('../../engine/core/step.js');
    const r = step(engine.models.get('p')!, null, { type: 'instance.start', instanceId: 'h', processId: 'p' }, '2026-05-01T00:00:00.000Z');
    expect(r.effects).to.deep.equal([
      { type: 'timer.schedule', key: 4, elementId: 'late', dueAt: '2026-05-01T01:00:00.000Z' },
      { type: 'task.open', key: 3, task: { elementId: 't', name: undefined, candidateGroups: [], candidateUsers: [], priority: 50 } },
    ]);
  });
});
