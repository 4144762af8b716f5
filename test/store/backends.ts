/**
 * The storage backends every store/service/api spec runs against: PGlite (in memory) always, and
 * PostgreSQL when DATABASE_URL is set — then each opened database is a fresh one, created here and
 * dropped on close, so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import knexPkg from 'knex';
import { openDatabase, migrateToLatest, type Database } from '../../engine/store/database.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; `close()` also drops it (PostgreSQL). */
  open(options?: { migrate?: boolean }): Promise<Database>;
}

const pglite: Backend = {
  name: 'pglite',
  async open({ migrate = true } = {}) {
    const db = await openDatabase({ memory: true });
    if (migrate) await migrateToLatest(db.knex);
    return db;
  },
};

function postgres(url: string): Backend {
  return {
    name: 'postgres',
    async open({ migrate = true } = {}) {
      const name = `alur_test_${randomBytes(6).toString('hex')}`;
      const admin = knexPkg.knex({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      await admin.raw(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = await openDatabase({ databaseUrl: target.toString() });
      if (migrate) await migrateToLatest(db.knex);
      return {
        ...db,
        close: async () => {
          await db.close();
          await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.destroy();
        },
      };
    },
  };
}

export function backends(): Backend[] {
  const url = process.env.DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}

/**
 * Runs `suite` once per backend inside a describe named after it. Opening a database (PGlite
 * compiles its WebAssembly, PostgreSQL creates a database) takes seconds on a busy machine, so
 * these suites get a generous timeout.
 */
export function forEachBackend(title: string, suite: (backend: Backend) => void): void {
  for (const backend of backends()) {
    describe(`${title} [${backend.name}]`, function () {
      this.timeout(120_000);
      suite(backend);
    });
  }
}
