import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { forEachBackend } from './backends.js';
import { migrationSource, migrationNames } from '../../migrations/index.js';
import type { Database } from '../../engine/store/database.js';

forEachBackend('migrations', (backend) => {
  let db: Database;
  before(async () => { db = await backend.open({ migrate: false }); });
  after(async () => { await db.close(); });

  it('migrate up, insert, down to nothing, and up again', async () => {
    // Given an empty database migrated to the latest schema
    await db.knex.migrate.latest({ migrationSource });
    const now = new Date();
    await db.knex('tenant').insert({ id: 'semarang', name: 'Kota Semarang', created_at: now });
    await db.knex('app_user').insert({ id: randomUUID(), username: 'ani', tenant_id: 'semarang', password_hash: 'x', roles: ['staff'], created_at: now });
    expect(await db.knex('app_user').count('* as n').first()).to.deep.equal({ n: 1 });

    // When every migration is rolled back
    await db.knex.migrate.rollback({ migrationSource }, true);
    const tables = await db.knex.raw("select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'knex_%'");
    expect(tables.rows).to.deep.equal([]);

    // Then migrating up again gives an empty, working schema
    await db.knex.migrate.latest({ migrationSource });
    expect(await db.knex('tenant').count('* as n').first()).to.deep.equal({ n: 0 });
    const [completed] = await db.knex.migrate.list({ migrationSource });
    expect(completed.map((m: { name: string }) => m.name)).to.deep.equal(migrationNames);
  });

  it('comments every table and column and names its indexes', async () => {
    await db.knex.migrate.latest({ migrationSource });
    const uncommented = await db.knex.raw(`
      select c.table_name, c.column_name from information_schema.columns c
      join pg_class t on t.relname = c.table_name
      where c.table_schema = 'public' and c.table_name not like 'knex_%'
        and col_description(t.oid, c.ordinal_position) is null`);
    expect(uncommented.rows).to.deep.equal([]);
    const tables = await db.knex.raw(`
      select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace
        and relname not like 'knex_%' and obj_description(oid, 'pg_class') is null`);
    expect(tables.rows).to.deep.equal([]);
    const idx = await db.knex.raw("select indexname from pg_indexes where schemaname = 'public' and tablename = 'user_task'");
    const names = idx.rows.map((r: { indexname: string }) => r.indexname);
    expect(names).to.include.members(['user_task_candidate_keys_idx', 'user_task_tenant_state_created_id_idx', 'user_task_tenant_state_priority_id_idx']);
    // Unread, so dropped (user_task_unread_indexes): every task opened wrote them.
    for (const dropped of ['user_task_tenant_state_idx', 'user_task_tenant_state_order_idx', 'user_task_candidate_groups_idx', 'user_task_candidate_users_idx']) expect(names).to.not.include(dropped);
  });
});
