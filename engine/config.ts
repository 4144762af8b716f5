/**
 * Configuration: the one module that reads the environment. The entry points (main.ts, worker.ts,
 * the CLI) call loadConfig once and pass the result down; no other module reads process.env, so
 * tests build a Config by hand and test/config.spec.ts can hold this file, the code and README's
 * tables to the same list of variables. An empty variable counts as unset; a number that is not
 * one is refused at start, naming the variable, rather than run as NaN.
 */
import { queueOptions, type QueueOptions } from './runner/queue/options.js';
import { parseTypeLimits } from './runner/queue/limits.js';
import { parsePrivateAllow } from './runner/connectors/private-targets.js';
import { ssoOptions, type SsoOptions } from './auth/sso-options.js';
import { IN_FLIGHT_PER_SERIES } from './store/numbered-batches.js';

export interface Config {
  port: number;
  /** PGlite data folder (embedded mode, when databaseUrl is unset). */
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  adminPassword?: string;
  clockControlled: boolean;
  /** NODE_ENV=production, or the compiled runtime (npm run start:prod): the apps' source maps are not served. */
  production: boolean;
  /** Lifetime of a login token. */
  tokenTtlMs: number;
  /** How long an API process remembers who a token stands for (0: look it up on every request). */
  tokenCacheMs: number;
  /** Largest accepted upload file. */
  maxUploadBytes: number;
  /** Largest accepted document (POST /api/documents). */
  maxDocumentBytes: number;
  /** Document kinds accepted besides PDF, PNG and JPEG (media types or extensions). */
  documentTypes: string[];
  /** clamd to scan uploads with: a socket path or host:port; unset: no scan. */
  clamav?: string;
  /** LibreOffice for letters' PDFs (document-render): a program path or name; unset: `soffice` if on PATH; `off`: none. */
  soffice?: string;
  /** How long one .docx → PDF conversion may take. */
  sofficeTimeoutMs: number;
  /** PostgreSQL connection pool size (PGlite always has one connection). */
  dbPoolMax: number;
  /** Statements taking numbers of one series this process has in flight (store/numbered-batches.ts); 0: one per start, at once. */
  numberInFlight: number;
  /** Threads that run steps needing FEEL or time (steps/pool.ts); 0: every step on the main thread. */
  stepThreads: number;
  /** Zone of FEEL's now()/today() (IANA name or offset); unset: UTC. */
  timeZone?: string;
  /** pino level of the structured log. */
  logLevel: string;
  /** Integrators' handler modules (comma-separated paths), loaded by every process that runs jobs. */
  handlers?: string;
  /** Settings of the built-in connectors. */
  connectors: { httpAllow?: string[]; httpAllowPrivate?: string[]; smtpUrl?: string; smtpFrom?: string };
  /** Queue mode's settings; set when redisUrl is (the variables are checked either way). */
  queue?: QueueOptions;
  /** A port of its own that answers GET /metrics only (API and worker processes). */
  metricsPort?: number;
  /** Bearer token that GET /metrics on the API port asks for; unset, the API port does not serve /metrics. */
  metricsToken?: string;
  /** express's `trust proxy`: which proxies' X-Forwarded-For is believed; unset, none (the socket's address counts). */
  trustProxy: false | number | string;
  /** How long a worker waits for in-flight jobs on SIGTERM before it exits anyway. */
  stopTimeoutMs: number;
  /** What one tenant's model, form or input may cost (README, "Budgets"). */
  budgets: Budgets;
  /** How long a due service-task job may wait for a worker before it becomes an incident (runner/unclaimed.ts). */
  unclaimedJobMs: number;
  /** Shortest interval a timer cycle may repeat at; shorter cycles are refused at deployment. */
  timerMinCycleMs: number;
  /** Single sign-on through OpenID Connect providers; unset: passwords only. */
  sso?: SsoOptions;
  /** Signing (tte-sign, signing certificates): the secret sealing certificates (unset: a key file in dataDir) and the budgets of one signature. */
  signing: { secretKey?: string; timeoutMs: number; memoryMb: number; maxPdfBytes: number };
}

