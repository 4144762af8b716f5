/**
 * The completion's read (store/tasks.ts taskWithInstance) runs as a named statement, planned once
 * per connection and then run with a generic plan. That plan must find the task by its primary
 * key even when user_task has no statistics yet (a new database before autovacuum's first
 * ANALYZE): written as `where t.tenant_id = ? and t.id = ?`, PostgreSQL planned it as a scan of
 * user_task_tenant_state_created_id_idx (id is that index's fourth column), reading every task of
 * the tenant to find one, and a connection kept that plan.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { taskWithInstanceText } from '../../engine/store/tasks.js';

forEachBackend('store: the completion read\'s generic plan', (backend) => {
  let db: Database;
  before(async () => { db = await backend.open(); });
  after(() => db.close());

  for (const lock of [false, true]) {
    it(`given user_task without statistics, the ${lock ? 'locking' : 'plain'} read's generic plan looks the task up by user_task_pkey alone and checks the tenant on that row`, async () => {
      const plan = await db.knex.transaction(async (trx) => {
        await trx.raw('set local plan_cache_mode = force_generic_plan');
        let n = 0;
        const text = taskWithInstanceText(lock).replace(/\?/g, () => `$${++n}`);
        const name = `task_read_plan_${lock ? 'locked' : 'read'}`;
        await trx.raw(`prepare ${name}(uuid, text) as ${text}`);
        const explained = await trx.raw(`explain execute ${name}('${randomUUID()}', 'a-tenant')`);
        await trx.raw(`deallocate ${name}`);
        return (explained.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      });
      const relation = (await db.knex.raw(`select reltuples from pg_class where relname = 'user_task'`)).rows[0];
      expect(Number(relation.reltuples), 'user_task was never analysed').to.be.lessThan(0);
      expect(plan).to.match(/Index Scan using user_task_pkey on user_task\b[^\n]*\n\s*Index Cond: \(id = \$1\)/);
      expect(plan).to.match(/Filter: \(t\.tenant_id = \$2\)/);
      expect(plan).not.to.match(/user_task_tenant_state/);
    });
  }
});
