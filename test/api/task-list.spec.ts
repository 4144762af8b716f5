/**
 * The inbox list on the server: `sort` (dueDate, priority, createdAt) and `order` with nulls last
 * and an id tie-break (so paging never repeats or skips a task), and `q`, a case-insensitive
 * substring of business key, process key and task name that only narrows what the caller may see
 * — never another tenant's tasks nor tasks of other groups. Also GET /api/forms/{formId}.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, bpmnFile, deployApproval, APPROVAL_FORM, T0, type Api } from './harness.js';

interface Listed { id: string; businessKey: string; processKey: string; name: string; dueDate: string | null; priority: number; createdAt: string }

/** A candidate task for `loket` whose due date and priority come from the start variables. */
const DUE = bpmnFile('berkas-masuk', `
  <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
  <bpmn:userTask id="T" name="Periksa Berkas"><bpmn:extensionElements><zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="loket" /><zeebe:taskSchedule dueDate="=due" /><zeebe:priorityDefinition priority="=prio" />
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />`);
/** The same without a due date (those sort last). */
const NO_DUE = bpmnFile('surat-keluar', `
  <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T" />
  <bpmn:userTask id="T" name="Tandatangani Surat"><bpmn:extensionElements><zeebe:userTask />
    <zeebe:assignmentDefinition candidateGroups="loket" /><zeebe:priorityDefinition priority="=prio" />
  </bpmn:extensionElements></bpmn:userTask>
  <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E" /><bpmn:endEvent id="E" />`);

/** [business key, process, due day or null, priority, minutes after T0 created] — with ties on every key. */
const CASES: [string, 'berkas-masuk' | 'surat-keluar', number | null, number, number][] = [
  ['SP-001', 'berkas-masuk', 3, 50, 0], ['SP-002', 'berkas-masuk', 1, 70, 1], ['SP-003', 'surat-keluar', null, 50, 1],
  ['IZN-100%', 'berkas-masuk', 2, 90, 2], ['IZN_200', 'berkas-masuk', 1, 50, 3], ['IZNX200', 'surat-keluar', null, 70, 3],
  ['sp-010', 'berkas-masuk', 5, 10, 4], ['KTP\\7', 'surat-keluar', null, 90, 5],
];

