/**
 * Queue mode behind the HTTP API: /health shows the queue and Redis, /metrics the queue depth,
 * an incident is listed and retried over HTTP, and moving the controlled clock fires a one-day
 * timer through BullMQ. Logs of a failing job carry no personal data. Needs DATABASE_URL and REDIS_URL.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import request from 'supertest';
import { describeQueue, openQueueHarness, waitFor, type QueueHarness } from './support.js';
import { singleTaskProcess, timerProcess } from './processes.js';
import { createApp } from '../../engine/api/app.js';
import { LoginRateLimiter } from '../../engine/auth/rate-limit.js';
import { bootstrapAdmin } from '../../engine/service/identity.js';
import { createLogger } from '../../engine/observability/logger.js';
import { findInstance } from '../../engine/store/instances.js';
import { makeUser, tokenFor, bearer, uname, PASSWORD, type Api } from '../api/harness.js';

const METRICS_TOKEN = 'metrics-rahasia-untuk-prometheus';
const NIK = '3374010101900001';

describeQueue('queue mode behind the API [postgres + redis]', function (this: Mocha.Suite) {
  this.timeout(60_000);
  let h: QueueHarness;
  let http: ReturnType<typeof request>;
  let analyst: string;
  let admin: string;
  const lines: string[] = [];
  let broken = true;

  before(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    h = await openQueueHarness({}, createLogger({ level: 'debug', destination: sink }));
    h.registry.register('cek-nik', async (job) => {
      if (broken) throw new Error(`dukcapil refused NIK check for instance ${job.instanceId}`);
      return { variables: { nikValid: true } };
    });
    await h.runner.start();
    const app = createApp({
      engine: h.engine, databaseDescription: h.db.describe, queue: 'bullmq', queueState: () => h.runner.state(),
      metrics: { registry: h.metrics.registry, token: METRICS_TOKEN }, limiter: new LoginRateLimiter(), tokenTtlMs: 3600_000,
      maxUploadBytes: 1024 * 1024, clockControlled: true, runner: h.runner, logError: (err) => console.error(err),
    });
    http = request(app);
    const api = { db: h.db } as unknown as Api;
    await bootstrapAdmin(h.db.knex, PASSWORD, new Date());
    analyst = await makeUser(api, h.tenant, uname('ana'), ['analyst']);
    admin = await tokenFor(h.db, 'admin');
  });
  after(async () => { await h.close(); });

  it('given queue mode, when /health and /metrics are read, then they show bullmq, Redis and the queue depth per type', async () => {
    const health = await http.get('/health');
    expect(health.status).to.equal(200);
    expect(health.body).to.include({ status: 'ok', queue: 'bullmq' });
    expect(health.body.queueState.redis).to.equal('ok');
    expect(health.body.queueState.jobs['cek-nik']).to.deep.equal({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    const metrics = await http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(metrics.status).to.equal(200);
    expect(metrics.text).to.contain('alur_queue_jobs{type="cek-nik",state="waiting"} 0');
  });

  it('given a job out of retries, when GET /api/incidents and POST retry are called, then the incident is listed and the retry completes the instance', async () => {
    await h.engine.deploy(h.analyst, [singleTaskProcess('cek', 'cek-nik', 2)]);
    const started = await http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'cek', variables: { nik: NIK, nama: 'Siti Rahayu' } });
    expect(started.status).to.equal(201);
    const incident = await waitFor(async () => (await http.get(`/api/incidents?processInstanceId=${started.body.id}`).set(bearer(analyst))).body.items?.[0], 15_000, 'the incident');
    expect(incident).to.include({ processInstanceId: started.body.id, elementId: 'T', type: 'job' });
    broken = false;
    const retry = await http.post(`/api/incidents/${incident.id}/retry`).set(bearer(analyst));
    expect(retry.status).to.equal(200);
    await waitFor(async () => (await findInstance(h.db.knex, h.tenant, started.body.id))?.state === 'completed', 10_000, 'completion');
    expect((await http.get(`/api/incidents?processInstanceId=${started.body.id}`).set(bearer(analyst))).body.total).to.equal(0);
    const log = lines.join('');
    expect(log).to.contain('job failed');
    expect(log).to.not.contain(NIK).and.not.contain('Siti');
  });

  it('given a one-day timer, when the controlled clock moves a day ahead, then the timer fires through the queue', async () => {
    await h.engine.deploy(h.analyst, [timerProcess('sehari', 'P1D')]);
    const started = await h.engine.startInstance(h.analyst, { processKey: 'sehari' });
    const moved = await http.post('/api/clock').set(bearer(admin)).send({ offset: 'P1DT1M' });
    expect(moved.status).to.equal(200);
    await waitFor(async () => (await findInstance(h.db.knex, h.tenant, started.instanceId))?.state === 'completed', 10_000, 'the timer');
    expect((await http.delete('/api/clock').set(bearer(admin))).status).to.equal(204);
  });
});
