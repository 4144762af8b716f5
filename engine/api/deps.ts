/** What createApp needs; main.ts builds it once, tests build their own. */
import type { Engine } from '../service/engine.js';
import type { Router } from 'express';
import type { TokenCache } from '../auth/token-cache.js';
import type { LoginRateLimiter } from '../auth/rate-limit.js';
import type { Registry } from 'prom-client';
import type { RouteSpec } from './route.js';
import type { DocumentOptions } from '../documents/intake.js';
import type { SsoOptions } from '../auth/sso-options.js';
import type { OidcClients } from '../auth/oidc-clients.js';
import type { SigningDeps } from '../signing/certificates.js';
import type { Reads } from '../service/reads.js';
import type { Administration } from '../service/administration.js';
import type { Clock } from '../runner/clock.js';

export interface AppDeps {
  engine: Engine;
  /** Shown in /health, without credentials. */
  databaseDescription: string;
  queue: 'embedded' | 'bullmq';
  /** Queue mode: Redis and the jobs per type and state, added to /health. */
  queueState?: () => Promise<Record<string, unknown>>;
  /** GET /metrics on this port: the registry, and the bearer token it asks for (no token: not served here). */
  metrics?: { registry: Registry; token?: string };
  /** express's `trust proxy` (ALUR_TRUST_PROXY); default false: X-Forwarded-For is ignored, the socket's address counts. */
  trustProxy?: false | number | string;
  limiter: LoginRateLimiter;
  tokenTtlMs: number;
  /** Remembers resolved tokens for a few seconds (see TokenCache); omitted, every request looks its token up. */
  tokenCache?: TokenCache;
  maxUploadBytes: number;
  /** Size limit, accepted kinds and malware scanner of documents; omitted: 10 MB, PDF/PNG/JPEG, no scanner. */
  documents?: DocumentOptions;
  /** The installation's secret for sealing signing certificates and the signing budget; omitted: a key that lives as long as the process (tests). */
  signing?: SigningDeps;
  /** Enables POST/DELETE /api/clock. */
  clockControlled: boolean;
  /** Told when the clock moves, so due timers fire; `drain` lets the clock endpoint wait for them. */
  runner?: { wake(): void; drain?(): Promise<number> };
  /** Folder holding designer/dist and inbox/dist (default: the working directory). */
  staticRoot?: string;
  /** Whether the apps' source maps (.map) are served; false in production (Config.production). Omitted: served. */
  sourceMaps?: boolean;
  /**
   * Routers of other parts (e.g. packs), mounted after authentication (res.locals.actor is set)
   * and before the API's 404; their specs join the OpenAPI document.
   */
  extensions?: { router: Router; specs?: readonly RouteSpec[] }[];
  /** Single sign-on (ALUR_OIDC_*): the providers and their clients; omitted, passwords only. */
  sso?: { options: SsoOptions; clients: OidcClients };
  /** Where unexpected errors go (never the client). */
  logError?: (err: unknown) => void;
}

/**
 * What a route module is given (createApp builds it): the app's deps, the reads that decide what
 * the caller may see (service/reads.ts), the commands outside the engine (service/administration.ts)
 * and the clock. Routes never reach the database themselves (test/api/architecture.spec.ts).
 */
export interface RouteDeps extends AppDeps {
  reads: Reads;
  admin: Administration;
  clock: Clock;
}