forEachBackend('api: task list sort, search and paging', (backend) => {
  let api: Api;
  let s: { tenant: string; other: string; staff: string; outsider: string; analyst: string; otherAnalyst: string; otherStaff: string };
  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    const other = await makeTenant(api);
    s = {
      tenant, other,
      analyst: await makeUser(api, tenant, uname('ana'), ['analyst']),
      staff: await makeUser(api, tenant, uname('loket'), ['staff'], ['loket']),
      outsider: await makeUser(api, tenant, uname('keu'), ['staff'], ['keuangan']),
      otherAnalyst: await makeUser(api, other, uname('anaB'), ['analyst']),
      otherStaff: await makeUser(api, other, uname('loketB'), ['staff'], ['loket']),
    };
    for (const token of [s.analyst, s.otherAnalyst]) {
      await api.http.post('/api/deployments').set(bearer(token)).attach('a', DUE, 'due.bpmn').attach('b', NO_DUE, 'nodue.bpmn').expect(201);
    }
    for (const [businessKey, processKey, day, prio, minute] of CASES) {
      api.clock.pin(new Date(T0.getTime() + minute * 60_000));
      const variables = { prio, ...(day === null ? {} : { due: `2026-12-${String(10 + day).padStart(2, '0')}T08:00:00Z` }) };
      await api.http.post('/api/process-instances').set(bearer(s.analyst)).send({ processKey, businessKey, variables }).expect(201);
      // The other tenant holds look-alikes of every task: a search must never reach them.
      await api.http.post('/api/process-instances').set(bearer(s.otherAnalyst)).send({ processKey, businessKey, variables }).expect(201);
    }
    api.clock.pin(T0);
  });
  after(async () => { await api.close(); });

  async function list(token: string, query: string): Promise<{ items: Listed[]; total: number }> {
    const res = await api.http.get(`/api/tasks?${query}`).set(bearer(token));
    expect(res.status, `${query}: ${JSON.stringify(res.body)}`).to.equal(200);
    return res.body;
  }
  const keys = (page: { items: Listed[] }) => page.items.map((t) => t.businessKey);

  /** The expected order by the definition: key, then id, both in the direction asked; no due date last. */
  function expected(items: Listed[], pick: (t: Listed) => number | null, order: 'asc' | 'desc'): string[] {
    const sign = order === 'asc' ? 1 : -1;
    const byId = (a: Listed, b: Listed) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); // uuid order is hex order
    return [...items].sort((a, b) => {
      const [x, y] = [pick(a), pick(b)];
      if (x === null || y === null) return x === y ? sign * byId(a, b) : x === null ? 1 : -1;
      return x !== y ? sign * (x - y) : sign * byId(a, b);
    }).map((t) => t.businessKey);
  }
  const pickers: Record<string, (t: Listed) => number | null> = {
    dueDate: (t) => (t.dueDate ? Date.parse(t.dueDate) : null), priority: (t) => t.priority, createdAt: (t) => Date.parse(t.createdAt),
  };

  it('sorts by due date, priority and creation in both directions, ties by id, no due date last', async () => {
    const all = (await list(s.staff, 'filter=candidate&limit=500')).items;
    expect(all).to.have.length(CASES.length);
    for (const sort of ['dueDate', 'priority', 'createdAt']) {
      for (const order of ['asc', 'desc'] as const) {
        const page = await list(s.staff, `filter=candidate&sort=${sort}&order=${order}`);
        expect(keys(page), `${sort} ${order}`).to.deep.equal(expected(all, pickers[sort], order));
      }
    }
    // Concretely: the earliest deadline first, the three without one at the end in either direction
    const byDue = keys(await list(s.staff, 'filter=candidate&sort=dueDate&order=asc'));
    expect(byDue.slice(0, 2).sort()).to.deep.equal(['IZN_200', 'SP-002']);
    expect(byDue.slice(5).sort()).to.deep.equal(['IZNX200', 'KTP\\7', 'SP-003']);
    expect(keys(await list(s.staff, 'filter=candidate&sort=dueDate&order=desc')).slice(5).sort()).to.deep.equal(['IZNX200', 'KTP\\7', 'SP-003']);
    // Without sort or order: oldest first
    expect(keys(await list(s.staff, 'filter=candidate'))).to.deep.equal(expected(all, pickers.createdAt, 'asc'));
  });

  it('pages through every order without repeating or skipping a task', async () => {
    for (const sort of ['dueDate', 'priority', 'createdAt']) {
      for (const order of ['asc', 'desc']) {
        const whole = await list(s.analyst, `filter=all&sort=${sort}&order=${order}`);
        const paged: string[] = [];
        for (let offset = 0; offset < whole.total; offset += 3) {
          const page = await list(s.analyst, `filter=all&sort=${sort}&order=${order}&limit=3&offset=${offset}`);
          expect(page.total).to.equal(CASES.length);
          paged.push(...page.items.map((t) => t.id));
        }
        expect(paged, `${sort} ${order}`).to.deep.equal(whole.items.map((t) => t.id));
        expect(new Set(paged).size).to.equal(CASES.length);
      }
    }
  });

  it('searches business key, process key and task name, case-insensitively, with wildcards taken literally', async () => {
    const search = async (q: string, token = s.staff) => keys(await list(token, `filter=candidate&sort=createdAt&q=${encodeURIComponent(q)}`)).sort();
    expect(await search('sp-0')).to.deep.equal(['SP-001', 'SP-002', 'SP-003', 'sp-010']);
    expect(await search('  SP-01  ')).to.deep.equal(['sp-010']);
    expect(await search('surat-KELUAR')).to.deep.equal(['IZNX200', 'KTP\\7', 'SP-003']);
    expect(await search('periksa berkas')).to.deep.equal(['IZN-100%', 'IZN_200', 'SP-001', 'SP-002', 'sp-010']);
    expect(await search('IZN_')).to.deep.equal(['IZN_200']);
    expect(await search('%')).to.deep.equal(['IZN-100%']);
    expect(await search('\\')).to.deep.equal(['KTP\\7']);
    expect(await search('tidak-ada')).to.deep.equal([]);
    // A match never spans two fields (business key SP-001 ends where process key berkas-masuk begins)
    expect(await search('001berkas')).to.deep.equal([]);
    const counted = await list(s.staff, 'filter=candidate&q=sp-0&limit=1');
    expect(counted.total).to.equal(4);
    expect(counted.items).to.have.length(1);
  });

  it('a search narrows only what the caller may see: not other groups, never another tenant', async () => {
    expect(await list(s.outsider, 'filter=all&q=SP')).to.deep.equal({ items: [], total: 0 });
    expect(await list(s.outsider, 'filter=candidate&q=berkas')).to.deep.equal({ items: [], total: 0 });
    const ours = new Set((await list(s.analyst, 'filter=all&limit=500')).items.map((t) => t.id));
    const theirs = await list(s.otherStaff, 'filter=candidate&q=SP-00');
    expect(theirs.total).to.equal(3);
    for (const task of theirs.items) expect(ours.has(task.id)).to.equal(false);
    const hit = await list(s.analyst, 'filter=all&q=KTP');
    expect(hit.total).to.equal(1);
    expect(ours.has(hit.items[0].id)).to.equal(true);
  });

  it('refuses an unknown sort or order, an overlong search and control characters with 400', async () => {
    for (const query of ['sort=name', 'order=up', `q=${'x'.repeat(101)}`, 'q=SP%00', 'q=SP%1Fberkas', 'q=a&q=b']) {
      const res = await api.http.get(`/api/tasks?${query}`).set(bearer(s.staff));
      expect(res.status, query).to.equal(400);
      expect(res.type).to.equal('application/problem+json');
    }
    expect((await api.http.get(`/api/tasks?q=${'x'.repeat(100)}`).set(bearer(s.staff))).status).to.equal(200);
  });
});

