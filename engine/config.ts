/**
 * Configuration, read from the environment once in main.ts and passed down; no other module
 * reads process.env (so tests build a Config by hand). An empty variable counts as unset; a
 * number that is not one is refused at start, naming the variable, rather than run as NaN.
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
    tokenTtlMs: numberOf(env, 'ALUR_TOKEN_TTL_HOURS', 12, { above: 0 }) * 3600_000,
    tokenCacheMs: numberOf(env, 'ALUR_TOKEN_CACHE_MS', 5000, { atLeast: 0 }),
    maxUploadBytes: numberOf(env, 'ALUR_MAX_UPLOAD_MB', 5, { above: 0 }) * 1024 * 1024,
    dbPoolMax: numberOf(env, 'ALUR_DB_POOL_MAX', 10, { atLeast: 1, integer: true }),
    timeZone: env.ALUR_TIMEZONE || undefined,
  };
}

function numberOf(env: NodeJS.ProcessEnv, key: string, fallback: number, rule: { above?: number; atLeast?: number; integer?: boolean }): number {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  const ok = Number.isFinite(n) && (rule.above === undefined || n > rule.above) && (rule.atLeast === undefined || n >= rule.atLeast) && (!rule.integer || Number.isInteger(n));
  if (!ok) {
    const want = `${rule.integer ? 'a whole number' : 'a number'}${rule.above !== undefined ? ` above ${rule.above}` : ''}${rule.atLeast !== undefined ? ` of at least ${rule.atLeast}` : ''}`;
    throw new Error(`${key} must be ${want}, got ${JSON.stringify(raw)}`);
  }
  return n;
}
