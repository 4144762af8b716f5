/**
 * The tenant-scoped trigram search of the console (engine/store/case-search.ts and migration
 * operate_tenant_indexes): the trigrams computed for a substring are among the database's own
 * trigrams of every key that contains it — a trigram too many would hide a match — and the index
 * serves the expression the search writes. The index's function, PL/pgSQL since
 * tenant_trigrams_plpgsql, answers what its SQL body answered, so indexes built before stay valid.
 */
import { expect } from 'chai';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { substringTrigrams } from '../../engine/store/case-search.js';
import { sqlTrigrams } from '../../migrations/20261207160100_tenant_trigrams_plpgsql.js';

const KEYS = ['IZN/2026/0000123', 'PBG/2026/00017', 'pbg-2026-17', 'SKP/50%_x', 'A', 'rt 01/rw 02', '2026', 'Surat: 12 a/b', 'ÉCOLE/2026/01', 'x'];
const SEARCHES = ['2026/00012', 'pbg/2026', '/2026/', '0001', 'G/20', '26', '6/0', '50%_', '%_x', 'a', ' 12 a', '01/rw', 'rw 0', 'école', 'ÉCOLE/2026', '2026/01', 'surat:', '', '/', '123'];

forEachBackend('store: tenant-scoped case search trigrams', (backend) => {
  let db: Database;
  before(async () => { db = await backend.open(); });
  after(() => db.close());

  it('given keys and substrings of them, then every trigram asked for a substring is a trigram of each key holding it', async () => {
    let checked = 0;
    for (const key of KEYS) {
      const own = new Set((await db.knex.raw("select alur_tenant_trigrams('batang', lower(?)) as t", [key])).rows[0].t as string[]);
      for (const search of SEARCHES) {
        if (!key.toLowerCase().includes(search.toLowerCase())) continue;
        const missing = substringTrigrams('batang', search).filter((t) => !own.has(t));
        expect(missing, `${search} in ${key}`).to.deep.equal([]);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(15);
    // A word inside the substring is whole on both sides; at the substring's ends it may go on.
    expect(substringTrigrams('batang', '2026/00012')).to.have.members(['batang|202', 'batang|026', 'batang|26 ', 'batang|  0', 'batang| 00', 'batang|000', 'batang|001', 'batang|012']);
    expect(substringTrigrams('batang', 'école')).to.deep.equal([]);
    expect(substringTrigrams('semarang', 'pbg')[0]).to.equal('semarang|pbg');
  });

  it('given the search expression, then the tenant trigram index serves it', async () => {
    const plan = await db.knex.transaction(async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      await trx.raw('set local enable_indexscan = off');
      const rows = await trx.raw("explain select id from process_instance i where i.business_key is not null and alur_tenant_trigrams(i.tenant_id, lower(coalesce(i.business_key, ''))) @> ?::text[]", [substringTrigrams('batang', '2026/0001')]);
      return (rows.rows as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).to.include('process_instance_tenant_trgm_idx');
    // Only instances with a key are in it: one without goes through no trigram function and no GIN insertion.
    const definition = (await db.knex.raw("select pg_get_indexdef('process_instance_tenant_trgm_idx'::regclass) as d")).rows[0].d as string;
    expect(definition).to.match(/WHERE \(business_key IS NOT NULL\)$/);
  });

  it('given any key, then the PL/pgSQL trigram function answers what the SQL body it replaced answered (same trigrams, same order)', async () => {
    const schema = (await db.knex.raw("select extnamespace::regnamespace::text as s from pg_extension where extname = 'pg_trgm'")).rows[0].s as string;
    await db.knex.raw(sqlTrigrams(schema, 'alur_tenant_trigrams_sql'));
    try {
      for (const tenant of ['batang', 'kab-semarang', null]) {
        for (const key of [...KEYS, '', '  ..//  ', 'Jalan Ñandú 5 öffentlich', '日本語テキスト', null]) {
          const { rows } = await db.knex.raw('select alur_tenant_trigrams(?::text, lower(?::text)) as plpgsql, alur_tenant_trigrams_sql(?::text, lower(?::text)) as sql', [tenant, key, tenant, key]);
          expect(rows[0].plpgsql, `${tenant} ${key}`).to.deep.equal(rows[0].sql);
        }
      }
      const { rows } = await db.knex.raw("select prolang::regproc, l.lanname from pg_proc p join pg_language l on l.oid = p.prolang where proname = 'alur_tenant_trigrams'");
      expect(rows[0].lanname).to.equal('plpgsql');
    } finally {
      await db.knex.raw('drop function alur_tenant_trigrams_sql(text, text)');
    }
  });
});
