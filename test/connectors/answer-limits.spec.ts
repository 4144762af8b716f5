/**
 * Issue 16: what a connector answers becomes process variables, so its shape is bounded like a
 * request body's. A JSON answer nested deeper than a request body may (32 levels, engine/core/nesting.ts), or larger than
 * the connector reads, fails the job at once (no retry: the same server answers the same) into an
 * incident naming the limit — never a 500, a crashed runner or a snapshot no one can read. Runs
 * through the embedded runner on every backend; other cases of the tenant go on.
 */
import { expect } from 'chai';
import { openHarness, newTenant, actor, type Harness } from '../service/harness.js';
import { forEachBackend } from '../store/backends.js';
import { registerConnectors } from '../../engine/runner/connectors/index.js';
import { singleTaskProcess } from '../queue/processes.js';
import { findInstance } from '../../engine/store/instances.js';
import { openIncidentsOf } from '../../engine/store/incidents.js';
import { startServer, type TestServer } from './support.js';

/** JSON text of a list nested `levels` deep, written as text (JSON.stringify itself overflows on deep values). */
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

forEachBackend('connectors: limits on what an answer may bring', (backend) => {
  let h: Harness;
  let server: TestServer;
  let answer = '{}';
  before(async () => {
    h = await openHarness(backend);
    registerConnectors(h.registry, { now: () => h.clock.now(), httpAllowPrivate: ['127.0.0.1'] });
    server = await startServer(() => ({ status: 200, body: answer, contentType: 'application/json' }));
  });
  after(async () => {
    await server.close();
    await h.close();
  });

  async function run(processKey: string, body: string) {
    answer = body;
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [singleTaskProcess(processKey, 'http', 3, { url: `${server.url}/data`, resultVariable: 'jawaban' })]);
    const started = await h.engine.startInstance(ana, { processKey });
    await h.runner.drain();
    const instance = await findInstance(h.db.knex, tenant, started.instanceId);
    return { instance, incidents: await openIncidentsOf(h.db.knex, started.instanceId) };
  }

  it('given an answer nested 5,000 deep (10 KB), when the job runs, then it is an incident at the task naming the depth limit, at the first attempt', async () => {
    const { instance, incidents } = await run('jawab-dalam', nested(5000));
    expect(instance?.state).to.equal('active');
    expect(instance?.snapshot.els['1'].v).to.not.have.property('jawaban');
    expect(incidents.map((i) => [i.element_id, i.type])).to.deep.equal([['T', 'job']]);
    expect(incidents[0].message).to.equal('the answer of job http nests objects and lists more than 32 levels deep; a variable may nest at most 32');
    expect(incidents[0].params, 'its text in both languages').to.deep.equal({ text: 'answer-too-deep', type: 'http', max: 32 });
  });

  it('given an answer larger than the connector reads, when the job runs, then it is an incident naming the size limit, at the first attempt', async () => {
    const { incidents } = await run('jawab-besar', JSON.stringify({ isi: 'x'.repeat(1024 * 1024 + 10) }));
    expect(incidents.map((i) => i.type)).to.deep.equal(['job']);
    expect(incidents[0].message).to.contain('larger than 1048576 bytes');
  });

  it('given an answer exactly 30 levels deep inside its { status, body }, when the job runs, then it lands as before', async () => {
    const { instance, incidents } = await run('jawab-datar', nested(29));
    expect(incidents).to.deep.equal([]);
    expect(instance?.state).to.equal('completed');
  });
});
