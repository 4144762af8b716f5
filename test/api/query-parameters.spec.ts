/**
 * Query parameters are checked by ajv from each route's declaration (engine/api/route.ts), the one
 * place their enums, bounds and defaults are written: a value that does not fit, or a parameter
 * given twice, is a 400 naming it, in the body errors' shape ({ path, message }) and the reader's
 * language; a malformed id still matches nothing (an empty list), as before.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from './harness.js';

forEachBackend('api: query parameters checked from the route declaration', (backend) => {
  let api: Api;
  let analyst: string;
  before(async () => {
    api = await openApi(backend);
    const tenant = await makeTenant(api);
    analyst = await makeUser(api, tenant, uname('analis'), ['analyst']);
  });
  after(() => api.close());

  const get = (path: string, lang = 'en') => api.http.get(path).set(bearer(analyst)).set('Accept-Language', lang);

  it('given a value outside a declared enum, then 400 names the parameter and the allowed values', async () => {
    const res = await get('/api/tasks?state=done');
    expect(res.status).to.equal(400);
    expect(res.body.detail).to.equal('Invalid query parameter state.');
    expect(res.body.errors).to.deep.equal([{ path: 'state', message: 'state must be one of open, completed or cancelled' }]);
  });

  it('given the same request in Indonesian, then the message is Indonesian', async () => {
    const res = await get('/api/incidents?state=done', 'id');
    expect(res.status).to.equal(400);
    expect(res.body.detail).to.equal('Parameter kueri state tidak sah.');
    expect(res.body.errors).to.deep.equal([{ path: 'state', message: 'state harus salah satu dari open atau resolved' }]);
  });

  it('given bad paging, a bad boolean, a bad date and a repeated parameter, then each is named once', async () => {
    const res = await get('/api/process-instances?limit=0&hasIncident=maybe&startedAfter=kemarin&processKey=a&processKey=b');
    expect(res.status).to.equal(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['hasIncident', 'limit', 'processKey', 'startedAfter']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'limit').message).to.equal('limit must be at least 1');
    expect(res.body.errors.find((e: { path: string }) => e.path === 'processKey').message).to.equal('processKey must be given once');
    expect(res.body.errors.find((e: { path: string }) => e.path === 'startedAfter').message).to.equal('startedAfter must be an ISO 8601 date (YYYY-MM-DD) or an ISO 8601 date-time');
  });

  it('given the definitions list a repeated key and a latest that is not a boolean, then 400 names both (declared with the route)', async () => {
    const res = await get('/api/process-definitions?key=a&key=b&latest=ya', 'id');
    expect(res.status).to.equal(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['key', 'latest']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'key').message).to.equal('key hanya boleh diberikan sekali');
    expect((await get('/api/process-definitions?key=tidak-ada&latest=true&counts=false&limit=5')).body).to.deep.equal({ items: [], total: 0 });
  });

  it('given control characters in the inbox search, then 400 names q', async () => {
    const res = await get('/api/tasks?q=a%00b');
    expect(res.status).to.equal(400);
    expect(res.body.errors).to.deep.equal([{ path: 'q', message: 'q contains characters that are not allowed' }]);
  });

  it('given valid values, defaults and a malformed id, then the lists answer (the id matches nothing)', async () => {
    expect((await get('/api/tasks?state=completed&sort=dueDate&order=desc&limit=5')).status).to.equal(200);
    expect((await get('/api/process-instances?startedAfter=2026-12-02&hasIncident=false&version=2')).status).to.equal(200);
    expect((await get('/api/process-instances?processDefinitionId=not-a-uuid')).body).to.deep.equal({ items: [], total: 0 });
    expect((await get('/api/incidents?processInstanceId=nope')).body).to.deep.equal({ items: [], total: 0 });
  });
});
