/**
 * Issue 16: an incident's history entry (incident.raised, shown in the case history of the inbox
 * and Pantau) reads in the reader's language, as the incident itself does: the entry keeps the
 * incident's params and the API writes its message as incident.<type> at read time. An entry
 * from before params were kept still reads, its English inside.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';

const INDONESIAN = 'Notify akan menjalankan 20000 instans; satu multi-instance paling banyak 15000 (ALUR_MAX_MULTI_INSTANCE_ITEMS).';
const ENGLISH = 'Notify would run 20000 instances; one multi-instance may run at most 15000 (ALUR_MAX_MULTI_INSTANCE_ITEMS)';

forEachBackend('api: incident history entries in the reader\'s language', (backend) => {
  let api: Api;
  let analyst: string;
  let instanceId: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api, 'riwayat-insiden');
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst', 'staff'], ['loket']);
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', bpmnFile('insiden-riwayat', `<bpmn:startEvent id="s"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
      <bpmn:userTask id="notify"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
        <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="asn" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
      <bpmn:endEvent id="e"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
      <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="notify" /><bpmn:sequenceFlow id="f1" sourceRef="notify" targetRef="e" />`), 'insiden-riwayat.bpmn').expect(201);
    const started = await api.http.post('/api/process-instances').set(bearer(analyst))
      .send({ processKey: 'insiden-riwayat', variables: { items: Array.from({ length: 20_000 }, (_, i) => i) } }).expect(201);
    instanceId = started.body.id;
  });
  after(async () => { await api.close(); });

  async function raised(lang: string) {
    const res = await api.http.get(`/api/process-instances/${instanceId}/history`).set(bearer(analyst)).set('Accept-Language', lang).expect(200);
    const entries = (res.body.items as { type: string; elementId?: string; data?: Record<string, unknown> }[]).filter((h) => h.type === 'incident.raised');
    expect(entries).to.have.length(1);
    return entries[0];
  }

  it('given a multi-instance-limit incident, when its history is read in Indonesian or English, then the entry says what the incident says in that language', async () => {
    const id = await raised('id');
    expect(id).to.deep.include({ elementId: 'notify' });
    expect(id.data).to.deep.include({ type: 'multi-instance-limit', message: INDONESIAN });
    expect(id.data, 'params and text are for rendering, not in the answer').to.not.have.any.keys('params', 'text');
    expect((await raised('en')).data?.message).to.equal(ENGLISH);
    const incident = (await api.http.get(`/api/incidents?processInstanceId=${instanceId}`).set(bearer(analyst)).set('Accept-Language', 'id').expect(200)).body.items[0];
    expect(incident.message, 'the same text as the incident itself').to.equal(INDONESIAN);
  });

  it('given an entry from before params were kept, then it keeps its English message, said to be an incident in Indonesian', async () => {
    const row = await api.db.knex('history').where({ instance_id: instanceId, type: 'incident.raised' }).first();
    const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    expect(data.params).to.deep.equal({ element: 'notify', count: 20000, max: 15000 });
    const { params: _params, ...before } = data;
    await api.db.knex('history').where({ id: row.id }).update({ data: JSON.stringify(before) });
    expect((await raised('id')).data?.message).to.equal(`Insiden: ${data.message}`);
    expect((await raised('en')).data?.message).to.equal(data.message);
  });
});