forEachBackend('api: deployed forms', (backend) => {
  let api: Api;
  before(async () => { api = await openApi(backend); });
  after(async () => { await api.close(); });

  it('answers the latest version of a form to analysts and admins of its tenant only', async () => {
    const tenant = await makeTenant(api);
    const analyst = await makeUser(api, tenant, uname('ana'), ['analyst']);
    const admin = await makeUser(api, tenant, uname('adm'), ['admin']);
    const staff = await makeUser(api, tenant, uname('staff'), ['staff'], ['verifikator']);
    const other = await makeTenant(api);
    const otherAnalyst = await makeUser(api, other, uname('anaB'), ['analyst']);
    await deployApproval(api, analyst);

    // Given a second version of the form
    const form = JSON.parse(readFileSync(APPROVAL_FORM, 'utf8'));
    const v2 = { ...form, components: [...form.components, { id: 'Field_Extra', key: 'extra', label: 'Tambahan', type: 'textfield' }] };
    const dep = await api.http.post('/api/deployments').set(bearer(analyst)).attach('f', Buffer.from(JSON.stringify(v2)), 'review.form');
    expect(dep.status).to.equal(201);

    for (const token of [analyst, admin]) {
      const res = await api.http.get('/api/forms/review-request').set(bearer(token));
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ id: dep.body.forms[0].id, formId: 'review-request', version: 2 });
      expect(res.body.schema).to.deep.equal(v2);
    }
    // Staff may not read forms this way; another tenant and unknown ids are not found
    expect((await api.http.get('/api/forms/review-request').set(bearer(staff))).status).to.equal(403);
    for (const [token, path] of [[otherAnalyst, '/api/forms/review-request'], [analyst, '/api/forms/no-such-form'], [analyst, `/api/forms/${'x'.repeat(300)}`]]) {
      const res = await api.http.get(path).set(bearer(token));
      expect(res.status, path.slice(0, 40)).to.equal(404);
      expect(res.type).to.equal('application/problem+json');
    }
  });

  it('is in the OpenAPI document with a free-text form id', async () => {
    const doc = (await api.http.get('/api/openapi.json')).body;
    const op = doc.paths['/api/forms/{formId}'].get;
    expect(op.parameters).to.deep.equal([{ name: 'formId', in: 'path', required: true, schema: { type: 'string' } }]);
    const tasks = doc.paths['/api/tasks'].get.parameters.map((p: { name: string }) => p.name);
    expect(tasks).to.include.members(['sort', 'order', 'q']);
  });
});
