/**
 * Issue 16's attack on the follow-ups: one step may set off work in other cases (called processes,
 * thrown messages and signals) — and that work more, without end when a signal starts a process
 * that throws it again. Past ALUR_MAX_FOLLOW_UPS steps of other cases for one input, the whole
 * input is refused: a person's request answers 409 naming the limit, in the language asked for, and
 * nothing changed; a job's answer or a timer the runner feeds becomes an incident where it arrived.
 * Each case answered HTTP 500 (or failed the runner's command for ever) before. The limit is 25
 * here, so the attacks stay small; the default is 1,000.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const file = (roots: string, ...processes: string[]) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="http://alur.example/test">${roots}${processes.join('')}</bpmn:definitions>`);
const flow = (id: string, from: string, to: string) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;
const process = (id: string, body: string) => `<bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>`;

/** `gema` starts on signal gema and throws it again as it ends: every start starts another. */
const SIGNAL = '<bpmn:signal id="sig" name="gema" />';
const ECHO = process('gema', `<bpmn:startEvent id="gs"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>
  <bpmn:endEvent id="ge"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>${flow('g1', 'gs', 'ge')}`);

/** A process `id` that reaches `middle` (an element with id M), then ends throwing signal gema. */
const trigger = (id: string, middle = '') => process(id, `<bpmn:startEvent id="s" />${middle}
  <bpmn:endEvent id="e"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>
  ${middle ? flow('f1', 's', 'M') + flow('f2', 'M', 'e') : flow('f1', 's', 'e')}`);

const LIMIT = 25;

