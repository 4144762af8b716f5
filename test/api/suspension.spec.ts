/**
 * Suspending a process definition (issue 16: a way out of a runaway model without database
 * surgery): no new instances, timer starts stop, running instances continue; resume undoes it.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, T0, type Api } from './harness.js';

const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const SERVICE = bpmnFile('cek-nik', `
  <bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
  <bpmn:serviceTask id="Cek"><bpmn:extensionElements><zeebe:taskDefinition type="cek" retries="1" /></bpmn:extensionElements>
    <bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:serviceTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>${flow('F0', 'S', 'Cek')}${flow('F1', 'Cek', 'E')}`);

const HOURLY = bpmnFile('rekap-jam', `
  <bpmn:startEvent id="Tiap"><bpmn:outgoing>F0</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>${flow('F0', 'Tiap', 'E')}`);

const HOUR = 3600_000;

forEachBackend('api: suspending and resuming a process definition', (backend) => {
  let api: Api;
  before(async () => {
    api = await openApi(backend);
    api.registry.register('cek', async () => ({ variables: { cocok: true } }));
  });
  after(async () => { await api.close(); });
  beforeEach(() => api.clock.pin(T0));

  const deploy = async (token: string, file: Buffer, name: string) =>
    (await api.http.post('/api/deployments').set(bearer(token)).attach('bpmn', file, name).expect(201)).body.processes[0];
  const instancesOf = async (tenant: string, key: string) => Number((await api.db.knex('process_instance').where({ tenant_id: tenant, process_key: key }).count('* as n').first())!.n);

  it('given a suspended definition, when a case is started, then 409 says so in the caller\'s language; a running instance completes; resume lets starts in again', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const def = await deploy(analyst, SERVICE, 'cek-nik.bpmn');
    const running = (await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'cek-nik' }).expect(201)).body;

    const suspended = await api.http.post(`/api/process-definitions/${def.id}/suspend`).set(bearer(analyst)).expect(200);
    expect(suspended.body).to.include({ id: def.id, key: 'cek-nik', version: 1, suspended: true, suspendedAt: T0.toISOString() });
    expect(suspended.body.suspendedBy).to.match(/^ana-/);
    expect((await api.http.get(`/api/process-definitions/${def.id}`).set(bearer(analyst))).body.suspended).to.equal(true);
    // Suspending twice changes nothing.
    expect((await api.http.post(`/api/process-definitions/${def.id}/suspend`).set(bearer(analyst)).expect(200)).body.suspendedAt).to.equal(T0.toISOString());

    const refused = await api.http.post('/api/process-instances').set(bearer(analyst)).set('Accept-Language', 'id').send({ processKey: 'cek-nik' });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.equal('Proses cek-nik versi 1 sedang ditangguhkan: tidak ada berkas baru yang dapat dimulai sampai analis melanjutkannya.');
    const inEnglish = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'cek-nik', version: 1 });
    expect([inEnglish.status, inEnglish.body.detail]).to.deep.equal([409, 'Process cek-nik version 1 is suspended: it starts no new cases until an analyst resumes it.']);
    expect(await instancesOf(tenant, 'cek-nik')).to.equal(1);

    await api.runner.drain();
    expect((await api.http.get(`/api/process-instances/${running.id}`).set(bearer(analyst))).body.state).to.equal('completed');

    const resumed = await api.http.post(`/api/process-definitions/${def.id}/resume`).set(bearer(analyst)).expect(200);
    expect(resumed.body).to.include({ suspended: false, suspendedAt: null, suspendedBy: null });
    await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'cek-nik' }).expect(201);
  });

  it('given a suspended timer start, when its rounds come, then none starts an instance; resumed, it fires again one interval after the resume', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const def = await deploy(analyst, HOURLY, 'rekap-jam.bpmn');
    await api.http.post(`/api/process-definitions/${def.id}/suspend`).set(bearer(analyst)).expect(200);
    expect(await api.db.knex('timer').where({ definition_id: def.id })).to.have.length(0);
    api.clock.pin(new Date(T0.getTime() + 3 * HOUR));
    await api.runner.drain();
    expect(await instancesOf(tenant, 'rekap-jam')).to.equal(0);

    await api.http.post(`/api/process-definitions/${def.id}/resume`).set(bearer(analyst)).expect(200);
    const [timer] = await api.db.knex('timer').where({ definition_id: def.id });
    expect(new Date(timer.due_at).toISOString()).to.equal(new Date(T0.getTime() + 4 * HOUR).toISOString());
    api.clock.pin(new Date(T0.getTime() + 4 * HOUR));
    await api.runner.drain();
    expect(await instancesOf(tenant, 'rekap-jam')).to.equal(1);
  });

  it('given a staff user, another tenant\'s analyst or no token, when they suspend or resume, then 403, 404 and 401 and nothing changes', async () => {
    const tenant = await makeTenant(api, 'a');
    const other = await makeTenant(api, 'b');
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const staff = await makeUser(api, tenant, uname('staf'), ['staff'], ['verifikator']);
    const outsider = await makeUser(api, other, uname('anaB'), ['analyst', 'admin']);
    const def = await deploy(analyst, SERVICE, 'cek-nik.bpmn');
    for (const action of ['suspend', 'resume']) {
      const path = `/api/process-definitions/${def.id}/${action}`;
      expect((await api.http.post(path).set(bearer(staff))).status, `${action} by staff`).to.equal(403);
      expect((await api.http.post(path).set(bearer(outsider))).status, `${action} by another tenant`).to.equal(404);
      expect((await api.http.post(path)).status, `${action} without a token`).to.equal(401);
    }
    expect((await api.http.post('/api/process-definitions/not-an-id/suspend').set(bearer(analyst))).status).to.equal(404);
    expect((await api.db.knex('process_definition').where({ id: def.id }).first()).suspended_at).to.equal(null);
  });
});
