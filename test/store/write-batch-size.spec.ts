import { expect } from 'chai';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { WriteBatch, NeedsTransaction, MAX_BINDINGS } from '../../engine/store/write-batch.js';
import { migrateToLatest } from '../../engine/store/database.js';

forEachBackend('store: write batch size', (backend) => {
  let db: Database;
  let statements: number[] = [];
  before(async () => {
    db = await backend.open({ migrate: false });
    await migrateToLatest(db.knex);
    await db.knex.schema.createTable('wbs_a', (t) => { t.integer('id').primary(); t.text('v'); });
    db.knex.on('query', (q: { bindings?: unknown[] }) => statements.push(q.bindings?.length ?? 0));
  });
  after(() => db.close());
  beforeEach(async () => {
    await db.knex('wbs_a').delete();
    statements = [];
  });
  /** Inserts of 1,000 rows (2,000 bind parameters each), ids from `from`. */
  const chunk = (from: number) => db.knex('wbs_a').insert(Array.from({ length: 1000 }, (_, i) => ({ id: from + i, v: 'x' })));
  const parts = Math.ceil(MAX_BINDINGS / 2000) + 5;

  it('given queued inserts whose bind parameters exceed what one statement may carry, when flushed, then they go as several statements and all land', async () => {
    const batch = new WriteBatch(db.knex);
    for (let p = 0; p < parts; p++) await batch.add('wbs_a', chunk(p * 1000), { insert: true });
    await batch.flush();
    expect(statements.length).to.equal(2);
    expect(Math.max(...statements)).to.be.at.most(MAX_BINDINGS);
    const [{ n }] = await db.knex('wbs_a').count('* as n');
    expect(Number(n)).to.equal(parts * 1000);
  });

  it('given a deferred batch that would need more than one statement for its size, then it throws NeedsTransaction having sent nothing', async () => {
    const deferred = new WriteBatch(db.knex, true);
    const queued = async () => { for (let p = 0; p < parts; p++) await deferred.add('wbs_a', chunk(p * 1000), { insert: true }); };
    expect(await queued().then(() => 'queued', (err: unknown) => err)).to.be.instanceOf(NeedsTransaction);
    expect(statements).to.deep.equal([]);
  });
});
