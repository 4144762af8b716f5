/**
 * Jobs: the outbox of service-task work. A row is written in the same transaction as the state
 * that caused it; its payload holds headers only (never variables or personal data — handlers read
 * variables at run time). effect_id = `<instanceId>-<key>-<attempt>` makes enqueueing idempotent
 * (a replayed enqueue is ignored) and names each attempt (the queue job id in queue mode).
 */
import type { Knex } from 'knex';
import { prepared, type Db } from './db.js';
import { WrittenSql, columnList, placeholders } from './written-sql.js';
import { prefixedInstance, type InstanceRow } from './instances.js';

export interface JobRow {
  id: string;
  effect_id: string;
  tenant_id: string;
  instance_id: string;
  key: number;
  element_id: string;
  type: string;
  retries: number;
  /** `chain`: the queue job row whose worker took this row straight from the step that opened it (service/plan.ts `takeOpenedJob`). */
  payload: { headers: Record<string, string>; chain?: string };
  due_at: Date;
  attempts: number;
  locked_until: Date | null;
  state: 'ready' | 'running' | 'completed' | 'failed' | 'cancelled';
  last_error: string | null;
  created_at: Date;
}

export function jobEffectId(instanceId: string, key: number, attempt: number): string {
  return `${instanceId}-${key}-${attempt}`;
}

