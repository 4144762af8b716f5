/** Operating running cases (API.md 1.1): variables changed by a person, with a reason, in history with old and new values. */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { bearer, type Api } from './harness.js';
import { operatingScene, REVIEW } from './operating-support.js';

forEachBackend('api: operating running cases — variables', (backend) => {
  const scene = operatingScene(backend);
  const { tenantWithPeople, deploy, start } = scene;
  let api: Api;
  before(() => { api = scene.api; });

  it('lets an analyst change variables with a reason, recorded with the user, the names and the old and new values; staff 403, another tenant 404', async () => {
    const { analyst, staff, other } = await tenantWithPeople();
    await deploy(analyst, REVIEW('Periksa'), 'izin.bpmn');
    const inst = await start(analyst, 'izin-usaha', 'PBG/9', { luas: 120, pemohon: 'Siti' });

    const res = await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: { luas: 150, catatan: 'diukur ulang' }, reason: 'Salah ketik luas bangunan' });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.variables).to.deep.equal({ luas: 150, pemohon: 'Siti', catatan: 'diukur ulang' });
    expect(res.body.activeElements).to.deep.equal(['Review']);
    const history = (await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(analyst))).body.items as { type: string; user?: string; data?: unknown }[];
    const changed = history.filter((h) => h.type === 'variables.changed');
    expect(changed).to.have.length(1);
    expect(changed[0].user).to.match(/^ana-/);
    expect(changed[0].data).to.deep.equal({ names: ['luas', 'catatan'], changes: [{ name: 'luas', old: 120, new: 150 }, { name: 'catatan', new: 'diukur ulang' }], reason: 'Salah ketik luas bangunan' });
    // The case's history is the tenant's own: another tenant does not read it.
    expect((await api.http.get(`/api/process-instances/${inst.id}/history`).set(bearer(other))).status).to.equal(404);

    const before = (await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body;
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(staff)).send({ variables: { luas: 1 } })).status).to.equal(403);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(other)).send({ variables: { luas: 1 } })).status).to.equal(404);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: {} })).status).to.equal(400);
    expect((await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ luas: 1 })).status).to.equal(400);
    expect((await api.http.get(`/api/process-instances/${inst.id}`).set(bearer(analyst))).body.variables).to.deep.equal(before.variables);

    await api.http.post(`/api/process-instances/${inst.id}/cancel`).set(bearer(analyst)).expect(200);
    const ended = await api.http.patch(`/api/process-instances/${inst.id}/variables`).set(bearer(analyst)).send({ variables: { luas: 1 } });
    expect(ended.status).to.equal(409);
  });
});
