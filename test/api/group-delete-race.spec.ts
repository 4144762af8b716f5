/**
 * Deleting a group while a member is being added to it, on PostgreSQL (two connections; PGlite has
 * one, so nothing there can interleave). Either order ends consistently: a delete that comes
 * second waits for the member and answers 409 — before, it had counted no member and its delete
 * cascaded over the new membership once it committed — and a member added second waits for the
 * delete and creates the group again, instead of failing on the vanished group.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { backends } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, T0, type Api } from './harness.js';
import { ensureGroups, addMemberships } from '../../engine/store/users.js';

/** Resolves once some statement of this database waits for a lock (polled: no timed sleep decides). */
async function someoneWaits(knex: Knex): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await knex.raw("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('no statement ever waited for a lock');
}

for (const backend of backends().filter((b) => b.name === 'postgres')) {
  describe(`api: deleting a group while a member is added [${backend.name}]`, function () {
    this.timeout(60_000);
    let api: Api;
    before(async () => { api = await openApi(backend); });
    after(async () => { await api.close(); });

    it('given a member being added, when the group is deleted meanwhile, then the delete waits and answers 409 and the member stays', async () => {
      const tenant = await makeTenant(api);
      const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
      const siti = uname('siti');
      await makeUser(api, tenant, siti, ['staff']);
      await api.http.post('/api/groups').set(bearer(admin)).send({ id: 'seksi-pbg' }).expect(201);
      const user = await api.db.knex('app_user').where({ username: siti }).first();

      const adding = await api.db.knex.transaction();
      try {
        await ensureGroups(adding, tenant, ['seksi-pbg'], T0);
        await addMemberships(adding, user.id, tenant, ['seksi-pbg']);
        const deleting = api.http.delete('/api/groups/seksi-pbg').set(bearer(admin)).then((r) => r);
        await someoneWaits(api.db.knex);
        await adding.commit();
        const answer = await deleting;
        expect(answer.status).to.equal(409);
        expect(answer.body.detail).to.match(/still in use \(1 members/);
      } finally {
        if (!adding.isCompleted()) await adding.rollback();
      }
      const members = await api.http.get(`/api/users?group=seksi-pbg`).set(bearer(admin)).expect(200);
      expect(members.body.items.map((u: { username: string }) => u.username)).to.deep.equal([siti]);
    });

    it('given a group being deleted, when a member is added meanwhile, then the change waits and creates the group again with the member', async () => {
      const tenant = await makeTenant(api);
      const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
      const budi = uname('budi');
      await makeUser(api, tenant, budi, ['staff']);
      await api.http.post('/api/groups').set(bearer(admin)).send({ id: 'seksi-tata-ruang', name: 'Seksi Tata Ruang' }).expect(201);

      // What removeGroup does, held open: the group locked for update, checked unused, deleted.
      const deleting = await api.db.knex.transaction();
      try {
        await deleting('user_group').where({ tenant_id: tenant, name: 'seksi-tata-ruang' }).forUpdate().first();
        const adding = api.http.patch(`/api/users/${budi}`).set(bearer(admin)).send({ groups: ['seksi-tata-ruang'] }).then((r) => r);
        await someoneWaits(api.db.knex);
        await deleting('user_group').where({ tenant_id: tenant, name: 'seksi-tata-ruang' }).delete();
        await deleting.commit();
        const answer = await adding;
        expect(answer.status).to.equal(200);
        expect(answer.body.groups).to.deep.equal(['seksi-tata-ruang']);
      } finally {
        if (!deleting.isCompleted()) await deleting.rollback();
      }
      const groups = await api.http.get('/api/groups').set(bearer(admin)).expect(200);
      expect(groups.body.items.find((g: { id: string }) => g.id === 'seksi-tata-ruang')).to.deep.equal({ id: 'seksi-tata-ruang', name: 'seksi-tata-ruang', parent: null, members: 1 });
      const audit = await api.http.get('/api/audit?objectType=group&objectId=seksi-tata-ruang').set(bearer(admin)).expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).to.deep.equal(['created', 'created']);
    });

    it('given a group being deleted, when a group is created under it meanwhile, then the creation waits and is refused as having no parent', async () => {
      const tenant = await makeTenant(api);
      const admin = await makeUser(api, tenant, uname('admin'), ['admin']);
      await api.http.post('/api/groups').set(bearer(admin)).send({ id: 'bidang-perizinan' }).expect(201);
      const deleting = await api.db.knex.transaction();
      try {
        await deleting('user_group').where({ tenant_id: tenant, name: 'bidang-perizinan' }).forUpdate().first();
        const creating = api.http.post('/api/groups').set(bearer(admin)).send({ id: 'seksi-izin', parent: 'bidang-perizinan' }).then((r) => r);
        await someoneWaits(api.db.knex);
        await deleting('user_group').where({ tenant_id: tenant, name: 'bidang-perizinan' }).delete();
        await deleting.commit();
        const answer = await creating;
        expect(answer.status).to.equal(400);
        expect(answer.body.errors[0].path).to.equal('parent');
      } finally {
        if (!deleting.isCompleted()) await deleting.rollback();
      }
    });
  });
}
