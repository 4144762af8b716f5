import { expect } from 'chai';
import type { Knex } from 'knex';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { WriteBatch } from '../../engine/store/write-batch.js';

forEachBackend('store: write batch', (backend) => {
  let db: Database;
  let statements: string[] = [];
  before(async () => {
    db = await backend.open({ migrate: false });
    await db.knex.schema.createTable('wb_a', (t) => { t.integer('id').primary(); t.text('v'); });
    await db.knex.schema.createTable('wb_b', (t) => { t.integer('id').primary(); t.text('v'); });
    db.knex.on('query', (q: { sql: string }) => statements.push(q.sql));
  });
  after(() => db.close());
  beforeEach(async () => {
    await db.knex('wb_a').delete();
    await db.knex('wb_b').delete();
    statements = [];
  });
  const rows = async (k: Knex, table: string) => (await k(table).select('id', 'v').orderBy('id')).map((r: { id: number; v: string }) => `${r.id}:${r.v}`);

  it('given writes to different tables, when flushed, then they go as one statement and all land', async () => {
    const batch = new WriteBatch(db.knex);
    await batch.add('wb_a', db.knex('wb_a').insert({ id: 1, v: 'x' }));
    await batch.add('wb_b', db.knex('wb_b').insert([{ id: 1, v: 'y' }, { id: 2, v: 'z' }]));
    expect(statements).to.have.length(0);
    await batch.flush();
    expect(statements).to.have.length(1);
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:x']);
    expect(await rows(db.knex, 'wb_b')).to.deep.equal(['1:y', '2:z']);
  });

  it('given a second write to a table already in the batch, then the first is sent before, so the second sees it', async () => {
    const batch = new WriteBatch(db.knex);
    await batch.add('wb_a', db.knex('wb_a').insert({ id: 1, v: 'open' }));
    await batch.add('wb_b', db.knex('wb_b').insert({ id: 1, v: 'y' }));
    await batch.add('wb_a', db.knex('wb_a').where({ id: 1, v: 'open' }).update({ v: 'closed' }));
    expect(statements).to.have.length(1);
    await batch.flush();
    expect(statements).to.have.length(2);
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:closed']);
  });

  it('given parts with checks, then each check gets the number of rows its part changed', async () => {
    await db.knex('wb_a').insert([{ id: 1, v: 'a' }, { id: 2, v: 'a' }]);
    const batch = new WriteBatch(db.knex);
    const seen: Record<string, number> = {};
    await batch.add('wb_a', db.knex('wb_a').where({ v: 'a' }).update({ v: 'b' }), (n) => { seen.a = n; });
    await batch.add('wb_b', db.knex('wb_b').where({ id: 99 }).update({ v: 'never' }), (n) => { seen.b = n; });
    await batch.flush();
    expect(seen).to.deep.equal({ a: 2, b: 0 });
    const single = new WriteBatch(db.knex);
    await single.add('wb_a', db.knex('wb_a').where({ id: 1 }).delete(), (n) => { seen.single = n; });
    await single.flush();
    expect(seen.single).to.equal(1);
  });

  it('given a check that throws inside a transaction, then nothing of the batch stays', async () => {
    const failed = await db.knex.transaction(async (trx) => {
      const batch = new WriteBatch(trx);
      await batch.add('wb_a', trx('wb_a').insert({ id: 7, v: 'x' }));
      await batch.add('wb_b', trx('wb_b').where({ id: 1 }).update({ v: 'y' }), (n) => { if (n !== 1) throw new Error('row moved on'); });
      await batch.flush();
    }).then(() => undefined, (err: Error) => err.message);
    expect(failed).to.equal('row moved on');
    expect(await rows(db.knex, 'wb_a')).to.deep.equal([]);
  });
});
