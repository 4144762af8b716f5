/**
 * Edge cases of commands tried as one statement (engine/store/unit-of-work.ts) and of that one
 * step they rely on: what a step's statement leaves behind, and what a remembered definition
 * head may not decide alone.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from './harness.js';
import { findInstance } from '../../engine/store/instances.js';
import { claimDueJobs, type JobRow } from '../../engine/store/jobs.js';
import { Engine } from '../../engine/service/engine.js';
import { ModelCache } from '../../engine/service/models.js';
import { InvalidInput } from '../../engine/service/errors.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const ONE_JOB = bpmn('one-job', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Work"><bpmn:extensionElements><zeebe:taskDefinition type="work" retries="3" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Work')}${flow('F1', 'Work', 'E')}`);

/** Version 1 starts by message only; version 2 adds a none start event. */
const BY_MESSAGE = bpmn('intake', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'E')}
  </bpmn:process><bpmn:message id="M" name="intake-received" /><bpmn:process id="unused-m1" isExecutable="false">`);
const BY_HAND = bpmn('intake', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'E')}`);

forEachBackend('service: optimistic commands', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });
  beforeEach(() => h.clock.pin(T0));

  it('given a retried job, when a late completion of its first attempt ends the instance, then the retry attempt is cancelled with the instance', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [ONE_JOB]);
    const { instanceId } = await h.engine.startInstance(ana, { processKey: 'one-job' });
    // Two workers run attempt 1 (the first one's lease ran out): one fails it, the other completes it.
    const [{ job: first }] = await claimDueJobs(h.db.knex, ['work'], T0, 60_000, 10);
    await h.engine.finishJob(first, { type: 'job.fail', key: first.key, attempt: 1, message: 'timeout', retries: 2, backoffMs: 1000 });
    const retry = await h.db.knex('job').where({ instance_id: instanceId, key: first.key }).whereNot({ id: first.id }).first();
    expect(retry).to.include({ state: 'ready' });
    await h.engine.finishJob(first, { type: 'job.complete', key: first.key, variables: {} });
    expect((await findInstance(h.db.knex, tenant, instanceId))?.state).to.equal('completed');
    const rows: JobRow[] = await h.db.knex('job').where({ instance_id: instanceId }).orderBy('created_at').orderBy('effect_id');
    // Nothing of an ended instance may stay waiting: a ready attempt would run its handler again.
    expect(rows.map((r) => `${r.effect_id.slice(instanceId.length + 1)}:${r.state}`)).to.deep.equal([`${first.key}-1:failed`, `${first.key}-2:cancelled`]);
  });

  it('given a remembered version that has no none start event, when a newer version with one is deployed elsewhere, then a start here uses the newer version', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [BY_MESSAGE]);
    const refused = await h.engine.startInstance(ana, { processKey: 'intake' }).then(() => undefined, (err: unknown) => err);
    expect(refused).to.be.instanceOf(InvalidInput);
    // Another API process on the same database: its deployment does not reach this engine's memory.
    const other = new Engine({ ...h.engine.deps, models: new ModelCache() });
    expect((await other.deploy(ana, [BY_HAND])).processes.map((p) => p.version)).to.deep.equal([2]);
    const started = await h.engine.startInstance(ana, { processKey: 'intake' });
    expect(started.row).to.include({ process_version: 2, state: 'completed' });
  });
});
