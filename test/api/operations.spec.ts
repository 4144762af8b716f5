import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

const WAIT_FOR_MESSAGE = bpmnFile('wait-for-payment', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateCatchEvent id="Paid"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    <bpmn:messageEventDefinition messageRef="Msg_Paid" /></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Paid" />
  <bpmn:sequenceFlow id="F2" sourceRef="Paid" targetRef="End" />
  </bpmn:process>
  <bpmn:message id="Msg_Paid" name="payment-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=invoice" /></bpmn:extensionElements>
  </bpmn:message>
  <bpmn:process id="unused" isExecutable="false">`);

const FLAKY_SERVICE = bpmnFile('flaky-service', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Call"><bpmn:extensionElements><zeebe:taskDefinition type="flaky" retries="2" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call" />
  <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="End" />`);

const WAIT_A_DAY = bpmnFile('wait-a-day', `
  <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:intermediateCatchEvent id="OneDay"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="OneDay" />
  <bpmn:sequenceFlow id="F2" sourceRef="OneDay" targetRef="End" />`);

forEachBackend('api: messages, incidents and the clock', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend, { clockControlled: true }); });
  after(async () => { await api.close(); });

  it('correlates a message to the waiting instance of the same tenant; 404 when nobody waits', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staff = await makeUser(api, tenant, uname('s'), ['staff']);
    const dep = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', WAIT_FOR_MESSAGE, 'wait.bpmn');
    expect(dep.status, JSON.stringify(dep.body)).to.equal(201);
    const inst = (await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'wait-for-payment', variables: { invoice: 'INV-9' } })).body;
    expect(inst.activeElements).to.deep.equal(['Paid']);

    expect((await api.http.post('/api/messages').set(bearer(staff)).send({ name: 'payment-received', correlationKey: 'INV-9' })).status).to.equal(403);
    expect((await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'payment-received', correlationKey: 'INV-1' })).status).to.equal(404);
    const other = await makeTenant(api);
    const otherAnalyst = await makeUser(api, other, uname('o'), ['analyst']);
    expect((await api.http.post('/api/messages').set(bearer(otherAnalyst)).send({ name: 'payment-received', correlationKey: 'INV-9' })).status).to.equal(404);

    const res = await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'payment-received', correlationKey: 'INV-9', variables: { paidAt: '2026-12-01' } });
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ processInstanceId: inst.id });
    const after = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(after.state).to.equal('completed');
    expect(after.variables).to.include({ paidAt: '2026-12-01' });
    expect((await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'payment-received', correlationKey: 'INV-9' })).status).to.equal(404);
    expect((await api.http.post('/api/messages').set(bearer(analyst)).send({})).status).to.equal(400);
  });

  it('raises an incident when a job runs out of retries, lists it, and retries it', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staff = await makeUser(api, tenant, uname('s'), ['staff']);
    let failing = true;
    const seen: unknown[] = [];
    api.registry.register('flaky', async (job) => {
      seen.push(job.variables);
      if (failing) throw new Error('service unavailable (503)');
      return { variables: { result: 'ok' } };
    });
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', FLAKY_SERVICE, 'flaky.bpmn').expect(201);
    const inst = (await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'flaky-service', variables: { caseId: 'C-1' } })).body;
    await api.runner.drain();
    // The first attempt failed; the retry waits for its backoff on the engine clock
    api.clock.pin(new Date(api.clock.now().getTime() + 60_000));
    await api.runner.drain();
    expect(seen).to.deep.equal([{ caseId: 'C-1' }, { caseId: 'C-1' }]);

    const incidents = await api.http.get(`/api/incidents?processInstanceId=${inst.id}`).set(bearer(analyst));
    expect(incidents.status).to.equal(200);
    expect(incidents.body.total).to.equal(1);
    const incident = incidents.body.items[0];
    expect(incident).to.include({ processInstanceId: inst.id, elementId: 'Call', type: 'job' });
    expect(incident.message).to.contain('503');
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.incidents.map((i: { id: string }) => i.id)).to.deep.equal([incident.id]);
    expect((await api.http.get('/api/incidents').set(bearer(staff))).status).to.equal(403);
    expect((await api.http.post(`/api/incidents/${incident.id}/retry`).set(bearer(staff))).status).to.equal(403);

    failing = false;
    expect((await api.http.post(`/api/incidents/${incident.id}/retry`).set(bearer(analyst))).status).to.equal(200);
    await api.runner.drain();
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body).to.deep.include({ state: 'completed', incidents: [] });
    expect((await api.http.get('/api/incidents?state=resolved').set(bearer(analyst))).body.items.map((i: { id: string }) => i.id)).to.deep.equal([incident.id]);
    expect((await api.http.post(`/api/incidents/${incident.id}/retry`).set(bearer(analyst))).status).to.equal(409);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items.map((h: { type: string }) => h.type);
    expect(history.filter((t: string) => t === 'job.failed')).to.have.length(2);
    // A failed attempt reads in the reader's language around the worker's own words (issue 17).
    const failedId = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst)).set('Accept-Language', 'id')).body.items
      .filter((h: { type: string }) => h.type === 'job.failed').map((h: { data: { message: string } }) => h.data.message);
    expect(failedId).to.have.length(2);
    for (const m of failedId) expect(m).to.match(/^Pekerjaan layanan gagal: .*503/);
    expect(history).to.include.members(['incident.raised', 'incident.resolved', 'job.completed']);
  });

  it('moves the clock so a due timer fires; only a platform admin may, and only when enabled', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', WAIT_A_DAY, 'wait.bpmn').expect(201);
    api.clock.reset();
    const inst = (await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'wait-a-day' })).body;
    expect(inst.activeElements).to.deep.equal(['OneDay']);
    expect((await api.http.post('/api/clock').set(bearer(analyst)).send({ offset: 'P2D' })).status).to.equal(403);
    expect((await api.http.post('/api/clock').set(bearer(api.admin)).send({ offset: 'two days' })).status).to.equal(400);
    const moved = await api.http.post('/api/clock').set(bearer(api.admin)).send({ offset: 'P2D' });
    expect(moved.status).to.equal(200);
    expect(moved.body.mode).to.equal('offset');
    expect(new Date(moved.body.now).getTime() - Date.now()).to.be.greaterThan(47 * 3600_000);
    const after = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect(after.state).to.equal('completed');
    const pinned = await api.http.post('/api/clock').set(bearer(api.admin)).send({ pin: '2030-01-01T00:00:00Z' });
    expect(pinned.body.now).to.equal('2030-01-01T00:00:00.000Z');
    expect((await api.http.delete('/api/clock').set(bearer(api.admin))).status).to.equal(204);
    expect(Math.abs(new Date((await api.http.get('/api/clock').set(bearer(api.admin))).body.now).getTime() - Date.now())).to.be.lessThan(60_000);
  });
});

forEachBackend('api: clock without ALUR_CLOCK_CONTROLLED', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend, { clockControlled: false }); });
  after(async () => { await api.close(); });

  it('answers 404 to clock changes', async () => {
    expect((await api.http.post('/api/clock').set(bearer(api.admin)).send({ offset: 'P1D' })).status).to.equal(404);
    expect((await api.http.delete('/api/clock').set(bearer(api.admin))).status).to.equal(404);
  });
});