/** Limits that keep one tenant's model, form or input from freezing the server for the others. */
export interface Budgets {
  /** CPU time one FEEL evaluation may take, in the sandbox worker. */
  feelTimeoutMs: number;
  /** Heap of the FEEL worker: what one evaluation may build. */
  feelMemoryMb: number;
  /** Largest FEEL result, as UTF-8 JSON. */
  feelMaxResultBytes: number;
  /** Flow elements of one deployed process. */
  maxElements: number;
  /** Sequence flows into or out of one element of a deployed process. */
  maxFlowsPerElement: number;
  /** Element instances one step may activate without waiting (the cycle guard; multi-instance items add to it). */
  stepMaxElements: number;
  /** Items one multi-instance may run. */
  maxMultiInstanceItems: number;
  /** How deep a case may nest called processes. */
  maxCallDepth: number;
  /** Steps of other cases (called processes, thrown messages and signals) one input may set off. */
  maxFollowUps: number;
  /** Wall time one step may run (its FEEL included) before the element it reached becomes an incident. */
  stepTimeoutMs: number;
}

/** The budgets with no variable set (also what an Engine built without a Config uses). */
export const DEFAULT_BUDGETS: Budgets = loadBudgets({});

/** The budgets part of the configuration. */
export function loadBudgets(env: NodeJS.ProcessEnv = process.env): Budgets {
  return {
    feelTimeoutMs: numberOf(env, 'ALUR_FEEL_TIMEOUT_MS', 100, { above: 0 }),
    feelMemoryMb: numberOf(env, 'ALUR_FEEL_MEMORY_MB', 64, { atLeast: 16, integer: true }),
    feelMaxResultBytes: numberOf(env, 'ALUR_FEEL_MAX_RESULT_KB', 1024, { above: 0 }) * 1024,
    maxElements: numberOf(env, 'ALUR_MAX_ELEMENTS', 2000, { atLeast: 1, integer: true }),
    maxFlowsPerElement: numberOf(env, 'ALUR_MAX_FLOWS_PER_ELEMENT', 200, { atLeast: 1, integer: true }),
    stepMaxElements: numberOf(env, 'ALUR_STEP_MAX_ELEMENTS', 10_000, { atLeast: 1, integer: true }),
    maxMultiInstanceItems: numberOf(env, 'ALUR_MAX_MULTI_INSTANCE_ITEMS', 15_000, { atLeast: 1, integer: true }),
    maxCallDepth: numberOf(env, 'ALUR_MAX_CALL_DEPTH', 20, { atLeast: 1, integer: true }),
    maxFollowUps: numberOf(env, 'ALUR_MAX_FOLLOW_UPS', 1000, { atLeast: 1, integer: true }),
    stepTimeoutMs: numberOf(env, 'ALUR_STEP_TIMEOUT_MS', 2000, { above: 0 }),
  };
}

/**
 * Running as dist/engine/config.js (npm run build, then start:prod or worker:prod). Not merely a
 * .js: npm start runs its own transpiled copy from node_modules/.cache/alur-run (scripts/start.mjs).
 */
const COMPILED = /\/dist\/engine\/config\.js$/.test(import.meta.url);

/**
 * The locale every program on the machine follows, in POSIX's order (LC_ALL, then LC_MESSAGES, then
 * LANG; an empty value counts as unset): what the CLI writes its messages in (cli/lang.ts). Not an
 * ALUR_* variable: a person sets it for all their programs, not for Alur.
 */
