/**
 * Queue mode (PostgreSQL + Redis): a timer whose date is one `add working days` call is re-planned
 * when the tenant's calendar changes — the row moves through the one write path with a
 * `deadline.replanned` history entry, a delayed BullMQ job is queued for the new due time, and the
 * job queued for the old one finds the row changed and fires nothing. The engine's clock is set
 * to Monday 7 December 2026 10:00 WIB (BullMQ delays are measured from it).
 */
import { expect } from 'chai';
import { describeQueue, openQueueHarness, waitFor, type QueueHarness } from './support.js';
import { findInstance } from '../../engine/store/instances.js';
import { historyOf } from '../../engine/store/history.js';
import { addHoliday, removeHoliday } from '../../engine/service/calendars.js';
import type { Actor } from '../../engine/service/actor.js';

const WEEKLY = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_tunggu" targetNamespace="http://alur.example/queue">
  <bpmn:process id="tunggu-hari-kerja" isExecutable="true"><bpmn:startEvent id="S"/>
    <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">=add working days(now(), 1)</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Wait"/><bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`);

describeQueue('queue: working-day timers re-planned when the calendar changes', function () {
  this.timeout(60_000);
  let h: QueueHarness | undefined;
  afterEach(async () => { await h?.close(); h = undefined; });

  it('given a timer one working day ahead behind a regional holiday, when the holiday is removed, then it fires at the earlier time, once, and the history says why', async () => {
    h = await openQueueHarness({ horizonMs: 7 * 24 * 3600_000 });
    const { clock, knex } = h.engine.deps;
    const admin: Actor = { ...h.analyst, roles: ['admin', 'analyst', 'staff'] };
    clock.setOffset(Date.parse('2026-12-07T03:00:00Z') - Date.now());
    await h.runner.start();
    await addHoliday(knex, h.engine.deps, admin, { date: '2026-12-08', name: 'Pilkada serentak', kind: 'regional' });
    await h.engine.deploy(h.analyst, [{ name: 'tunggu.bpmn', content: WEEKLY }]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'tunggu-hari-kerja' });
    const timerDue = async () => (await knex('timer').where({ instance_id: started.instanceId }).first())?.due_at as Date | undefined;
    // The clock runs (BullMQ delays are real): due times are compared to the second.
    const near = (d: Date | string | undefined, iso: string) => expect(Math.abs(new Date(d!).getTime() - Date.parse(iso)), `${String(d)} ≈ ${iso}`).to.be.below(30_000);
    const first = (await timerDue())!;
    near(first, '2026-12-09T03:00:00Z'); // Wednesday 10:00 WIB
    await h.runner.drain();
    const timers = h.runner.queues.timers();
    expect((await timers.getJobCounts('delayed')).delayed).to.equal(1);

    // Tuesday 09:59:57 WIB: the election is called off, Tuesday is a working day again.
    clock.setOffset(Date.parse('2026-12-08T02:59:57Z') - Date.now());
    await removeHoliday(knex, h.engine.deps, admin, '2026-12-08');
    const moved = (await timerDue())!;
    near(moved, '2026-12-08T03:00:00Z'); // Tuesday 10:00 WIB, the same time of day
    await h.runner.drain();
    expect((await timers.getJobCounts('delayed')).delayed).to.be.at.least(2); // the new due time beside the old job
    await waitFor(async () => (await findInstance(knex, h!.tenant, started.instanceId))?.state === 'completed', 15_000, 'the re-planned timer to fire');
    const history = await historyOf(knex, started.instanceId);
    expect(history.filter((r) => r.type === 'deadline.replanned').map((r) => [r.element_id, r.data])).to.deep.equal([
      ['Wait', { deadline: 'timer', from: first.toISOString(), to: moved.toISOString() }],
    ]);
    expect(history.filter((r) => r.element_id === 'Wait' && r.type === 'element.completed')).to.have.length(1);
  });
});
