/**
 * Issue 16's attacks on the core, through the API on every backend: what one tenant's model,
 * form or input may cost is bounded, and exceeding it is an incident of that instance or a 400 —
 * never a frozen server. Each case failed before its budget existed (it ran to the end, or
 * answered 500).
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { DOUBLING } from '../expressions/fixtures/doubling.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, type Api } from './harness.js';
import { gatewayOn } from './budget-models.js';

/** A form whose one text field carries `pattern`. */
function patternForm(formId: string, pattern: string): Buffer {
  return Buffer.from(JSON.stringify({
    id: formId, type: 'default', schemaVersion: 16,
    components: [{ id: 'Kode', key: 'kode', label: 'Kode', type: 'textfield', validate: { pattern } }],
  }));
}

/** A start form and a user task form, both `formId` (the pattern form above). */
function formedProcess(id: string, formId: string): Buffer {
  return bpmnFile(id, `
  <bpmn:startEvent id="S"><bpmn:extensionElements><zeebe:formDefinition formId="${formId}" /></bpmn:extensionElements><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
  <bpmn:userTask id="Isi"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="${formId}" /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
    <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
  <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Isi" /><bpmn:sequenceFlow id="F2" sourceRef="Isi" targetRef="E" />`);
}

/**
 * Attack 4: 32 characters that make `^(a+)+$` backtrack 2^32 times. V8's RegExp blocked the
 * server about 25 s per request at 30 characters, doubling with each one more; this value ran for
 * minutes, so the old code failed these specs on mocha's timeout once the request returned.
 */
const BACKTRACKER = `${'a'.repeat(32)}!`;