forEachBackend('api: a budget on the work one input sets off in other cases', (backend) => {
  let api: Api;
  let analyst: string;

  before(async () => {
    api = await openApi(backend, { clockControlled: true, engine: { budgets: { maxFollowUps: LIMIT } } });
    api.registry.register('picu', async () => ({ variables: {} }));
    analyst = await makeUser(api, await makeTenant(api, 'gema'), uname('ana'), ['analyst', 'staff'], ['loket']);
  });
  after(async () => { await api.close(); });

  const deploy = (bpmn: Buffer, name: string) => api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', bpmn, `${name}.bpmn`).expect(201);
  const instances = async () => (await api.http.get('/api/process-instances?limit=1').set(bearer(analyst)).expect(200)).body.total as number;

  it('given a signal that starts a process throwing it again, when a person starts the first, then it is a 409 naming the limit in the language asked for and nothing started', async () => {
    await deploy(file(SIGNAL, ECHO, trigger('picu-orang')), 'picu-orang');
    const before = await instances();
    const res = await api.http.post('/api/process-instances').set(bearer(analyst)).set('Accept-Language', 'id').send({ processKey: 'picu-orang' });
    expect(res.status, JSON.stringify(res.body)).to.equal(409);
    expect(res.body.detail).to.equal(`Tindakan ini memicu lebih dari ${LIMIT} langkah pada berkas lain sekaligus (ALUR_MAX_FOLLOW_UPS): pesan atau sinyal yang berputar antarproses, atau call activity yang memulai terlalu banyak proses. Tidak ada yang berubah.`);
    const english = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'picu-orang' }).expect(409);
    expect(english.body.detail).to.equal(`This would set off more than ${LIMIT} steps in other cases at once (ALUR_MAX_FOLLOW_UPS): a message or signal going round between processes, or a call activity starting too many processes. Nothing changed.`);
    expect(await instances()).to.equal(before);
  });

  it('given a multi-instance call activity over more items than the limit, when a case starts, then it is the same 409; under the limit it runs', async () => {
    await deploy(file('', process('anak', `<bpmn:startEvent id="as" /><bpmn:endEvent id="ae" />${flow('a1', 'as', 'ae')}`),
      process('banyak', `<bpmn:startEvent id="s" /><bpmn:callActivity id="panggil"><bpmn:extensionElements><zeebe:calledElement processId="anak" propagateAllChildVariables="false" /></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:callActivity>
        <bpmn:endEvent id="e" />${flow('f1', 's', 'panggil')}${flow('f2', 'panggil', 'e')}`)), 'banyak');
    const before = await instances();
    const refused = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'banyak', variables: { items: Array.from({ length: 40 }, (_, i) => i) } });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.contain('ALUR_MAX_FOLLOW_UPS');
    expect(await instances()).to.equal(before);
    const ran = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'banyak', variables: { items: [1, 2, 3] } }).expect(201);
    expect(ran.body.state).to.equal('completed');
  });

  it('given a job whose completion throws the signal, when the runner finishes it, then it is an incident at the service task naming the limit, and no echo started', async () => {
    await deploy(file(SIGNAL, ECHO, trigger('picu-kerja', '<bpmn:serviceTask id="M"><bpmn:extensionElements><zeebe:taskDefinition type="picu" retries="3" /></bpmn:extensionElements></bpmn:serviceTask>')), 'picu-kerja');
    const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'picu-kerja' }).expect(201);
    const before = await instances();
    await api.runner.drain();
    const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
    expect(instance.state).to.equal('active');
    expect(instance.incidents.map((i: { elementId: string; type: string }) => [i.elementId, i.type])).to.deep.equal([['M', 'job']]);
    expect(instance.incidents[0].message).to.contain(`more than ${LIMIT} steps in other cases`);
    expect(await instances()).to.equal(before);
    const indonesian = await api.http.get(`/api/incidents?processInstanceId=${started.body.id}`).set(bearer(analyst)).set('Accept-Language', 'id').expect(200);
    expect(indonesian.body.items[0].message).to.match(/^Ini memicu lebih dari 25 langkah pada berkas lain sekaligus/);
  });

  it('given a timer whose firing throws the signal, when the runner fires it, then it is an incident at the timer event, in the language asked for, and the runner goes on', async () => {
    await deploy(file(SIGNAL, ECHO, trigger('picu-waktu', '<bpmn:intermediateCatchEvent id="M"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>')), 'picu-waktu');
    const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'picu-waktu' }).expect(201);
    const before = await instances();
    api.clock.pin(new Date(api.clock.now().getTime() + 120_000));
    await api.runner.drain();
    const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
    expect(instance.incidents.map((i: { elementId: string; type: string }) => [i.elementId, i.type])).to.deep.equal([['M', 'follow-up-limit']]);
    expect(instance.incidents[0].message).to.contain(`more than ${LIMIT} steps in other cases`);
    expect(await instances()).to.equal(before);
    const indonesian = await api.http.get(`/api/incidents?processInstanceId=${started.body.id}`).set(bearer(analyst)).set('Accept-Language', 'id').expect(200);
    expect(indonesian.body.items[0].message).to.equal(`Ini memicu lebih dari ${LIMIT} langkah pada berkas lain sekaligus (ALUR_MAX_FOLLOW_UPS): pesan atau sinyal yang berputar antarproses, atau call activity yang memulai terlalu banyak proses; yang dipicunya dibatalkan.`);
    await api.runner.drain();
  });

  it('given a start timer whose new case throws the signal, when the runner fires it, then that round starts nothing, the next round is planned and the runner goes on', async () => {
    await deploy(file(SIGNAL, ECHO, process('picu-jadwal', `<bpmn:startEvent id="s"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
      <bpmn:endEvent id="e"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:endEvent>${flow('f1', 's', 'e')}`)), 'picu-jadwal');
    const before = await instances();
    const due = async () => (await api.db.knex('timer').whereNotNull('definition_id').whereNull('instance_id').select('due_at')).map((t) => new Date(t.due_at).getTime());
    const [first] = await due();
    api.clock.pin(new Date(api.clock.now().getTime() + 90_000));
    await api.runner.drain();
    expect(await instances()).to.equal(before);
    expect(await due(), 'the next round, one minute on').to.deep.equal([first + 60_000]);
  });
});