export function loadLocale(env: NodeJS.ProcessEnv = process.env): string {
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = portOf(env, 'PORT') ?? 3000;
  const redisUrl = stringOf(env, 'REDIS_URL');
  const unclaimedJobMs = numberOf(env, 'ALUR_UNCLAIMED_JOB_MINUTES', 15, { above: 0 }) * 60_000;
  const queue = { ...queueOverrides(env), unclaimedJobMs };
  const allow = stringOf(env, 'ALUR_HTTP_ALLOW')?.split(',').map((h) => h.trim()).filter(Boolean);
  return {
    port,
    dataDir: stringOf(env, 'ALUR_DATA_DIR') ?? './data',
    databaseUrl: stringOf(env, 'DATABASE_URL'),
    redisUrl,
    adminPassword: stringOf(env, 'ALUR_ADMIN_PASSWORD'),
    clockControlled: env.ALUR_CLOCK_CONTROLLED === 'true',
    production: env.NODE_ENV === 'production' || COMPILED,
    tokenTtlMs: numberOf(env, 'ALUR_TOKEN_TTL_HOURS', 12, { above: 0 }) * 3600_000,
    tokenCacheMs: numberOf(env, 'ALUR_TOKEN_CACHE_MS', 5000, { atLeast: 0 }),
    maxUploadBytes: numberOf(env, 'ALUR_MAX_UPLOAD_MB', 5, { above: 0 }) * 1024 * 1024,
    maxDocumentBytes: Math.floor(numberOf(env, 'ALUR_MAX_DOCUMENT_MB', 10, { above: 0 }) * 1024 * 1024),
    documentTypes: (env.ALUR_DOCUMENT_TYPES ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    clamav: env.ALUR_CLAMAV || undefined,
    soffice: stringOf(env, 'ALUR_SOFFICE'),
    sofficeTimeoutMs: numberOf(env, 'ALUR_SOFFICE_TIMEOUT_SECONDS', 60, { above: 0 }) * 1000,
    dbPoolMax: numberOf(env, 'ALUR_DB_POOL_MAX', 10, { atLeast: 1, integer: true }),
    numberInFlight: numberOf(env, 'ALUR_NUMBER_IN_FLIGHT', IN_FLIGHT_PER_SERIES, { atLeast: 0, integer: true }),
    stepThreads: numberOf(env, 'ALUR_STEP_THREADS', 2, { atLeast: 0, integer: true }),
    timeZone: stringOf(env, 'ALUR_TIMEZONE'),
    logLevel: stringOf(env, 'ALUR_LOG_LEVEL') ?? 'info',
    handlers: stringOf(env, 'ALUR_HANDLERS'),
    connectors: { httpAllow: allow && allow.length ? allow : undefined, httpAllowPrivate: parsePrivateAllow(stringOf(env, 'ALUR_HTTP_ALLOW_PRIVATE')), smtpUrl: stringOf(env, 'ALUR_SMTP_URL'), smtpFrom: stringOf(env, 'ALUR_SMTP_FROM') },
    queue: redisUrl ? queueOptions(redisUrl, queue) : undefined,
    metricsPort: portOf(env, 'ALUR_METRICS_PORT'),
    metricsToken: stringOf(env, 'ALUR_METRICS_TOKEN'),
    trustProxy: trustProxyOf(env, 'ALUR_TRUST_PROXY'),
    stopTimeoutMs: numberOf(env, 'ALUR_STOP_TIMEOUT_MS', 60_000, { above: 0 }),
    budgets: loadBudgets(env),
    unclaimedJobMs,
    timerMinCycleMs: numberOf(env, 'ALUR_TIMER_MIN_CYCLE_SECONDS', 60, { above: 0 }) * 1000,
    sso: ssoOptions({
      publicUrl: stringOf(env, 'ALUR_PUBLIC_URL'), issuer: stringOf(env, 'ALUR_OIDC_ISSUER'), clientId: stringOf(env, 'ALUR_OIDC_CLIENT_ID'),
      clientSecret: stringOf(env, 'ALUR_OIDC_CLIENT_SECRET'), label: stringOf(env, 'ALUR_OIDC_LABEL'), scopes: stringOf(env, 'ALUR_OIDC_SCOPES'),
      usernameClaim: stringOf(env, 'ALUR_OIDC_USERNAME_CLAIM'), tenantClaim: stringOf(env, 'ALUR_OIDC_TENANT_CLAIM'), groupsClaim: stringOf(env, 'ALUR_OIDC_GROUPS_CLAIM'),
      rolesClaim: stringOf(env, 'ALUR_OIDC_ROLES_CLAIM'), groupMap: stringOf(env, 'ALUR_OIDC_GROUP_MAP'), provision: stringOf(env, 'ALUR_OIDC_PROVISION'),
      tenants: stringOf(env, 'ALUR_OIDC_TENANTS'),
    }),
    signing: {
      secretKey: stringOf(env, 'ALUR_SECRET_KEY'),
      timeoutMs: numberOf(env, 'ALUR_SIGN_TIMEOUT_MS', 30_000, { above: 0 }),
      memoryMb: numberOf(env, 'ALUR_SIGN_MEMORY_MB', 256, { atLeast: 64, integer: true }),
      maxPdfBytes: Math.floor(numberOf(env, 'ALUR_SIGN_MAX_PDF_MB', 10, { above: 0 }) * 1024 * 1024),
    },
  };
}

/** Queue mode's ALUR_QUEUE_* / ALUR_JOB_* / ALUR_TIMER_* variables (README, "Queue mode and workers"). */
function queueOverrides(env: NodeJS.ProcessEnv): Partial<QueueOptions> {
  const positive = (key: string, fallback: number) => numberOf(env, key, fallback, { above: 0 });
  return {
    prefix: stringOf(env, 'ALUR_QUEUE_PREFIX') ?? 'alur',
    pollMs: positive('ALUR_QUEUE_POLL_MS', 1000),
    reconcileMs: positive('ALUR_QUEUE_RECONCILE_MS', 60_000),
    lockMs: positive('ALUR_QUEUE_LOCK_MS', 30_000),
    stalledIntervalMs: positive('ALUR_QUEUE_STALLED_MS', 15_000),
    leaseMs: positive('ALUR_QUEUE_LEASE_MS', 5 * 60_000),
    backoff: { baseMs: positive('ALUR_JOB_BACKOFF_MS', 1000), maxMs: positive('ALUR_JOB_MAX_BACKOFF_MS', 5 * 60_000) },
    limits: parseTypeLimits(stringOf(env, 'ALUR_QUEUE_LIMITS'), positive('ALUR_QUEUE_CONCURRENCY', 4)),
    timerConcurrency: positive('ALUR_TIMER_CONCURRENCY', 8),
    chain: { max: numberOf(env, 'ALUR_QUEUE_CHAIN_MAX', 10, { atLeast: 1, integer: true }), ms: positive('ALUR_QUEUE_CHAIN_MS', 2000) },
  };
}

function stringOf(env: NodeJS.ProcessEnv, key: string): string | undefined {
  const raw = env[key];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

function portOf(env: NodeJS.ProcessEnv, key: string): number | undefined {
  const raw = stringOf(env, key);
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${key} must be a port number, got ${JSON.stringify(raw)}`);
  return port;
}

/**
 * A hop count ("1": the nearest proxy) or addresses and subnets ("loopback", "10.0.0.0/8,
 * 192.168.1.5"). "true" is refused: believing every X-Forwarded-For lets anyone choose the
 * address the login limit counts.
 */
function trustProxyOf(env: NodeJS.ProcessEnv, key: string): false | number | string {
  const raw = stringOf(env, key)?.trim();
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (raw === 'true') throw new Error(`${key} must be a number of proxies or their addresses (e.g. "loopback" or "10.0.0.0/8"), not "true": that would believe any client's X-Forwarded-For`);
  return raw;
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
