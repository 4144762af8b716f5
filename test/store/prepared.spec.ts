/**
 * Named prepared statements (store/db.ts `prepared`): a text sent again runs as a named
 * statement on PostgreSQL — parsed once per connection, its plan kept — and unnamed on PGlite,
 * with the same answers either way; a named statement whose run failed runs again.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { forgetPreparedTexts, prepared } from '../../engine/store/db.js';

forEachBackend('store: prepared statements', (backend) => {
  let db: Database;
  // Earlier specs of the same process may have used up the texts that get names (PREPARED_TEXTS).
  before(async () => { forgetPreparedTexts(); db = await backend.open({ migrate: false }); });
  after(() => db.close());

  /** Runs `work` on one connection (a transaction), with the name each statement was sent under. */
  async function onOneConnection(work: (trx: Knex.Transaction, names: (string | undefined)[]) => Promise<void>): Promise<void> {
    const names: (string | undefined)[] = [];
    const listen = (q: { sql: string; options?: { name?: string } }) => { if (q.sql.includes('/* prepared-spec')) names.push(q.options?.name); };
    db.knex.on('query', listen);
    try {
      await db.knex.transaction((trx) => work(trx, names));
    } finally {
      db.knex.off('query', listen);
    }
  }

  it('given a text sent three times, the second and third run as one named statement on PostgreSQL (unnamed on PGlite), with the same answers', async () => {
    const sql = `select ?::int + 1 as n /* prepared-spec ${randomUUID()} */`;
    await onOneConnection(async (trx, names) => {
      const answers = [];
      for (const x of [1, 2, 3]) answers.push((await prepared(trx, sql, [x])).rows[0].n);
      expect(answers).to.deep.equal([2, 3, 4]);
      if (backend.name === 'pglite') {
        expect(names).to.deep.equal([undefined, undefined, undefined]);
        return;
      }
      expect(names[0]).to.equal(undefined);
      expect(names[1]).to.match(/^alur_\d+$/);
      expect(names[2]).to.equal(names[1]);
      // PostgreSQL holds it under that name on this connection and ran it twice.
      const held = await trx.raw('select name, generic_plans + custom_plans as runs from pg_prepared_statements where name = ?', [names[1]!]);
      expect(held.rows).to.deep.equal([{ name: names[1], runs: 2 }]);
    });
  });

  it('given a named statement whose run failed, it runs again and answers', async () => {
    const sql = `select 10 / ?::int as n /* prepared-spec ${randomUUID()} */`;
    await onOneConnection(async (trx) => {
      expect((await prepared(trx, sql, [5])).rows[0].n).to.equal(2);
      let failed: unknown;
      await trx.transaction(async (sp) => { await prepared(sp, sql, [0]); }).catch((err) => { failed = err; });
      expect((failed as { code?: string }).code).to.equal('22012'); // division by zero, in the named statement's run
      expect((await prepared(trx, sql, [2])).rows[0].n).to.equal(5);
    });
  });
});
