import { expect } from 'chai';
import type { Knex } from 'knex';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { WriteBatch, NeedsTransaction } from '../../engine/store/write-batch.js';
import { migrateToLatest } from '../../engine/store/database.js';

forEachBackend('store: write batch', (backend) => {
  let db: Database;
  let statements: string[] = [];
  before(async () => {
    db = await backend.open({ migrate: false });
    await migrateToLatest(db.knex); // alur_assert
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

  it('given inserts into one table, or writes naming different rows, then they share a statement; the same rows do not', async () => {
    await db.knex('wb_a').insert([{ id: 1, v: 'a' }, { id: 2, v: 'a' }]);
    statements = [];
    const batch = new WriteBatch(db.knex);
    await batch.add('wb_b', db.knex('wb_b').insert({ id: 1, v: 'x' }), { insert: true });
    await batch.add('wb_b', db.knex('wb_b').insert({ id: 2, v: 'y' }), { insert: true });
    await batch.add('wb_a', db.knex('wb_a').where({ id: 1 }).update({ v: 'b' }), { rows: '1' });
    await batch.add('wb_a', db.knex('wb_a').where({ id: 2 }).update({ v: 'c' }), { rows: '2' });
    expect(statements).to.have.length(0);
    await batch.add('wb_a', db.knex('wb_a').where({ id: 2 }).update({ v: 'd' }), { rows: '2' });
    expect(statements).to.have.length(1);
    await batch.flush();
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:b', '2:d']);
    expect(await rows(db.knex, 'wb_b')).to.deep.equal(['1:x', '2:y']);
  });

  it('given a part that must change one row and changes none, then the whole statement is undone and its error thrown, even outside a transaction', async () => {
    await db.knex('wb_a').insert({ id: 1, v: 'version-3' });
    const batch = new WriteBatch(db.knex);
    await batch.add('wb_b', db.knex('wb_b').insert({ id: 1, v: 'history' }), { insert: true });
    await batch.add('wb_a', db.knex('wb_a').where({ id: 1, v: 'version-2' }).update({ v: 'version-3b' }), { expectOne: { what: 'row 1 at version 2', fails: () => new Error('row 1 moved on') } });
    const failed = await batch.flush().then(() => 'flushed', (err: Error) => err.message);
    expect(failed).to.equal('row 1 moved on');
    expect(await rows(db.knex, 'wb_b')).to.deep.equal([]);
    const ok = new WriteBatch(db.knex);
    await ok.add('wb_a', db.knex('wb_a').where({ id: 1, v: 'version-3' }).update({ v: 'version-4' }), { expectOne: { what: 'row 1 at version 3', fails: () => new Error('never') } });
    await ok.flush();
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:version-4']);
  });

  it('given a deferred batch, then nothing is sent before finish, and a write that needs a second statement throws NeedsTransaction having sent nothing', async () => {
    const deferred = new WriteBatch(db.knex, true);
    await deferred.add('wb_a', db.knex('wb_a').insert({ id: 1, v: 'x' }), { insert: true });
    await deferred.flush();
    expect(statements).to.have.length(0);
    await deferred.finish();
    expect(statements).to.have.length(1);
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:x']);

    const conflicting = new WriteBatch(db.knex, true);
    await conflicting.add('wb_a', db.knex('wb_a').where({ id: 1 }).update({ v: 'y' }));
    const refused = await conflicting.add('wb_a', db.knex('wb_a').where({ id: 1 }).update({ v: 'z' })).then(() => 'queued', (err: Error) => err);
    expect(refused).to.be.instanceOf(NeedsTransaction);
    const afterStep = new WriteBatch(db.knex, true);
    await afterStep.add('wb_a', db.knex('wb_a').where({ id: 1 }).update({ v: 'y' }));
    await afterStep.flush(); // a step ended; a read may follow, so nothing more may join
    expect(await afterStep.add('wb_b', db.knex('wb_b').insert({ id: 9, v: 'late' }), { insert: true }).then(() => 'queued', (err: Error) => err)).to.be.instanceOf(NeedsTransaction);
    const lost = new WriteBatch(db.knex, true);
    await lost.add('wb_a', db.knex('wb_a').where({ id: 1, v: 'stale' }).update({ v: 'w' }), { expectOne: { what: 'row 1 as read', fails: () => new Error('not in deferred mode') } });
    expect(await lost.finish().then(() => 'sent', (err: Error) => err)).to.be.instanceOf(NeedsTransaction);
    expect(await rows(db.knex, 'wb_a')).to.deep.equal(['1:x']);
    expect(await rows(db.knex, 'wb_b')).to.deep.equal([]);
  });
});
