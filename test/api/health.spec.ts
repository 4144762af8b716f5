/**
 * /health tells a load balancer the truth about the database: 200 while it answers, 503 once it
 * stops answering (connections cut and refused, or closed), and 200 again once it is back —
 * without credentials in the answer.
 */
import { expect } from 'chai';
import knexPkg from 'knex';
import { forEachBackend } from '../store/backends.js';
import { openApi, type Api } from './harness.js';

forEachBackend('api: /health and the database', (backend) => {
  let api: Api;
  beforeEach(async () => { api = await openApi(backend); });
  afterEach(async () => { await api.close().catch(() => {}); });

  it('given the database answers, when /health is asked, then 200 ok naming the database without credentials', async () => {
    const res = await api.http.get('/health');
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ok');
    expect(res.body.database).to.be.a('string').and.not.match(/@|password/);
  });

  it('given the database stops answering, when /health is asked, then 503 unavailable, and 200 again once it is back', async () => {
    if (backend.name === 'postgres') {
      // The server is up but refuses this database: existing connections are cut, new ones refused.
      const name: string = (await api.db.knex.raw('select current_database() as d')).rows[0].d;
      const admin = knexPkg.knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 1 } });
      try {
        await admin.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.raw('select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()', [name]);
        const down = await api.http.get('/health');
        expect(down.status).to.equal(503);
        expect(down.body).to.include({ status: 'unavailable' });
        expect(down.body.database).to.not.match(/@|password/);
        await admin.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        let back = 0;
        for (let i = 0; i < 20 && back !== 200; i++) back = (await api.http.get('/health')).status;
        expect(back, 'after the database came back').to.equal(200);
      } finally {
        await admin.raw(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => {});
        await admin.destroy();
      }
    } else {
      await api.db.close();
      const down = await api.http.get('/health');
      expect(down.status).to.equal(503);
      expect(down.body).to.include({ status: 'unavailable' });
    }
  });
});
