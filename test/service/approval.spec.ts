import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, fixture, type Harness } from './harness.js';
import { listTasks } from '../../engine/store/tasks.js';
import { historyOf } from '../../engine/store/history.js';
import { findInstance } from '../../engine/store/instances.js';
import { Conflict, InvalidInput } from '../../engine/service/errors.js';

forEachBackend('service: two-step approval', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });

  const files = () => [fixture('processes/examples/two-step-approval.bpmn'), fixture('processes/examples/two-step-approval.form')];

  it('deploys once; an unchanged file creates no new version', async () => {
    const tenant = await newTenant(h);
    const analyst = actor(tenant, 'ana', ['analyst']);
    const first = await h.engine.deploy(analyst, files());
    expect(first.created).to.equal(true);
    expect(first.processes).to.have.length(1);
    expect(first.processes[0]).to.include({ key: 'two-step-approval', version: 1 });
    expect(first.forms[0]).to.include({ formId: 'review-request', version: 1 });
    const again = await h.engine.deploy(analyst, files());
    expect(again.created).to.equal(false);
    expect(again.id).to.equal(first.id);
    expect(again.processes[0].id).to.equal(first.processes[0].id);
  });

  it('runs start → review (form checked) → sign → end, with history', async () => {
    const tenant = await newTenant(h);
    await h.engine.deploy(actor(tenant, 'ana', ['analyst']), files());
    const siti = actor(tenant, 'siti', ['staff'], ['verifikator']);
    const budi = actor(tenant, 'budi', ['staff'], ['kepala-dinas']);
    const started = await h.engine.startInstance(siti, { processKey: 'two-step-approval', businessKey: 'SP-1' });
    const page = { limit: 50, offset: 0 };
    const candidate = await listTasks(h.db.knex, tenant, { filter: 'candidate', user: { username: 'siti', groups: siti.groups, seesAll: false } }, page);
    expect(candidate.total).to.equal(1);
    const review = candidate.items[0];
    expect(review).to.include({ element_id: 'Task_Review', form_id: 'review-request', instance_id: started.instanceId });
    expect(review.candidate_groups).to.deep.equal(['verifikator']);
    expect(review.due_at?.toISOString()).to.equal('2026-12-04T08:00:00.000Z');

    await h.engine.claim(siti, review.id);
    try {
      await h.engine.completeTask(siti, review.id, { letterNumber: 'bad', decision: 'approve' });
      expect.fail('accepted a bad letter number');
    } catch (err) {
      expect(err).to.be.instanceOf(InvalidInput);
      expect((err as InvalidInput).errors.map((e) => e.path)).to.deep.equal(['letterNumber']);
    }
    await h.engine.completeTask(siti, review.id, { letterNumber: '12/DPU/2026', decision: 'approve' });
    try {
      await h.engine.completeTask(siti, review.id, { letterNumber: '12/DPU/2026', decision: 'approve' });
      expect.fail('completed twice');
    } catch (err) {
      expect(err).to.be.instanceOf(Conflict);
    }
    const sign = await listTasks(h.db.knex, tenant, { filter: 'candidate', user: { username: 'budi', groups: budi.groups, seesAll: false } }, page);
    expect(sign.items.map((t) => t.element_id)).to.deep.equal(['Task_Sign']);
    await h.engine.completeTask(budi, sign.items[0].id, {});
    const inst = await findInstance(h.db.knex, tenant, started.instanceId);
    expect(inst?.state).to.equal('completed');
    expect(inst?.snapshot.final).to.include({ decision: 'approve', letterNumber: '12/DPU/2026' });
    const history = await historyOf(h.db.knex, started.instanceId);
    const types = history.map((r) => r.type);
    expect(types[0]).to.equal('instance.started');
    expect(types).to.include('task.completed');
    expect(types).to.include('input.ignored');
    expect(types[types.length - 1]).to.equal('instance.completed');
  });
});
