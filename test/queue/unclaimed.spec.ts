/**
 * Queue mode: a case waiting at a service task whose type no worker handles becomes an incident
 * once the job waited `unclaimedJobMs` past its due time (runner/unclaimed.ts), and a worker that
 * receives the queued job afterwards finds it finished and leaves it. Runs only when DATABASE_URL
 * and REDIS_URL are set.
 */
import { expect } from 'chai';
import { describeQueue, openQueueHarness, waitFor, type QueueHarness } from './support.js';
import { singleTaskProcess } from './processes.js';
import { findInstance } from '../../engine/store/instances.js';
import { listIncidents } from '../../engine/store/incidents.js';

describeQueue('queue mode: jobs nobody takes [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(60_000);
  let h: QueueHarness;
  afterEach(async () => { await h?.close(); });

  it('given a job type with no worker, when it waited past the limit, then the case has a job incident naming the type, raised once', async () => {
    h = await openQueueHarness({ unclaimedJobMs: 60_000 });
    h.registry.register('other-type', async () => ({}));
    h.engine.deps.clock.pin(new Date('2026-12-01T08:00:00Z'));
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('ttd', 'tte-sign')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'ttd' });
    await h.runner.drain();
    expect((await listIncidents(h.db.knex, h.tenant, { processInstanceId: started.instanceId, state: 'open' }, { limit: 10, offset: 0 })).total).to.equal(0);
    h.engine.deps.clock.pin(new Date('2026-12-01T08:01:01Z'));
    const open = await waitFor(async () => {
      const page = await listIncidents(h.db.knex, h.tenant, { processInstanceId: started.instanceId, state: 'open' }, { limit: 10, offset: 0 });
      return page.total ? page.items : undefined;
    }, 15_000, 'the unclaimed job to become an incident');
    expect(open).to.have.length(1);
    expect(open![0]).to.include({ type: 'job', message: 'no worker took job type "tte-sign" within 1 minute: is a handler registered for it?' });
    const job = await h.db.knex('job').where({ instance_id: started.instanceId }).first();
    expect(job.state).to.equal('failed');
    // Further passes leave it: one incident, the case still at the task.
    await new Promise((r) => setTimeout(r, 400));
    const raised = await h.db.knex('history').where({ instance_id: started.instanceId, type: 'incident.raised' }).count('* as n');
    expect(Number(raised[0].n)).to.equal(1);
    expect((await findInstance(h.db.knex, h.tenant, started.instanceId))!.state).to.equal('active');
  });
});
