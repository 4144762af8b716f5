/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, else PGlite (Postgres in WASM)
 * through knex-pglite under a data folder guarded by a lock file, so two processes never open the
 * same folder. Same SQL, same migrations either way. Never reads the environment itself.
 */
import { mkdirSync, openSync, closeSync, writeSync, readFileSync, unlinkSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knexPkg, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { migrationNames, migrationSource } from '../../migrations/index.js';

// Return timestamps as Date and bigints as numbers consistently across pg and PGlite.
pg.types.setTypeParser(20, (v) => Number(v));

export interface Database {
  knex: Knex;
  kind: 'postgres' | 'pglite';
  /** A short description for /health, without credentials. */
  describe: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for PGlite; `memory://` or undefined with `memory: true` for an in-memory database. */
  dataDir?: string;
  memory?: boolean;
  poolMax?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const knex = knexPkg.knex({ client: 'pg', connection: options.databaseUrl, pool: { min: 0, max: options.poolMax ?? 10 } });
    await knex.raw('select 1');
    const url = new URL(options.databaseUrl);
    return { knex, kind: 'postgres', describe: `postgresql://${url.host}${url.pathname}`, close: () => knex.destroy() };
  }
  if (options.memory) {
    const knex = await pgliteKnex(new PGlite({ extensions: { pg_trgm } }));
    await knex.raw('select 1');
    return { knex, kind: 'pglite', describe: 'pglite (memory)', close: () => knex.destroy() };
  }
  const dir = resolve(options.dataDir ?? './data');
  mkdirSync(dir, { recursive: true });
  const releaseLock = takeLock(join(dir, 'alur.lock'));
  try {
    const knex = await pgliteKnex(new PGlite(join(dir, 'pgdata'), { extensions: { pg_trgm } }));
    await knex.raw('select 1');
    return { knex, kind: 'pglite', describe: `pglite (${dir})`, close: async () => { await knex.destroy(); releaseLock(); } };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/**
 * knex over one PGlite instance (knex closes it on destroy). PGlite loads extensions at start:
 * pg_trgm backs the inbox search index, as the contrib module does on PostgreSQL. Ready before
 * knex's pool asks for its connection: compiling the WebAssembly takes over 30 s on a busy
 * machine, longer than the pool waits for a new connection (which then failed the start).
 */
async function pgliteKnex(pglite: PGlite): Promise<Knex> {
  await pglite.waitReady;
  return knexPkg.knex({ client: ClientPgLite as any, dialect: 'postgres', connection: { pglite } } as unknown as Knex.Config);
}

/** Applies every pending migration; safe to call on every start. */
export async function migrateToLatest(knex: Knex): Promise<void> {
  if (await upToDate(knex)) return;
  await knex.migrate.latest({ migrationSource });
}

/**
 * Whether every migration is already applied (and no other): a later start usually has nothing to
 * do, and two queries say so where knex's own check takes its lock table round trip (about ten
 * statements, up to a second of a start on a busy machine with PGlite). Anything else goes through knex.
 */
async function upToDate(knex: Knex): Promise<boolean> {
  if (!(await knex.schema.hasTable('knex_migrations'))) return false;
  const done = new Set((await knex('knex_migrations').select('name')).map((row: { name: string }) => row.name));
  return done.size === migrationNames.length && migrationNames.every((name) => done.has(name));
}

/**
 * Creates `path` exclusively, holding our pid. A lock left by a dead process is taken over;
 * a live one is an error naming the pid.
 */
function takeLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { if (existsSync(path) && readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path); };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && isAlive(pid)) {
        throw new Error(`data folder ${path.replace(/alur\.lock$/, '')} is in use by process ${pid}; stop it or use another ALUR_DATA_DIR`, { cause: err });
      }
      unlinkSync(path);
    }
  }
  throw new Error(`cannot take lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
