/** What createApp needs; main.ts builds it once, tests build their own. */
import type { Engine } from '../service/engine.js';
import type { LoginRateLimiter } from '../auth/rate-limit.js';

export interface AppDeps {
  engine: Engine;
  /** Shown in /health, without credentials. */
  databaseDescription: string;
  queue: 'embedded' | 'bullmq';
  limiter: LoginRateLimiter;
  tokenTtlMs: number;
  maxUploadBytes: number;
  /** Enables POST/DELETE /api/clock. */
  clockControlled: boolean;
  /** Told when the clock moves, so due timers fire; `drain` lets the clock endpoint wait for them. */
  runner?: { wake(): void; drain?(): Promise<number> };
  /** Folder holding designer/dist and inbox/dist (default: the working directory). */
  staticRoot?: string;
  /** Where unexpected errors go (never the client). */
  logError?: (err: unknown) => void;
}
