import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, APPROVAL_BPMN, APPROVAL_FORM, type Api } from './harness.js';

forEachBackend('api: deployments and definitions', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('deploys BPMN and forms; an unchanged file again gives 200 and no new version; a changed one version 2', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const first = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', APPROVAL_BPMN).attach('form', APPROVAL_FORM);
    expect(first.status).to.equal(201);
    expect(first.body.processes).to.have.length(1);
    expect(first.body.processes[0]).to.include({ key: 'two-step-approval', version: 1, name: 'Two-step approval (surat permohonan)' });
    expect(first.body.forms).to.deep.equal([{ id: first.body.forms[0].id, formId: 'review-request', version: 1 }]);

    const again = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', APPROVAL_BPMN);
    expect(again.status).to.equal(200);
    expect(again.body.processes).to.deep.equal(first.body.processes);

    const changed = readFileSync(APPROVAL_BPMN, 'utf8').replace('Two-step approval (surat permohonan)', 'Two-step approval v2');
    const second = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', Buffer.from(changed), 'two-step-approval.bpmn');
    expect(second.status).to.equal(201);
    expect(second.body.processes[0]).to.include({ key: 'two-step-approval', version: 2 });

    const all = await api.http.get('/api/process-definitions?key=two-step-approval').set(bearer(analyst));
    expect(all.body.total).to.equal(2);
    expect(all.body.items.map((d: { version: number }) => d.version)).to.deep.equal([2, 1]);
    expect(all.body.items[0]).to.have.keys('id', 'key', 'version', 'name', 'deployedAt', 'deploymentId', 'resourceName', 'suspended', 'suspendedAt', 'suspendedBy');
    const latest = await api.http.get('/api/process-definitions?latest=true').set(bearer(analyst));
    expect(latest.body.items.map((d: { version: number }) => d.version)).to.deep.equal([2]);
    const paged = await api.http.get('/api/process-definitions?limit=1&offset=1').set(bearer(analyst));
    expect(paged.body).to.deep.include({ total: 2 });
    expect(paged.body.items.map((d: { version: number }) => d.version)).to.deep.equal([1]);

    const xml = await api.http.get(`/api/process-definitions/${first.body.processes[0].id}/xml`).set(bearer(analyst));
    expect(xml.status).to.equal(200);
    expect(xml.type).to.equal('application/xml');
    expect(xml.text).to.equal(readFileSync(APPROVAL_BPMN, 'utf8'));
    expect((await api.http.get(`/api/process-definitions/${first.body.processes[0].id}`).set(bearer(analyst))).body.version).to.equal(1);

    // Staff read definitions (to start them) but do not deploy
    const staff = await makeUser(api, tenant, uname('s'), ['staff']);
    expect((await api.http.get('/api/process-definitions').set(bearer(staff))).body.total).to.equal(2);
    expect((await api.http.post('/api/deployments').set(bearer(staff)).attach('bpmn', APPROVAL_BPMN)).status).to.equal(403);
    // An id of the wrong shape, or of nothing, is 404
    expect((await api.http.get('/api/process-definitions/123/xml').set(bearer(analyst))).status).to.equal(404);
    expect((await api.http.get('/api/process-definitions/00000000-0000-4000-8000-000000000000/xml').set(bearer(analyst))).status).to.equal(404);
  });

  it('refuses an invalid model with every offending element, and deploys nothing', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const broken = bpmnFile('broken', `
      <bpmn:startEvent id="Start" />
      <bpmn:exclusiveGateway id="Gw" />
      <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gw" />
      <bpmn:sequenceFlow id="F2" sourceRef="Gw" targetRef="Missing"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=x &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>`);
    const res = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', broken, 'broken.bpmn').attach('form', APPROVAL_FORM);
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body.errors.length).to.be.greaterThan(0);
    for (const e of res.body.errors) expect(e).to.have.property('message').that.is.a('string');
    expect(res.body.errors.some((e: { element?: string }) => e.element)).to.equal(true);
    expect((await api.http.get('/api/process-definitions').set(bearer(analyst))).body.total).to.equal(0);

    const notXml = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', Buffer.from('<<<'), 'x.bpmn');
    expect(notXml.status).to.equal(400);
    const xxe = Buffer.from('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>');
    const xxeRes = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', xxe, 'xxe.bpmn');
    expect(xxeRes.status).to.equal(400);
    expect(JSON.stringify(xxeRes.body)).not.to.contain('root:');
    const wrongKind = await api.http.post('/api/deployments').set(bearer(analyst)).attach('file', Buffer.from('hello'), 'notes.txt');
    expect(wrongKind.status).to.equal(400);
    expect(wrongKind.body.errors[0].element).to.equal('notes.txt');
    const badForm = await api.http.post('/api/deployments').set(bearer(analyst)).attach('form', Buffer.from('{"components": 5}'), 'bad.form');
    expect(badForm.status).to.equal(400);
    expect((await api.http.post('/api/deployments').set(bearer(analyst))).status).to.equal(400);
    const huge = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', Buffer.alloc(300 * 1024, 'a'), 'huge.bpmn');
    expect(huge.status).to.equal(413);
    expect((await api.http.get('/api/process-definitions').set(bearer(analyst))).body.total).to.equal(0);
  });

  it('given a timer start event that cannot be computed at deployment, when deployed with another broken file, then 400 lists both problems and nothing is deployed', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const timer = (id: string, cycle: string) => bpmnFile(id, `
      <bpmn:startEvent id="StartEvent_Harian"><bpmn:outgoing>F0</bpmn:outgoing>
        <bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
      <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="F0" sourceRef="StartEvent_Harian" targetRef="E" />`);
    const broken = bpmnFile('broken', '<bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Missing" />');
    const res = await api.http.post('/api/deployments').set(bearer(analyst))
      .attach('bpmn', timer('harian', '=jadwal'), 'harian.bpmn').attach('bpmn', broken, 'broken.bpmn').attach('form', APPROVAL_FORM);
    expect(res.status).to.equal(400);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body.errors).to.deep.include({
      element: 'StartEvent_Harian',
      message: 'harian.bpmn: start event StartEvent_Harian: timer timeCycle "=jadwal" cannot be computed at deployment: no variable jadwal (a start timer is computed before any instance exists)',
    });
    expect(res.body.errors.some((e: { message: string }) => e.message.startsWith('broken.bpmn: '))).to.equal(true);
    expect((await api.http.get('/api/process-definitions').set(bearer(analyst))).body.total).to.equal(0);

    const fine = await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', timer('harian', '="R/P1D"'), 'harian.bpmn');
    expect(fine.status).to.equal(201);
    expect(fine.body.processes[0]).to.include({ key: 'harian', version: 1 });
  });

  it('keeps tenants apart: another tenant neither sees nor reads the definitions', async () => {
    const a = await makeTenant(api);
    const b = await makeTenant(api);
    const analystA = await makeUser(api, a, uname('a'), ['analyst']);
    const analystB = await makeUser(api, b, uname('b'), ['analyst']);
    const dep = await api.http.post('/api/deployments').set(bearer(analystA)).attach('bpmn', APPROVAL_BPMN).attach('form', APPROVAL_FORM);
    expect((await api.http.get('/api/process-definitions').set(bearer(analystB))).body.total).to.equal(0);
    expect((await api.http.get(`/api/process-definitions/${dep.body.processes[0].id}/xml`).set(bearer(analystB))).status).to.equal(404);
    // The same file deployed by B is B's own version 1
    const depB = await api.http.post('/api/deployments').set(bearer(analystB)).attach('bpmn', APPROVAL_BPMN).attach('form', APPROVAL_FORM);
    expect(depB.status).to.equal(201);
    expect(depB.body.processes[0].version).to.equal(1);
    expect(depB.body.processes[0].id).not.to.equal(dep.body.processes[0].id);
  });
});
