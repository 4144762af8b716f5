/**
 * The embedded runner uses the same connector registry as queue workers: a deployed process with
 * an http service task runs against a local server on PGlite, and a failing call becomes a job
 * failure with retries and then an incident.
 */
import { expect } from 'chai';
import { openHarness, newTenant, actor, type Harness } from '../service/harness.js';
import { backends } from '../store/backends.js';
import { registerConnectors, BUILT_IN_TYPES } from '../../engine/runner/connectors/index.js';
import { singleTaskProcess } from '../queue/processes.js';
import { findInstance } from '../../engine/store/instances.js';
import { historyOf } from '../../engine/store/history.js';
import { startServer, type TestServer } from './support.js';

describe('connectors: shared with the embedded runner [pglite]', () => {
  let h: Harness;
  let server: TestServer;
  let status = 200;
  before(async function (this: Mocha.Context) {
    this.timeout(120_000);
    h = await openHarness(backends()[0]);
    registerConnectors(h.registry, { now: () => h.clock.now(), httpAllowPrivate: ['127.0.0.1'] });
    server = await startServer(() => ({ status, body: { nomor: 'SK-7' } }));
  });
  after(async () => {
    await server.close();
    await h.close();
  });

  it('registers http and email', () => {
    expect(h.registry.types()).to.include.members([...BUILT_IN_TYPES]);
  });

  it('given an http service task, when the embedded runner drains, then the answer lands in the instance variables', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [singleTaskProcess('terbit', 'http', 3, { url: '=api + "/sk"', method: 'POST', body: '={ izin: izin }', resultVariable: 'sk' })]);
    const started = await h.engine.startInstance(ana, { processKey: 'terbit', variables: { api: server.url, izin: 'IMB-1' } });
    await h.runner.drain();
    const inst = await findInstance(h.db.knex, tenant, started.instanceId);
    expect(inst?.state).to.equal('completed');
    expect(inst?.snapshot.final).to.deep.include({ sk: { status: 200, body: { nomor: 'SK-7' } } });
    expect(JSON.parse(server.requests.at(-1)!.body)).to.deep.equal({ izin: 'IMB-1' });
  });

  it('given a server answering 500, when the attempts are used up, then the job failures and an incident are in the history', async () => {
    status = 500;
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [singleTaskProcess('gagal', 'http', 2, { url: `${server.url}/sk` })]);
    const started = await h.engine.startInstance(ana, { processKey: 'gagal' });
    for (let i = 0; i < 3; i++) {
      await h.runner.drain();
      h.clock.pin(new Date(h.clock.now().getTime() + 60_000));
    }
    const history = await historyOf(h.db.knex, started.instanceId);
    expect(history.filter((r) => r.type === 'job.failed')).to.have.length(2);
    expect(history.map((r) => r.type)).to.include('incident.raised');
    status = 200;
  });
});
