/**
 * The ceiling of Alur's own stack, for bench/api/run.ts: an express server whose one endpoint runs
 * pgbench -N's transaction (update an account, read it, append history) through knex — the same
 * HTTP server, JSON parsing, query builder and driver the engine uses, with no engine at all.
 * Whatever this reaches is the most any command of the engine could reach on this machine.
 *   DATABASE_URL=<a pgbench -i database> PORT=<port> npx tsx bench/api/bare-server.ts
 */
import express from 'express';
import knexPkg from 'knex';

const knex = knexPkg.knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 40 } });
const app = express();
app.use(express.json());
app.post('/tx', async (req, res) => {
  const aid = 1 + Math.floor(Math.random() * 100_000);
  const delta = Math.floor(Math.random() * 10_001) - 5000;
  const balance = await knex.transaction(async (trx) => {
    await trx('pgbench_accounts').where({ aid }).increment('abalance', delta);
    const row = await trx('pgbench_accounts').where({ aid }).first('abalance');
    await trx('pgbench_history').insert({ tid: 1 + (aid % 10), bid: 1, aid, delta, mtime: new Date() });
    return row.abalance as number;
  });
  res.json({ aid, balance });
});
app.get('/health', (_req, res) => { res.json({ ok: true }); });
const server = app.listen(Number(process.env.PORT));
process.on('SIGTERM', () => server.close(() => knex.destroy().then(() => process.exit(0))));
