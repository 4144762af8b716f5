/**
 * Configuration, read from the environment once in main.ts and passed down; no other module
 * reads process.env (so tests build a Config by hand).
 */
export interface Config {
  port: number;
  /** PGlite data folder (embedded mode, when databaseUrl is unset). */
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  adminPassword?: string;
  clockControlled: boolean;
  /** Lifetime of a login token. */
  tokenTtlMs: number;
  /** How long an API process remembers who a token stands for (0: look it up on every request). */
  tokenCacheMs: number;
  /** Largest accepted upload file. */
  maxUploadBytes: number;
  /** PostgreSQL connection pool size (PGlite always has one connection). */
  dbPoolMax: number;
  /** Zone of FEEL's now()/today() (IANA name or offset); unset: UTC. */
  timeZone?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${JSON.stringify(env.PORT)}`);
  return {
    port,
    dataDir: env.ALUR_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    adminPassword: env.ALUR_ADMIN_PASSWORD || undefined,
    clockControlled: env.ALUR_CLOCK_CONTROLLED === 'true',
    tokenTtlMs: Number(env.ALUR_TOKEN_TTL_HOURS ?? 12) * 3600_000,
    tokenCacheMs: Number(env.ALUR_TOKEN_CACHE_MS ?? 5000),
    maxUploadBytes: Number(env.ALUR_MAX_UPLOAD_MB ?? 5) * 1024 * 1024,
    dbPoolMax: Number(env.ALUR_DB_POOL_MAX ?? 10),
    timeZone: env.ALUR_TIMEZONE || undefined,
  };
}
