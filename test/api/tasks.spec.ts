import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { readFileSync } from 'node:fs';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, APPROVAL_FORM, type Api } from './harness.js';

forEachBackend('api: tasks', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  /** A tenant with the approval deployed, a verifier, a signer, an outsider and an analyst. */
  async function setup() {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const siti = uname('siti');
    const verifier = await makeUser(api, tenant, siti, ['staff'], ['verifikator']);
    const verifier2 = await makeUser(api, tenant, uname('rudi'), ['staff'], ['verifikator']);
    const signer = await makeUser(api, tenant, uname('budi'), ['staff'], ['kepala-dinas']);
    const outsider = await makeUser(api, tenant, uname('dewi'), ['staff'], ['keuangan']);
    await deployApproval(api, analyst);
    const start = await api.http.post('/api/process-instances').set(bearer(verifier)).send({ processKey: 'two-step-approval', businessKey: 'SP-7' });
    expect(start.status).to.equal(201);
    return { tenant, analyst, verifier, verifier2, signer, outsider, siti, instanceId: start.body.id as string };
  }

  it('walks the inbox: candidate, claim, rejected form, accepted form, next task, history', async () => {
    const s = await setup();
    // Given the review task, visible to verifiers as candidates
    const candidate = await api.http.get('/api/tasks?filter=candidate').set(bearer(s.verifier));
    expect(candidate.status).to.equal(200);
    expect(candidate.body.total).to.equal(1);
    const task = candidate.body.items[0];
    expect(task).to.include({ elementId: 'Task_Review', name: 'Verify the request', processInstanceId: s.instanceId, processKey: 'two-step-approval', businessKey: 'SP-7', assignee: null, formId: 'review-request', state: 'open', priority: 60 });
    expect(task.candidateGroups).to.deep.equal(['verifikator']);
    expect(task.candidateUsers).to.deep.equal([]);
    expect(task.dueDate).to.equal('2026-12-04T08:00:00.000Z');
    expect((await api.http.get('/api/tasks?filter=candidate').set(bearer(s.outsider))).body.total).to.equal(0);

    // The task with its form and variables
    const detail = await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.verifier));
    expect(detail.status).to.equal(200);
    expect(detail.body.form.id).to.equal('review-request');
    expect(detail.body.variables).to.deep.equal({});
    expect((await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.outsider))).status).to.equal(403);

    // Claim: an outsider is refused, the verifier gets it, a second verifier then conflicts
    expect((await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.outsider))).status).to.equal(403);
    const claimed = await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.verifier));
    expect(claimed.status).to.equal(200);
    expect(claimed.body.assignee).to.equal(s.siti);
    expect((await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.verifier2))).status).to.equal(409);
    const mine = await api.http.get('/api/tasks?filter=mine').set(bearer(s.verifier));
    expect(mine.body.items.map((t: { id: string }) => t.id)).to.deep.equal([task.id]);

    // Completing with a bad letter number and no decision → 400 listing both, nothing changes
    const bad = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: 'abc' } });
    expect(bad.status).to.equal(400);
    expect(bad.type).to.equal('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['decision', 'letterNumber']);
    expect((await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.verifier))).body.state).to.equal('open');

    // Another verifier may not complete a task assigned to siti
    expect((await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier2)).send({ variables: { letterNumber: '12/DPU/2026', decision: 'approve' } })).status).to.equal(403);

    const ok = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: '12/DPU/2026', decision: 'approve', note: 'lengkap' } });
    expect(ok.status).to.equal(200);
    expect(ok.body).to.include({ state: 'completed', completedBy: s.siti });
    expect((await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: '12/DPU/2026', decision: 'approve' } })).status).to.equal(409);

    // The next task appears for the signer; an unassigned candidate completes it directly
    const sign = await api.http.get('/api/tasks?filter=candidate').set(bearer(s.signer));
    expect(sign.body.items.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['Task_Sign']);
    expect(sign.body.items[0].priority).to.equal(70);
    const done = await api.http.post(`/api/tasks/${sign.body.items[0].id}/complete`).set(bearer(s.signer)).send({});
    expect(done.status).to.equal(200);

    const inst = await api.http.get(`/api/process-instances/${s.instanceId}`).set(bearer(s.verifier));
    expect(inst.body).to.include({ state: 'completed', businessKey: 'SP-7', processKey: 'two-step-approval', version: 1 });
    expect(inst.body.variables).to.deep.equal({ letterNumber: '12/DPU/2026', decision: 'approve', note: 'lengkap' });
    expect(inst.body.activeElements).to.deep.equal([]);
    expect(inst.body.endedAt).to.be.a('string');

    const history = await api.http.get(`/api/process-instances/${s.instanceId}/history`).set(bearer(s.verifier));
    expect(history.status).to.equal(200);
    const completed = history.body.items.filter((h: { type: string }) => h.type === 'task.completed');
    expect(completed.map((h: { user: string; elementId: string }) => [h.elementId, h.user])).to.deep.equal([['Task_Review', s.siti], ['Task_Sign', completed[1].user]]);
    expect(completed[0].data.variables).to.include({ decision: 'approve' });
    expect(history.body.items.some((h: { type: string }) => h.type === 'input.ignored')).to.equal(true);
    expect(history.body.items.at(-1).type).to.equal('instance.completed');
  });

  it('a task completed by parallel requests changes state once', async () => {
    const s = await setup();
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(s.verifier))).body.items[0];
    await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.verifier)).expect(200);
    const body = { variables: { letterNumber: '1/DPU/2026', decision: 'reject' } };
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send(body)));
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409, 409, 409, 409, 409]);
    const history = (await api.http.get(`/api/process-instances/${s.instanceId}/history`).set(bearer(s.analyst))).body.items;
    expect(history.filter((h: { type: string }) => h.type === 'task.completed')).to.have.length(1);
    expect(history.filter((h: { type: string }) => h.type === 'input.ignored')).to.have.length(5);
    expect((await api.http.get(`/api/process-instances/${s.instanceId}`).set(bearer(s.analyst))).body.state).to.equal('completed');
  });

  it('a completion racing a colleague who claims the task first changes nothing', async () => {
    const s = await setup();
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(s.verifier))).body.items[0];
    // The completion reads the task unassigned; the colleague's claim lands between that read and
    // the completion's write (the model lookup sits between the two).
    const models = api.engine.deps.models;
    const get = models.get.bind(models);
    let raced = false;
    models.get = async (db, id) => {
      if (!raced) {
        raced = true;
        await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.verifier2)).expect(200);
      }
      return get(db, id);
    };
    try {
      const answer = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: '1/DPU/2026', decision: 'approve' } });
      expect(answer.status).to.be.oneOf([403, 409]);
    } finally {
      models.get = get;
    }
    const read = await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.verifier2));
    expect(read.body).to.include({ state: 'open', completedBy: null });
    expect(read.body.assignee).to.match(/^rudi-/);
    const history = (await api.http.get(`/api/process-instances/${s.instanceId}/history`).set(bearer(s.analyst))).body.items;
    expect(history.filter((h: { type: string }) => h.type === 'task.completed')).to.have.length(0);
  });

  it('filters: mine, unassigned, all (staff vs analyst), state=completed, processInstanceId; unclaim and assign', async () => {
    const s = await setup();
    const task = (await api.http.get('/api/tasks?filter=unassigned').set(bearer(s.verifier))).body.items[0];
    expect(task.elementId).to.equal('Task_Review');
    expect((await api.http.get('/api/tasks?filter=all').set(bearer(s.outsider))).body.total).to.equal(0);
    expect((await api.http.get('/api/tasks?filter=all').set(bearer(s.analyst))).body.total).to.equal(1);
    expect((await api.http.get(`/api/tasks?processInstanceId=${s.instanceId}`).set(bearer(s.analyst))).body.total).to.equal(1);
    expect((await api.http.get('/api/tasks?processInstanceId=not-an-id').set(bearer(s.analyst))).body.total).to.equal(0);
    expect((await api.http.get('/api/tasks?filter=everything').set(bearer(s.analyst))).status).to.equal(400);
    expect((await api.http.get('/api/tasks?limit=501').set(bearer(s.analyst))).status).to.equal(400);

    await api.http.post(`/api/tasks/${task.id}/claim`).set(bearer(s.verifier)).expect(200);
    expect((await api.http.post(`/api/tasks/${task.id}/unclaim`).set(bearer(s.verifier2))).status).to.equal(403);
    const unclaimed = await api.http.post(`/api/tasks/${task.id}/unclaim`).set(bearer(s.verifier));
    expect(unclaimed.status).to.equal(200);
    expect(unclaimed.body.assignee).to.equal(null);

    // Staff may not assign a task they do not hold; an admin may, to a user of the tenant only
    expect((await api.http.post(`/api/tasks/${task.id}/assign`).set(bearer(s.verifier)).send({ assignee: s.siti })).status).to.equal(403);
    const admin = await makeUser(api, s.tenant, uname('adm'), ['admin']);
    expect((await api.http.post(`/api/tasks/${task.id}/assign`).set(bearer(admin)).send({ assignee: 'nobody-here' })).status).to.equal(400);
    expect((await api.http.post(`/api/tasks/${task.id}/assign`).set(bearer(admin)).send({})).status).to.equal(400);
    const assigned = await api.http.post(`/api/tasks/${task.id}/assign`).set(bearer(admin)).send({ assignee: s.siti });
    expect(assigned.status).to.equal(200);
    expect(assigned.body.assignee).to.equal(s.siti);

    await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: '1/DPU/2026', decision: 'reject' } }).expect(200);
    const completed = await api.http.get('/api/tasks?state=completed&filter=all').set(bearer(s.verifier));
    expect(completed.body.items.map((t: { id: string }) => t.id)).to.deep.equal([task.id]);
    expect((await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.verifier))).body.variables).to.include({ decision: 'reject' });
  });

  it('cancelling an instance cancels its open task, which stays readable', async () => {
    const s = await setup();
    const task = (await api.http.get('/api/tasks?filter=candidate').set(bearer(s.verifier))).body.items[0];
    expect((await api.http.post(`/api/process-instances/${s.instanceId}/cancel`).set(bearer(s.verifier))).status).to.equal(403);
    const cancelled = await api.http.post(`/api/process-instances/${s.instanceId}/cancel`).set(bearer(s.analyst));
    expect(cancelled.status).to.equal(200);
    expect(cancelled.body.state).to.equal('cancelled');
    expect((await api.http.post(`/api/process-instances/${s.instanceId}/cancel`).set(bearer(s.analyst))).status).to.equal(409);
    const read = await api.http.get(`/api/tasks/${task.id}`).set(bearer(s.verifier));
    expect(read.body.state).to.equal('cancelled');
    expect((await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(s.verifier)).send({ variables: { letterNumber: '1/DPU/2026', decision: 'reject' } })).status).to.equal(409);
  });

  it('a task keeps the form version it opened with: a form redeployed meanwhile applies to new tasks only', async () => {
    const s = await setup();
    const oldTask = (await api.http.get('/api/tasks?filter=candidate').set(bearer(s.verifier))).body.items[0];
    // Version 2 of the review form asks for one more required field.
    const v2 = JSON.parse(readFileSync(APPROVAL_FORM, 'utf8'));
    v2.components.push({ id: 'Field_Room', key: 'room', label: 'Ruang rapat', type: 'textfield', validate: { required: true } });
    const deployed = await api.http.post('/api/deployments').set(bearer(s.analyst)).attach('files', Buffer.from(JSON.stringify(v2)), 'two-step-approval.form');
    expect(deployed.status).to.equal(201);
    expect(deployed.body.forms.map((f: { version: number }) => f.version)).to.deep.equal([2]);

    const read = await api.http.get(`/api/tasks/${oldTask.id}`).set(bearer(s.verifier));
    expect(read.body.form.components.map((c: { key?: string }) => c.key)).to.not.include('room');
    const start = await api.http.post('/api/process-instances').set(bearer(s.verifier)).send({ processKey: 'two-step-approval' });
    const newTask = start.body.tasks[0];
    expect((await api.http.get(`/api/tasks/${newTask.id}`).set(bearer(s.verifier))).body.form.components.map((c: { key?: string }) => c.key)).to.include('room');

    const values = { letterNumber: '12/DPU/2026', decision: 'approve' };
    const refused = await api.http.post(`/api/tasks/${newTask.id}/complete`).set(bearer(s.verifier)).send({ variables: values });
    expect(refused.status).to.equal(400);
    expect(JSON.stringify(refused.body.errors)).to.include('room');
    expect((await api.http.post(`/api/tasks/${oldTask.id}/complete`).set(bearer(s.verifier)).send({ variables: values })).status).to.equal(200);
  });
});
