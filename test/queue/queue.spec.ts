/**
 * Queue mode against real PostgreSQL and Redis: idempotent dispatch with ids only, delayed
 * timers, retry → incident → retry, Redis losing everything mid-run, a job delivered twice,
 * graceful stop, per-type limits. Runs only when DATABASE_URL and REDIS_URL are set.
 */
import { expect } from 'chai';
import { describeQueue, openQueueHarness, waitFor, type QueueHarness } from './support.js';
import { chainProcess, singleTaskProcess, timerProcess } from './processes.js';
import { findInstance } from '../../engine/store/instances.js';
import { historyOf } from '../../engine/store/history.js';
import { listIncidents } from '../../engine/store/incidents.js';
import { outboxCounts } from '../../engine/store/queue-feed.js';
import { jobQueueName, TIMER_QUEUE } from '../../engine/runner/queue/names.js';

const NIK = '3374010101900001';

async function completed(h: QueueHarness, id: string): Promise<boolean> {
  return (await findInstance(h.db.knex, h.tenant, id))?.state === 'completed';
}

describeQueue('queue mode [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(60_000);
  let h: QueueHarness;
  afterEach(async () => { await h?.close(); });

  it('given a service task, when its outbox row is dispatched twice and reconciled, then BullMQ holds one job whose id is the effect id and whose data is ids only', async () => {
    h = await openQueueHarness({ workers: false });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('kirim', 'kirim-surat')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'kirim', variables: { nik: NIK, nama: 'Siti Rahayu' } });
    await h.runner.drain();
    await h.runner.drain();
    await h.runner.reconciler.reconcile(true);
    const row = await h.db.knex('job').where({ instance_id: started.instanceId }).first();
    const queue = h.runner.queues.jobs('kirim-surat');
    const counts = await queue.getJobCounts('waiting', 'delayed', 'active');
    expect(counts.waiting + counts.delayed + counts.active).to.equal(1);
    const job = await queue.getJob(row.effect_id);
    expect(job?.id).to.equal(row.effect_id);
    expect(job!.id).to.not.contain(':');
    expect(job!.data).to.deep.equal({ jobRowId: row.id });
    expect(JSON.stringify(job!.data)).to.not.contain(NIK).and.not.contain('Siti');
  });

  it('given a chain of service tasks, when workers run them, then the instance completes, handlers see mapped variables at run time, and metrics count the inputs', async () => {
    h = await openQueueHarness();
    const seen: unknown[] = [];
    h.registry.register('langkah', async (job) => {
      seen.push(job.variables.count);
      return { variables: { count: Number(job.variables.count ?? 0) + 1 } };
    });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [chainProcess('rantai', 3, 'langkah')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'rantai', variables: { count: 0 } });
    await waitFor(() => completed(h, started.instanceId), 15_000, 'the chain to complete');
    expect(seen).to.deep.equal([0, 1, 2]);
    const text = await h.metrics.registry.metrics();
    expect(text).to.match(/alur_inputs_total \d+/);
    expect(text).to.contain('alur_jobs_run_total{type="langkah",outcome="job.complete"} 3');
    expect(text).to.contain('alur_queue_jobs{type="langkah",state="waiting"} 0');
    expect(text).to.contain('alur_transaction_seconds_bucket');
    const counts = await outboxCounts(h.db.knex);
    expect(counts.timers).to.equal(0);
    expect(Object.keys(counts.jobs).filter((s) => s === 'ready' || s === 'running')).to.deep.equal([]);
  });

  it('given a 2-second timer, when dispatched, then it waits as a delayed BullMQ job and fires once when due', async () => {
    h = await openQueueHarness();
    await h.runner.start();
    await h.engine.deploy(h.analyst, [timerProcess('tunggu', 'PT2S')]);
    const begin = Date.now();
    const started = await h.engine.startInstance(h.analyst, { processKey: 'tunggu' });
    await h.runner.drain();
    const timers = h.runner.queues.timers();
    expect(timers.name).to.equal(TIMER_QUEUE);
    expect((await timers.getJobCounts('delayed')).delayed).to.equal(1);
    expect(await completed(h, started.instanceId)).to.equal(false);
    await waitFor(() => completed(h, started.instanceId), 10_000, 'the timer to fire');
    expect(Date.now() - begin).to.be.greaterThan(1900);
    const fired = (await historyOf(h.db.knex, started.instanceId)).filter((r) => r.element_id === 'Wait' && r.type === 'element.completed');
    expect(fired).to.have.length(1);
    expect((await outboxCounts(h.db.knex)).timers).to.equal(0);
  });

  it('given a handler that keeps failing, when retries run out, then an incident opens; when it is retried after the fix, the instance completes', async () => {
    h = await openQueueHarness();
    let broken = true;
    let calls = 0;
    h.registry.register('cek-nik', async () => {
      calls++;
      if (broken) throw new Error('dukcapil unavailable');
      return { variables: { valid: true } };
    });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('cek', 'cek-nik', 3)]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'cek', variables: { nik: NIK } });
    const page = { limit: 50, offset: 0 };
    const open = await waitFor(async () => (await listIncidents(h.db.knex, h.tenant, { state: 'open' }, page)).items[0], 15_000, 'an incident');
    expect(calls).to.equal(3);
    expect(open).to.include({ instance_id: started.instanceId, element_id: 'T', type: 'job' });
    expect(open.message).to.contain('dukcapil unavailable');
    const failures = (await historyOf(h.db.knex, started.instanceId)).filter((r) => r.type === 'job.failed');
    expect(failures).to.have.length(3);
    broken = false;
    await h.engine.retryIncident(h.analyst, open.id);
    await waitFor(() => completed(h, started.instanceId), 10_000, 'the retried job');
    expect(calls).to.equal(4);
    expect((await listIncidents(h.db.knex, h.tenant, { state: 'open' }, page)).total).to.equal(0);
    expect((await findInstance(h.db.knex, h.tenant, started.instanceId))!.snapshot.final).to.include({ valid: true });
  });

  it('given work in flight, when Redis loses every key of the run, then the reconciler re-enqueues from PostgreSQL and everything completes', async () => {
    h = await openQueueHarness();
    let runs = 0;
    h.registry.register('lambat', async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
      return {};
    });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [chainProcess('panjang', 4, 'lambat'), timerProcess('jeda', 'PT2S')]);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'panjang' })).instanceId);
    for (let i = 0; i < 5; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'jeda' })).instanceId);
    await waitFor(async () => runs >= 15, 10_000, 'some progress');
    const deleted = await h.flushPrefix();
    expect(deleted).to.be.greaterThan(0);
    await waitFor(async () => (await Promise.all(ids.map((id) => completed(h, id)))).every(Boolean), 30_000, 'every instance to complete');
    const counts = await outboxCounts(h.db.knex);
    expect(counts.timers).to.equal(0);
    expect(counts.jobs.ready ?? 0).to.equal(0);
    expect(counts.jobs.running ?? 0).to.equal(0);
    for (const id of ids.slice(0, 20)) {
      const done = (await historyOf(h.db.knex, id)).filter((r) => r.type === 'job.completed');
      expect(done.map((r) => r.element_id)).to.deep.equal(['T1', 'T2', 'T3', 'T4']);
    }
  });

  it('given a completed job, when the queue delivers it again, then the handler does not run and nothing changes', async () => {
    h = await openQueueHarness();
    let calls = 0;
    h.registry.register('sekali', async () => { calls++; return { variables: { n: calls } }; });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('satu', 'sekali')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'satu' });
    await waitFor(() => completed(h, started.instanceId), 10_000, 'completion');
    const row = await h.db.knex('job').where({ instance_id: started.instanceId }).first();
    const queue = h.runner.queues.jobs('sekali');
    const again = await queue.add('job', { jobRowId: row.id }, { jobId: `${row.effect_id}-redelivered` });
    await waitFor(async () => (await again.getState()) === 'completed', 10_000, 'the second delivery');
    expect(await queue.getJob(again.id!).then((j) => j?.returnvalue)).to.equal('skipped');
    expect(calls).to.equal(1);
    const history = await historyOf(h.db.knex, started.instanceId);
    expect(history.filter((r) => r.type === 'job.completed')).to.have.length(1);
  });

  it('given a job in flight, when the runner stops, then the job finishes and its input commits before Redis closes', async () => {
    h = await openQueueHarness();
    let entered = false;
    h.registry.register('pelan', async () => {
      entered = true;
      await new Promise((r) => setTimeout(r, 500));
      return { variables: { done: true } };
    });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('pelan', 'pelan')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'pelan' });
    await waitFor(async () => entered, 10_000, 'the handler to start');
    await h.runner.stop();
    expect(await completed(h, started.instanceId)).to.equal(true);
  });

  it('given a rate limit of 2 jobs per second for a type, when 6 jobs are queued, then they take at least 2 seconds', async () => {
    h = await openQueueHarness({ limits: (type) => (type === 'nik-check' ? { concurrency: 2, max: 2, durationMs: 1000 } : { concurrency: 4 }) });
    const times: number[] = [];
    h.registry.register('nik-check', async () => { times.push(Date.now()); return {}; });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [singleTaskProcess('nik', 'nik-check')]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'nik' })).instanceId);
    await waitFor(async () => (await Promise.all(ids.map((id) => completed(h, id)))).every(Boolean), 20_000, 'all six');
    expect(times).to.have.length(6);
    expect(Math.max(...times) - Math.min(...times)).to.be.greaterThan(1800);
    expect(jobQueueName('nik-check')).to.equal('alur-job-nik-check');
  });

  it('given a rate limit for a type, when a case has a chain of jobs of that type, then no worker runs them eagerly: each goes through the limited queue', async () => {
    h = await openQueueHarness({ limits: (type) => (type === 'nik-check' ? { concurrency: 2, max: 2, durationMs: 1000 } : { concurrency: 4 }) });
    const times: number[] = [];
    h.registry.register('nik-check', async () => { times.push(Date.now()); return {}; });
    await h.runner.start();
    await h.engine.deploy(h.analyst, [chainProcess('nik-rantai', 3, 'nik-check')]);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await h.engine.startInstance(h.analyst, { processKey: 'nik-rantai' })).instanceId);
    await waitFor(async () => (await Promise.all(ids.map((id) => completed(h, id)))).every(Boolean), 20_000, 'both chains');
    expect(times).to.have.length(6);
    expect(Math.max(...times) - Math.min(...times)).to.be.greaterThan(1800);
    const rows = await h.db.knex('job').whereIn('instance_id', ids).select('payload');
    expect(rows.filter((r: { payload: { chain?: string } }) => r.payload.chain)).to.deep.equal([]);
  });
});
