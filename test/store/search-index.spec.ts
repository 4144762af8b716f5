import { expect } from 'chai';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { SEARCH_TEXT } from '../../engine/store/tasks.js';

forEachBackend('store: inbox search index', (backend) => {
  let db: Database;
  before(async () => { db = await backend.open(); });
  after(() => db.close());

  it('given the search expression of the task list, then the trigram index of migration 800 serves it (the two have not drifted apart)', async () => {
    const plan = await db.knex.transaction(async (trx) => {
      // Tables of a fresh database are tiny: forbid sequential and plain index scans, so only an
      // index that matches the expression itself (a bitmap scan of the GIN) can serve it.
      await trx.raw('set local enable_seqscan = off');
      await trx.raw('set local enable_indexscan = off');
      const rows = await trx.raw(`explain select id from user_task where ${SEARCH_TEXT} like lower(?) escape '\\'`, ['%siup/0123%']);
      return (rows.rows as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).to.include('user_task_search_trgm_idx');
  });
});
