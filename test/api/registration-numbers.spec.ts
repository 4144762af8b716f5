/**
 * Registration numbers (`alur:businessKey format`): unique, consecutive and without gaps per
 * tenant, process and rendered series, under concurrent starts and with refused starts among
 * them; the date in the office's zone; a caller's own business key kept and numbering nothing.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';
import { deployIzin, IZIN_VALUES } from './starting-fixtures.js';

forEachBackend('api: registration numbers', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => {
    api.engine.deps.timeZone = undefined;
    await api.close();
  });
  afterEach(() => {
    api.clock.pin(new Date('2026-12-01T08:00:00Z'));
    api.engine.deps.timeZone = undefined;
  });

  async function office() {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const loket = await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']);
    const verifier = await makeUser(api, tenant, uname('verif'), ['staff'], ['verifikator']);
    await deployIzin(api, analyst);
    return { tenant, analyst, loket, verifier };
  }
  const start = (token: string, body: Record<string, unknown> = {}) =>
    api.http.post('/api/process-instances').set(bearer(token)).send({ processKey: 'izin-usaha', variables: IZIN_VALUES, ...body });

  it('given consecutive starts, then numbers count up per month and restart with the next; a caller\'s key is kept and uses none', async () => {
    const { loket, analyst } = await office();
    expect((await start(loket)).body.businessKey).to.equal('IUM/2026/12/0001');
    expect((await start(loket, { businessKey: 'SIMBG-77' })).body.businessKey).to.equal('SIMBG-77');
    expect((await start(loket)).body.businessKey).to.equal('IUM/2026/12/0002');
    api.clock.pin(new Date('2027-01-04T02:00:00Z'));
    expect((await start(loket)).body.businessKey).to.equal('IUM/2027/01/0001');
    // The number is on the instance, its tasks and in the inbox search.
    const listed = await api.http.get('/api/process-instances?businessKey=IUM/2027/01/0001').set(bearer(analyst));
    expect(listed.body.total).to.equal(1);
    const tasks = await api.http.get(`/api/tasks?processInstanceId=${listed.body.items[0].id}`).set(bearer(analyst));
    expect(tasks.body.items[0].businessKey).to.equal('IUM/2027/01/0001');
    expect((await api.http.get(`/api/process-instances/${listed.body.items[0].id}`).set(bearer(analyst))).body.businessKey).to.equal('IUM/2027/01/0001');
  });

  it('given the office keeps WIB, then a start at 23:30 WIB on the last of the month takes that month\'s number, at 00:30 the next month\'s', async () => {
    const { loket } = await office();
    api.engine.deps.timeZone = 'Asia/Jakarta';
    api.clock.pin(new Date('2026-12-31T16:30:00Z')); // 23:30 WIB
    expect((await start(loket)).body.businessKey).to.equal('IUM/2026/12/0001');
    api.clock.pin(new Date('2026-12-31T17:30:00Z')); // 00:30 WIB, 1 January
    expect((await start(loket)).body.businessKey).to.equal('IUM/2027/01/0001');
  });

  it('given tenants and processes, then each has its own counter', async () => {
    const a = await office();
    const b = await office();
    expect((await start(a.loket)).body.businessKey).to.equal('IUM/2026/12/0001');
    expect((await start(b.loket)).body.businessKey).to.equal('IUM/2026/12/0001');
    expect((await start(a.loket)).body.businessKey).to.equal('IUM/2026/12/0002');
  });

  it('given a process started by a message, then a start without a correlation key is numbered and one with a key keeps it', async () => {
    const { analyst } = await office();
    await api.http.post('/api/deployments').set(bearer(analyst)).attach('files', Buffer.from(BY_MESSAGE), 'aduan.bpmn').expect(201);
    const first = await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'aduan-masuk' }).expect(200);
    const keyed = await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'aduan-masuk', correlationKey: 'LAPOR-991' }).expect(200);
    const second = await api.http.post('/api/messages').set(bearer(analyst)).send({ name: 'aduan-masuk' }).expect(200);
    const key = async (id: string) => (await api.http.get(`/api/process-instances/${id}`).set(bearer(analyst))).body.businessKey;
    expect([await key(first.body.processInstanceId), await key(keyed.body.processInstanceId), await key(second.body.processInstanceId)])
      .to.deep.equal(['ADU/2026/00001', 'LAPOR-991', 'ADU/2026/00002']);
  });

  it('given 50 concurrent starts, then they get 50 consecutive numbers without a gap or a repeat', async () => {
    const { loket } = await office();
    const answers = await Promise.all(Array.from({ length: 50 }, () => start(loket)));
    expect(answers.map((a) => a.status)).to.deep.equal(Array(50).fill(201));
    const numbers = answers.map((a) => a.body.businessKey as string).sort();
    expect(numbers).to.deep.equal(Array.from({ length: 50 }, (_, i) => `IUM/2026/12/${String(i + 1).padStart(4, '0')}`));
  });

  it('given refused starts (400, 403) among 50 concurrent ones, then they use no number: the 40 accepted get 1–40 and the next start 41', async () => {
    const { loket, verifier } = await office();
    const requests = Array.from({ length: 50 }, (_, i) => {
      if (i % 10 === 3) return start(loket, { variables: { ...IZIN_VALUES, nik: 'bukan-nik' } });
      if (i % 10 === 7) return start(verifier);
      return start(loket);
    });
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a.status === 400)).to.have.length(5);
    expect(answers.filter((a) => a.status === 403)).to.have.length(5);
    const numbers = answers.filter((a) => a.status === 201).map((a) => a.body.businessKey as string).sort();
    expect(numbers).to.deep.equal(Array.from({ length: 40 }, (_, i) => `IUM/2026/12/${String(i + 1).padStart(4, '0')}`));
    expect((await start(loket)).body.businessKey).to.equal('IUM/2026/12/0041');
  });
});

const BY_MESSAGE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="D" targetNamespace="http://alur.example/test">
  <bpmn:process id="aduan" isExecutable="true">
    <bpmn:extensionElements><alur:businessKey format="ADU/{yyyy}/{seq:5}"/></bpmn:extensionElements>
    <bpmn:startEvent id="S"><bpmn:outgoing>F</bpmn:outgoing><bpmn:messageEventDefinition messageRef="M"/></bpmn:startEvent>
    <bpmn:userTask id="T"><bpmn:incoming>F</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
  </bpmn:process>
  <bpmn:message id="M" name="aduan-masuk"/>
</bpmn:definitions>`;
