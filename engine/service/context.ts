/**
 * What the service needs from the outside, passed in by the composition root (main.ts) or a test,
 * and the per-transaction context that effects and follow-ups share.
 */
import type { Knex } from 'knex';
import type { FeelEvaluator } from '../expressions/feel.js';
import type { Clock } from '../runner/clock.js';
import type { ModelCache } from './models.js';
import type { WriteBatch } from '../store/write-batch.js';
import type { Db } from '../store/db.js';
import type { InstanceRow } from '../store/instances.js';
import type { IncidentRow } from '../store/incidents.js';
import type { TaskRow } from '../store/tasks.js';

export interface EngineDeps {
  knex: Knex;
  clock: Clock;
  models: ModelCache;
  feel?: FeelEvaluator;
  /** Called after a commit that enqueued jobs or scheduled timers, so a runner looks at once. */
  wake?: () => void;
  /** The installation's time zone (ALUR_TIMEZONE); read through service/tenant-zone.ts only. */
  timeZone?: string;
}

export interface TxContext {
  /** The transaction — or, for an optimistic command (see Engine.tx), the pool: reads see committed data and take no locks. */
  trx: Db;
  /** Run without a transaction: every write must fit one statement at the end, else NeedsTransaction. */
  optimistic: boolean;
  deps: EngineDeps;
  now: Date;
  /** Set when jobs or timers were written, so `wake` runs after the commit. */
  wake: boolean;
  /** The step's writes, sent as one statement when the step ends (see WriteBatch). */
  writes: WriteBatch;
  /** Every instance this transaction wrote, as it now is: commands answer from it instead of reading it back. */
  rows: Map<string, InstanceRow>;
  /** Incidents this transaction opened and did not resolve, by `instanceId|key`. */
  incidents: Map<string, IncidentRow>;
  /** User tasks this transaction opened and did not close, by `instanceId|key`. */
  tasks: Map<string, TaskRow>;
}

/** The instance an effect belongs to, as the effect appliers need it. */
export interface InstanceInfo {
  id: string;
  tenant: string;
  processKey: string;
  businessKey: string | null;
}