/** The attempt number a job row was created for (the last part of its effect id). */
export function attemptOf(job: { effect_id: string }): number {
  const n = Number(job.effect_id.slice(job.effect_id.lastIndexOf('-') + 1));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Enqueues one attempt of the job of instance+key; a replay of the same attempt is ignored. */
export function insertJob(row: JobRow): WrittenSql {
  return new WrittenSql(JOB_INSERT, [row.attempts, row.created_at, row.due_at, row.effect_id, row.element_id, row.id, row.instance_id, row.key, row.last_error,
    row.locked_until, JSON.stringify(row.payload), row.retries, row.state, row.tenant_id, row.type]);
}

const JOB_INSERT = `insert into "job" (${columnList(['attempts', 'created_at', 'due_at', 'effect_id', 'element_id', 'id', 'instance_id', 'key', 'last_error',
  'locked_until', 'payload', 'retries', 'state', 'tenant_id', 'type'])}) values ${placeholders(15)} on conflict ("effect_id") do nothing`;

/** Marks the pending attempts of instance+key cancelled unless finished; running twice is harmless. */
export function cancelJob(db: Db, instanceId: string, key: number): Knex.QueryBuilder {
  return db('job').where({ instance_id: instanceId, key }).whereIn('state', ['ready', 'running']).update({ state: 'cancelled', locked_until: null });
}

/** A job taken to run, with its instance as it was then (the handler's variables; undefined when the instance is gone). */
export interface TakenJob {
  job: JobRow;
  instance: InstanceRow | undefined;
}

/** Runs the update that takes jobs (`returning *`) and reads their instances in the same statement. */
async function withInstances(db: Db, taking: Knex.QueryBuilder): Promise<TakenJob[]> {
  const inst = prefixedInstance('i', 'i__');
  const rows: Record<string, unknown>[] = await db.with('taken', taking).from('taken')
    .leftJoin('process_instance as i', 'i.id', 'taken.instance_id').select(['taken.*', ...inst.columns]);
  return rows.map((row) => {
    const instance = inst.take(row);
    return { job: row as unknown as JobRow, instance };
  });
}

/**
 * Claims up to `limit` due ready jobs of the given types (or running ones whose lease expired:
 * their worker died) with FOR UPDATE SKIP LOCKED, marks them running with a lease and counts the
 * attempt; each comes with its instance, read in the same statement. A crash after the claim
 * re-runs the job when the lease ends; the core ignores a second completion, so that is harmless.
 */
export async function claimDueJobs(db: Db, types: string[], now: Date, leaseMs: number, limit: number, tenant?: string): Promise<TakenJob[]> {
  if (types.length === 0 || limit <= 0) return [];
  // One statement, so the row locks of the sub-select are held until the update is done.
  const due = dueJobs(db, types, now).select('id');
  if (tenant !== undefined) due.andWhere('tenant_id', tenant);
  due.orderBy('due_at').limit(limit).forUpdate().skipLocked();
  return withInstances(db, db('job').whereIn('id', due)
    .update({ state: 'running', locked_until: new Date(now.getTime() + leaseMs), attempts: db.raw('attempts + 1') })
    .returning('*'));
}

/** Job rows of `types` a runner may take at `now`: ready and due, or running with a lapsed lease. */
function dueJobs(db: Db, types: string[], now: Date): Knex.QueryBuilder {
  return db('job').whereIn('type', types)
    .andWhere((w) => w.where((r) => r.where('state', 'ready').andWhere('due_at', '<=', now))
      .orWhere((r) => r.where('state', 'running').andWhere('locked_until', '<=', now)));
}

/** Tenants with a job of `type` to take, the longest-waiting first (the runner takes turns between them). */
export async function dueJobTenants(db: Db, type: string, now: Date, limit: number): Promise<string[]> {
  const rows = await dueJobs(db, [type], now).groupBy('tenant_id').select('tenant_id').min('due_at as first').orderBy('first').limit(limit);
  return rows.map((r: { tenant_id: string }) => r.tenant_id);
}

/**
 * Takes one job that nobody took: still `ready` though it was due at `dueBefore` or earlier (no
 * runner has a handler for its type, or none is running), with FOR UPDATE SKIP LOCKED so
 * several processes sweeping at once take different rows. It is marked running with a lease, as
 * a take is, so that its failure is recorded by the one finishJob path; a worker that receives
 * it afterwards finds it finished and skips it.
 */
export async function takeUnclaimedJob(db: Db, dueBefore: Date, now: Date, leaseMs: number): Promise<TakenJob | undefined> {
  const stale = db('job').select('id').where('state', 'ready').andWhere('due_at', '<=', dueBefore).orderBy('due_at').limit(1).forUpdate().skipLocked();
  const [taken] = await withInstances(db, db('job').whereIn('id', stale)
    .update({ state: 'running', locked_until: new Date(now.getTime() + leaseMs), attempts: db.raw('attempts + 1') })
    .returning('*'));
  return taken;
}

/**
 * Takes job row `id` to run (queue mode): marks a ready or running one running with a fresh lease
 * and counts the delivery, and reads its instance, in one statement. A running row is taken over:
 * the queue delivers it again only when its worker lost the job (killed, stalled). Undefined when
 * the row is finished or cancelled (a second delivery has nothing to do). The SQL is written out
 * once: it runs once per job, and building it with knex each time cost more CPU than the rest of
 * the take.
 */
export async function takeJob(db: Db, id: string, now: Date, leaseMs: number): Promise<TakenJob | undefined> {
  return takeOne(db, TAKE_JOB, [new Date(now.getTime() + leaseMs), id]);
}

/** Columns of a job row, in order: named in statements that are prepared (a `*` would change their result when a migration adds a column, which PostgreSQL refuses for a cached plan). */
const JOB_COLUMNS = ['id', 'effect_id', 'tenant_id', 'instance_id', 'key', 'element_id', 'type', 'retries', 'payload', 'due_at', 'attempts', 'locked_until', 'state', 'last_error', 'created_at'] as const;

/** The statement that takes the job rows `where` picks (marks them running with a lease, counts the delivery) and reads each one's instance with it. */
function takingStatement(where: string) {
  const instance = prefixedInstance('i', 'i__');
  const columns = JOB_COLUMNS.map((c) => `"${c}"`).join(', ');
  const sql = `with taken as (update job set state = 'running', locked_until = ?, attempts = attempts + 1 where ${where} returning ${columns})
    select ${JOB_COLUMNS.map((c) => `taken."${c}"`).join(', ')}, ${instance.columns.map((c) => c.replace(/^(\w+)\.(\w+) as (\w+)$/, '$1."$2" as "$3"')).join(', ')}
    from taken left join process_instance i on i.id = taken.instance_id`;
  return { sql, instance };
}

const TAKE_JOB = takingStatement(`id = ? and state in ('ready', 'running')`);

/**
 * Takes over the job a worker was running as part of the chain started by queue job row `head`
 * (see `TakeOpened` in service/plan.ts): the queue delivers `head` again only when the worker that
 * ran the chain lost it (killed, stalled), and the chain's running row is then nobody's. Only the
 * row of that chain is looked at (its instance, `payload.chain`), never a parallel branch's job
 * another worker is running. Undefined when the chain has no running row.
 */
export async function takeChained(db: Db, head: string, now: Date, leaseMs: number): Promise<TakenJob | undefined> {
  return takeOne(db, TAKE_CHAINED, [new Date(now.getTime() + leaseMs), head, head]);
}

/** Runs a taking statement that takes at most one row; the row with its instance, or undefined. */
async function takeOne(db: Db, statement: ReturnType<typeof takingStatement>, bindings: Knex.Value[]): Promise<TakenJob | undefined> {
  const { rows } = await prepared(db, statement.sql, bindings);
  if (rows.length === 0) return undefined;
  return { job: rows[0] as unknown as JobRow, instance: statement.instance.take(rows[0]) };
}

const TAKE_CHAINED = takingStatement(`instance_id = (select instance_id from job where id = ?) and state = 'running' and payload->>'chain' = ?`);

/** Records the outcome of a run; only a running row changes (a cancelled job stays cancelled). */
export function finishJob(id: string, state: 'completed' | 'failed', error: string | null): WrittenSql {
  return new WrittenSql('update "job" set "state" = ?, "locked_until" = ?, "last_error" = ? where "id" = ? and "state" = ?', [state, null, error, id, 'running']);
}

/** The other attempts of `job`'s key still waiting to run: moot once one attempt completed. */
export function cancelOtherAttempts(job: Pick<JobRow, 'id' | 'instance_id' | 'key'>): WrittenSql {
  return new WrittenSql('update "job" set "state" = ?, "locked_until" = ? where "instance_id" = ? and "key" = ? and "state" = ? and not "id" = ?',
    ['cancelled', null, job.instance_id, job.key, 'ready', job.id]);
}

/** Earliest due time of a ready job of these types, for the runner's sleep. */
export async function nextJobDue(db: Db, types: string[]): Promise<Date | undefined> {
  if (types.length === 0) return undefined;
  const row = await db('job').where('state', 'ready').whereIn('type', types).min('due_at as at').first();
  return row?.at ?? undefined;
}
