/**
 * The deployment's answer holds the compiler's warnings too (issue 17), not only the candidate
 * groups': a process that is not executable is skipped with a warning, in the request's language,
 * each once, with its catalog key (the designer lists it beside its live lint by key and element).
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';

const TWO_PROCESSES = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_w" targetNamespace="http://alur.example/test">
  <bpmn:process id="jalan" isExecutable="true">
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="Selesai" />
    <bpmn:endEvent id="Selesai"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmn:process id="catatan" name="Catatan arsip" isExecutable="false" />
</bpmn:definitions>`);

forEachBackend('api: deployment warnings', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('given a process that is not executable, then the deployment warns once per element in the request\'s language, with its key', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const deploy = (lang: string) => api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', lang).attach('files', TWO_PROCESSES, 'arsip.bpmn');
    const id = await deploy('id');
    expect(id.status, JSON.stringify(id.body)).to.equal(201);
    expect(id.body.processes.map((p: { key: string }) => p.key)).to.deep.equal(['jalan']);
    expect(id.body.warnings).to.have.length(1);
    expect(id.body.warnings[0]).to.include({ element: 'catatan', key: 'bpmn.not-executable-skipped' });
    expect(id.body.warnings[0].message).to.contain('Proses “Catatan arsip” tidak dapat dijalankan (isExecutable tidak bernilai true) dan dilewati');
    const en = await deploy('en');
    expect(en.status).to.equal(200);
    expect(en.body.warnings).to.have.length(1);
    expect(en.body.warnings[0]).to.include({ element: 'catatan', key: 'bpmn.not-executable-skipped' });
    expect(en.body.warnings[0].message).to.contain('Process “Catatan arsip” is not executable (isExecutable is not true) and was skipped');
  });
});