forEachBackend('api: budgets against hostile models and input', (backend) => {
  let api: Api;
  let analyst: string;

  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api, 'hostile');
    analyst = await makeUser(api, tenant, uname('ana'), ['analyst', 'staff'], ['loket']);
  });
  after(async () => { await api.close(); });

  function deploy(file: Buffer, name: string) {
    return api.http.post('/api/deployments').set(bearer(analyst)).attach('bpmn', file, `${name}.bpmn`);
  }

  describe('attack 2: fan-out', () => {
    it('given a parallel gateway of 300 branches (over ALUR_MAX_FLOWS_PER_ELEMENT), when deployed, then it is a 400 naming both gateways, in the language asked for', async () => {
      const branches = Array.from({ length: 300 }, (_, i) => `<bpmn:sequenceFlow id="b${i}" sourceRef="split" targetRef="join" />`).join('');
      const file = bpmnFile('attack-fan', `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="split" /><bpmn:parallelGateway id="join" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="split" />${branches}<bpmn:sequenceFlow id="f1" sourceRef="join" targetRef="e" />`);
      const res = await deploy(file, 'fan').set('Accept-Language', 'id').expect(400);
      expect(res.body.errors).to.deep.equal([
        { element: 'split', message: 'Split memiliki 300 alur keluar; satu elemen paling banyak 200 alur (ALUR_MAX_FLOWS_PER_ELEMENT).', key: 'budget.too-many-outgoing' },
        { element: 'join', message: 'Join memiliki 300 alur masuk; satu elemen paling banyak 200 alur (ALUR_MAX_FLOWS_PER_ELEMENT).', key: 'budget.too-many-incoming' },
      ]);
      const english = await deploy(file, 'fan').expect(400);
      expect(english.body.errors[0].message).to.equal('Split has 300 outgoing sequence flows; an element may have at most 200 (ALUR_MAX_FLOWS_PER_ELEMENT).');
      await api.http.get('/api/process-definitions?key=attack-fan').set(bearer(analyst)).expect(200).expect((r) => expect(r.body.total).to.equal(0));
    });

    it('given a multi-instance and 20,000 items from a staff user, when the case starts, then it is a multi-instance-limit incident at the activity and nothing was spawned', async () => {
      await deploy(bpmnFile('attack-items', `<bpmn:startEvent id="s"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
        <bpmn:userTask id="notify"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="loket" /></bpmn:extensionElements>
          <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing>
          <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=items" inputElement="asn" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
        <bpmn:endEvent id="e"><bpmn:incoming>f1</bpmn:incoming></bpmn:endEvent>
        <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="notify" /><bpmn:sequenceFlow id="f1" sourceRef="notify" targetRef="e" />`), 'items').expect(201);
      const started = await api.http.post('/api/process-instances').set(bearer(analyst))
        .send({ processKey: 'attack-items', variables: { items: Array.from({ length: 20_000 }, (_, i) => i) } }).expect(201);
      const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
      expect(instance.incidents.map((i: { elementId: string; type: string }) => [i.elementId, i.type])).to.deep.equal([['notify', 'multi-instance-limit']]);
      const tasks = await api.http.get(`/api/tasks?filter=all&processInstanceId=${started.body.id}`).set(bearer(analyst)).expect(200);
      expect(tasks.body.total).to.equal(0);
    });
  });

  describe('attack 4: a form pattern that backtracks catastrophically', () => {
    before(async () => {
      const res = await api.http.post('/api/deployments').set(bearer(analyst))
        .attach('bpmn', formedProcess('attack-pattern', 'form-kode'), 'attack-pattern.bpmn')
        .attach('form', patternForm('form-kode', '^(a+)+$'), 'form-kode.form');
      expect(res.status, JSON.stringify(res.body)).to.be.oneOf([200, 201]);
    });

    it('given ^(a+)+$ on the start form, when a case starts with the crafted value, then it is a 400 naming the field at once and nothing starts', async () => {
      const res = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'attack-pattern', variables: { kode: BACKTRACKER } });
      expect(res.status).to.equal(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['kode']);
      const list = await api.http.get('/api/process-instances?processKey=attack-pattern').set(bearer(analyst)).expect(200);
      expect(list.body.total).to.equal(0);
    });

    it('given ^(a+)+$ on the task form, when the task is completed with the crafted value, then it is a 400 naming the field and a matching value completes it', async () => {
      const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'attack-pattern', variables: { kode: 'aaa' } }).expect(201);
      const task = (await api.http.get(`/api/tasks?filter=all&processInstanceId=${started.body.id}`).set(bearer(analyst)).expect(200)).body.items[0];
      const refused = await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(analyst)).send({ variables: { kode: BACKTRACKER } });
      expect(refused.status).to.equal(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['kode']);
      await api.http.post(`/api/tasks/${task.id}/complete`).set(bearer(analyst)).send({ variables: { kode: 'aaaa' } }).expect(200);
    });

    it('given a pattern with a backreference or a lookahead, when deployed, then it is refused naming the field: RE2 cannot run what backtracks', async () => {
      for (const pattern of ['^(a+)\\1$', '^(?=a)a+$']) {
        const res = await api.http.post('/api/deployments').set(bearer(analyst)).attach('form', patternForm('form-mundur', pattern), 'form-mundur.form');
        expect(res.status, pattern).to.equal(400);
        expect(res.body.errors, pattern).to.have.length(1);
        expect(res.body.errors[0].element).to.equal('Kode');
        expect(res.body.errors[0].message).to.contain('backreference or lookaround');
      }
    });
  });

  describe('attack 3: FEEL that looks harmless builds 67 million elements', () => {
    it('given a condition doubling a list 23 times, when an instance reaches it, then the budget cuts it into an incident there and the server answers the next request', async () => {
      await deploy(gatewayOn('attack-doubling', DOUBLING + ' > 0'), 'doubling').expect(201);
      const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'attack-doubling' }).expect(201);
      const instance = (await api.http.get(`/api/process-instances/${started.body.id}`).set(bearer(analyst)).expect(200)).body;
      expect(instance.state).to.equal('active');
      expect(instance.activeElements).to.deep.equal(['G']);
      expect(instance.incidents).to.have.length(1);
      expect(instance.incidents[0].message).to.contain('exceeded its time budget');
      await api.http.get('/api/process-definitions').set(bearer(analyst)).expect(200);
    });
  });

  describe('nested input: a value 5,000 deep', () => {
    const deep = (levels: number) => `${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}`;

    it('given bodies nesting 5,000 deep on the routes that take data, when sent, then each is a 400 saying so in the language asked for, and nothing changed', async () => {
      await deploy(formedProcess('deep-target', 'form-dalam'), 'deep').attach('form', patternForm('form-dalam', '^a+$'), 'form-dalam.form').expect(201);
      const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'deep-target', variables: { kode: 'aa' } }).expect(201);
      const task = (await api.http.get(`/api/tasks?filter=all&processInstanceId=${started.body.id}`).set(bearer(analyst)).expect(200)).body.items[0];
      const before = await countRows();
      // JSON.stringify itself overflows on such a value, so the bodies are written as text.
      const calls: [string, string][] = [
        ['/api/process-instances', `{"processKey":"deep-target","variables":{"kode":"aa","x":${deep(5000)}}}`],
        [`/api/tasks/${task.id}/complete`, `{"variables":{"kode":"aa","x":${deep(5000)}}}`],
        ['/api/messages', `{"name":"apa","variables":{"x":${deep(5000)}}}`],
        [`/api/process-instances/${started.body.id}/cancel`, deep(5000)],
      ];
      for (const [path, body] of calls) {
        const res = await api.http.post(path).set(bearer(analyst)).set('Accept-Language', 'id').set('content-type', 'application/json').send(body);
        expect(res.status, path).to.equal(400);
        expect(res.body.detail, path).to.equal('Isi permintaan bersarang lebih dari 32 tingkat objek dan daftar; kirim data yang lebih datar.');
      }
      const english = await api.http.post(calls[0][0]).set(bearer(analyst)).set('content-type', 'application/json').send(calls[0][1]).expect(400);
      expect(english.body.errors).to.deep.equal([{ message: 'The request body nests objects and lists more than 32 levels deep; send flatter data.' }]);
      expect(await countRows()).to.deep.equal(before);
      const task2 = (await api.http.get(`/api/tasks/${task.id}`).set(bearer(analyst)).expect(200)).body;
      expect(task2.state).to.not.equal('completed');
    });

    it('given a body exactly 32 levels deep, when sent, then it is read as before', async () => {
      await deploy(gatewayOn('deep-free', 'true'), 'deep-free').expect(201);
      const res = await api.http.post('/api/process-instances').set(bearer(analyst)).set('content-type', 'application/json')
        .send(`{"processKey":"deep-free","variables":{"x":${deep(30)}}}`);
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
    });
  });

  describe('self-calling processes', () => {
    /** A process whose call activity calls `callee` (a literal id, or FEEL), then ends. */
    const caller = (id: string, callee: string, call = 'Panggil') => `<bpmn:process id="${id}" isExecutable="true">
      <bpmn:startEvent id="${id}-s" /><bpmn:callActivity id="${call}"><bpmn:extensionElements><zeebe:calledElement processId="${callee}" propagateAllChildVariables="false" /></bpmn:extensionElements></bpmn:callActivity>
      <bpmn:endEvent id="${id}-e" /><bpmn:sequenceFlow id="${id}-f0" sourceRef="${id}-s" targetRef="${call}" /><bpmn:sequenceFlow id="${id}-f1" sourceRef="${call}" targetRef="${id}-e" /></bpmn:process>`;
    const file = (...processes: string[]) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://alur.example/test">${processes.join('')}</bpmn:definitions>`);

    it('given a call activity calling its own process by a literal id, when deployed, then it is a 400 naming the call activity, in the language asked for, and nothing is deployed', async () => {
      const res = await deploy(file(caller('ulang', 'ulang')), 'ulang').set('Accept-Language', 'id').expect(400);
      expect(res.body.errors).to.deep.equal([{ element: 'Panggil', message: 'Call activity Panggil memanggil prosesnya sendiri ulang: setiap mulai akan memulai yang lain tanpa akhir.', key: 'budget.calls-itself' }]);
      const english = await deploy(file(caller('ulang', 'ulang')), 'ulang').expect(400);
      expect(english.body.errors[0].message).to.equal('Call activity Panggil calls its own process ulang: every start would start another without end.');
      await api.http.get('/api/process-definitions?key=ulang').set(bearer(analyst)).expect(200).expect((r) => expect(r.body.total).to.equal(0));
    });

    it('given two processes of one file calling each other by literal ids, when deployed, then both call activities are named', async () => {
      const res = await deploy(file(caller('pingpong-a', 'pingpong-b', 'PanggilB'), caller('pingpong-b', 'pingpong-a', 'PanggilA')), 'pingpong').expect(400);
      expect(res.body.errors.map((e: { element: string; message: string }) => [e.element, e.message])).to.deep.equal([
        ['PanggilB', 'Call activity PanggilB calls pingpong-b, which calls pingpong-a again in this file: every start would start another without end.'],
        ['PanggilA', 'Call activity PanggilA calls pingpong-a, which calls pingpong-b again in this file: every start would start another without end.'],
      ]);
    });

    it('given a process calling itself through a FEEL id, when a case starts, then it nests 20 deep and the call past that is a call-depth incident; nothing else of the tenant waits on it', async () => {
      await deploy(file(caller('ulang-feel', '=namaProses')), 'ulang-feel').expect(201);
      const started = await api.http.post('/api/process-instances').set(bearer(analyst)).send({ processKey: 'ulang-feel', variables: { namaProses: 'ulang-feel' } }).expect(201);
      const cases = await api.http.get('/api/process-instances?processKey=ulang-feel&limit=100').set(bearer(analyst)).expect(200);
      expect(cases.body.total).to.equal(21);
      const incidents = (await api.http.get('/api/incidents?limit=100').set(bearer(analyst)).expect(200)).body.items.filter((i: { type: string }) => i.type === 'call-depth');
      expect(incidents).to.have.length(1);
      expect(incidents[0].elementId).to.equal('Panggil');
      expect(incidents[0].message).to.match(/^Panggil would start ulang-feel 21 calls deep; a case nests called processes at most 20 deep \(ALUR_MAX_CALL_DEPTH\)$/);
      expect(incidents[0].processInstanceId).to.not.equal(started.body.id);
    });
  });

  /** Rows of what a request could have changed. */
  async function countRows() {
    const k = api.db.knex;
    return Promise.all(['process_instance', 'user_task', 'history', 'incident'].map(async (t) => [t, Number((await k(t).count('* as n').first())!.n)]));
  }
});
