/**
 * The attack suite: for every endpoint, a user of tenant B tries tenant A's ids, a staff user of A
 * tries admin actions, and an unauthenticated caller tries everything. All are refused, and the
 * database is exactly as it was afterwards.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, deployApproval, bpmnFile, APPROVAL_BPMN, type Api } from './harness.js';

const FLAKY = bpmnFile('attack-flaky', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Call"><bpmn:extensionElements><zeebe:taskDefinition type="always-fails" retries="1" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Call" /><bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="E" />`);

interface Call { method: 'get' | 'post' | 'delete'; path: string; body?: object; upload?: boolean }

forEachBackend('api: attack suite', (backend) => {
  let api: Api;
  let ids: { definition: string; instance: string; task: string; incident: string; tenantA: string };
  let tokens: { staffA: string; outsiderA: string; adminB: string; analystB: string; staffB: string };

  before(async () => {
    api = await openApi(backend, { clockControlled: true });
    api.registry.register('always-fails', async () => { throw new Error('down'); });
    const tenantA = await makeTenant(api, 'a');
    const tenantB = await makeTenant(api, 'b');
    const analystA = await makeUser(api, tenantA, uname('anaA'), ['analyst']);
    tokens = {
      staffA: await makeUser(api, tenantA, uname('staffA'), ['staff'], ['verifikator']),
      outsiderA: await makeUser(api, tenantA, uname('outA'), ['staff'], ['keuangan']),
      adminB: await makeUser(api, tenantB, uname('admB'), ['admin', 'analyst']),
      analystB: await makeUser(api, tenantB, uname('anaB'), ['analyst']),
      staffB: await makeUser(api, tenantB, uname('staffB'), ['staff'], ['verifikator']),
    };
    const dep = await deployApproval(api, analystA);
    await api.http.post('/api/deployments').set(bearer(analystA)).attach('bpmn', FLAKY, 'flaky.bpmn').expect(201);
    const inst = (await api.http.post('/api/process-instances').set(bearer(analystA)).send({ processKey: 'two-step-approval', businessKey: 'SECRET-A' })).body;
    const flaky = (await api.http.post('/api/process-instances').set(bearer(analystA)).send({ processKey: 'attack-flaky' })).body;
    await api.runner.drain();
    const task = (await api.http.get('/api/tasks?filter=all').set(bearer(analystA))).body.items[0];
    const incident = (await api.http.get(`/api/incidents?processInstanceId=${flaky.id}`).set(bearer(analystA))).body.items[0];
    expect(incident, 'an incident to attack').to.be.an('object');
    ids = { definition: dep.processes[0].id, instance: inst.id, task: task.id, incident: incident.id, tenantA };
  });
  after(async () => { await api.close(); });

  /** Everything an attacker could change, in a comparable form. */
  async function snapshot(): Promise<string> {
    const k = api.db.knex;
    const tables = ['tenant', 'app_user', 'group_membership', 'deployment', 'process_definition', 'form', 'process_instance', 'user_task', 'job', 'timer', 'incident', 'history', 'message_subscription'];
    const counts = await Promise.all(tables.map(async (t) => [t, (await k(t).count('* as n').first())!.n]));
    const instances = await k('process_instance').select('id', 'state', 'version').orderBy('id');
    const tasks = await k('user_task').select('id', 'state', 'assignee').orderBy('id');
    const incidents = await k('incident').select('id', 'state').orderBy('id');
    return JSON.stringify({ counts, instances, tasks, incidents, clock: api.clock.current });
  }

  const send = (call: Call, token?: string) => {
    let req = api.http[call.method](call.path);
    if (token) req = req.set(bearer(token));
    if (call.upload) return req.attach('bpmn', APPROVAL_BPMN);
    return call.body ? req.send(call.body) : req;
  };

  const idCalls = (): Call[] => [
    { method: 'get', path: `/api/process-definitions/${ids.definition}` },
    { method: 'get', path: `/api/process-definitions/${ids.definition}/xml` },
    { method: 'get', path: `/api/process-instances/${ids.instance}` },
    { method: 'get', path: `/api/process-instances/${ids.instance}/history` },
    { method: 'post', path: `/api/process-instances/${ids.instance}/cancel` },
    { method: 'get', path: `/api/tasks/${ids.task}` },
    { method: 'post', path: `/api/tasks/${ids.task}/claim` },
    { method: 'post', path: `/api/tasks/${ids.task}/unclaim` },
    { method: 'post', path: `/api/tasks/${ids.task}/assign`, body: { assignee: 'x' } },
    { method: 'post', path: `/api/tasks/${ids.task}/complete`, body: { variables: { letterNumber: '1/DPU/2026', decision: 'approve' } } },
    { method: 'post', path: `/api/incidents/${ids.incident}/retry` },
  ];

  it('tenant B cannot see or touch any of tenant A\'s objects (404), nor find them in lists', async () => {
    const before = await snapshot();
    for (const token of [tokens.adminB, tokens.analystB, tokens.staffB]) {
      for (const call of idCalls()) {
        const res = await send(call, token);
        expect(res.status, `${call.method} ${call.path}`).to.equal(404);
        expect(res.type).to.equal('application/problem+json');
        expect(JSON.stringify(res.body)).not.to.contain('SECRET-A');
      }
      for (const path of ['/api/process-definitions', '/api/process-instances', '/api/tasks?filter=all', '/api/tasks?filter=candidate', `/api/tasks?processInstanceId=${ids.instance}`, '/api/incidents', `/api/incidents?processInstanceId=${ids.instance}`, '/api/users', '/api/groups', '/api/tenants']) {
        const res = await send({ method: 'get', path }, token);
        if (res.status === 403) continue; // Staff may not list users or incidents at all.
        expect(res.status, path).to.equal(200);
        expect(JSON.stringify(res.body), path).not.to.contain(ids.tenantA);
        expect(JSON.stringify(res.body), path).not.to.contain(ids.instance);
        expect(JSON.stringify(res.body), path).not.to.contain(ids.definition);
      }
      expect((await send({ method: 'post', path: '/api/process-instances', body: { processKey: 'two-step-approval' } }, token)).status).to.equal(404);
      expect((await send({ method: 'post', path: '/api/users', body: { username: uname('evil'), password: 'password-1', tenant: ids.tenantA, roles: ['admin'] } }, token)).status).to.be.oneOf([403, 404]);
    }
    expect((await send({ method: 'post', path: '/api/messages', body: { name: 'payment-received', correlationKey: 'x' } }, tokens.adminB)).status).to.equal(404);
    // A's deployed form, by the form id its tasks name: not found for B's analysts and admins (staff get 403 below)
    for (const token of [tokens.adminB, tokens.analystB]) {
      const res = await send({ method: 'get', path: '/api/forms/review-request' }, token);
      expect(res.status, 'GET /api/forms/review-request').to.equal(404);
      expect(res.type).to.equal('application/problem+json');
    }
    // Searching tasks for A's business key finds nothing of A's
    for (const token of [tokens.adminB, tokens.analystB, tokens.staffB]) {
      const res = await send({ method: 'get', path: '/api/tasks?filter=all&q=SECRET-A' }, token);
      expect(res.body).to.deep.equal({ items: [], total: 0 });
    }
    expect(await snapshot()).to.equal(before);
  });

  it('a staff user cannot do what needs admin, analyst or platform-admin (403)', async () => {
    const before = await snapshot();
    const calls: Call[] = [
      { method: 'post', path: '/api/deployments', upload: true },
      { method: 'post', path: `/api/process-instances/${ids.instance}/cancel` },
      { method: 'post', path: '/api/messages', body: { name: 'x', correlationKey: 'y' } },
      { method: 'get', path: '/api/incidents' },
      { method: 'post', path: `/api/incidents/${ids.incident}/retry` },
      { method: 'post', path: `/api/tasks/${ids.task}/assign`, body: { assignee: 'someone' } },
      { method: 'post', path: '/api/users', body: { username: uname('evil'), password: 'password-1', roles: ['admin'] } },
      { method: 'get', path: '/api/users' },
      { method: 'post', path: '/api/tenants', body: { id: 'evil', name: 'Evil' } },
      { method: 'post', path: '/api/clock', body: { offset: 'P30D' } },
      { method: 'delete', path: '/api/clock' },
      { method: 'get', path: '/api/forms/review-request' },
    ];
    for (const call of calls) {
      const res = await send(call, tokens.staffA);
      expect(res.status, `${call.method} ${call.path}`).to.equal(403);
      expect(res.type).to.equal('application/problem+json');
    }
    // A staff member of A who is not a candidate: the task and the instance are forbidden, not hidden
    for (const call of [idCalls()[2], idCalls()[3], ...idCalls().slice(5, 10)]) {
      expect((await send(call, tokens.outsiderA)).status, `${call.method} ${call.path}`).to.equal(403);
    }
    expect(await snapshot()).to.equal(before);
  });

  it('an unauthenticated caller gets 401 everywhere but login, health and the OpenAPI document', async () => {
    const before = await snapshot();
    const doc = (await api.http.get('/api/openapi.json')).body;
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.security && op.security.length === 0) continue;
        const concrete = path.replace('{formId}', 'review-request').replace('{id}', path.includes('tasks') ? ids.task : path.includes('incidents') ? ids.incident : path.includes('definitions') ? ids.definition : ids.instance);
        const res = await send({ method: method as Call['method'], path: concrete, body: {} });
        expect(res.status, `${method} ${concrete}`).to.equal(401);
        expect(res.type).to.equal('application/problem+json');
        const forged = await send({ method: method as Call['method'], path: concrete, body: {} }, 'alur_' + 'A'.repeat(43));
        expect(forged.status, `${method} ${concrete} with a forged token`).to.equal(401);
        tried++;
      }
    }
    expect(tried).to.be.greaterThan(20);
    expect(await snapshot()).to.equal(before);
  });
});
