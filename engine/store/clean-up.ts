/**
 * When an instance ends, nothing of it may stay waiting: open tasks become cancelled, jobs are
 * cancelled, timers and subscriptions go. The core already emits the closing effects; this is the
 * belt to its braces, so a projection can never outlive its instance.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

/**
 * The clean-up writes, one per table (so a write batch can send them as one statement). Rows the
 * same step writes itself are left to those writes, so no two parts of the statement touch one
 * row: those of its effects' keys (`stepKeys`) and the job row its input finishes (`finishedJob`).
 * Only that one row of the input's job: another attempt of the same job (a retry enqueued before a
 * late completion of the first) is still waiting and must be cancelled like any other.
 */
export function cleanUpEndedInstance(db: Db, instanceId: string, now: Date, stepKeys: number[] = [], finishedJob?: string): [table: string, query: Knex.QueryBuilder][] {
  const rows = (table: string) => {
    const q = db(table).where({ instance_id: instanceId });
    return stepKeys.length ? q.whereNotIn('key', stepKeys) : q;
  };
  const jobs = finishedJob === undefined ? rows('job') : rows('job').whereNot({ id: finishedJob });
  return [
    ['user_task', rows('user_task').where({ state: 'open' }).update({ state: 'cancelled', completed_at: now })],
    ['job', jobs.whereIn('state', ['ready', 'running']).update({ state: 'cancelled', locked_until: null })],
    ['timer', rows('timer').delete()],
    ['message_subscription', rows('message_subscription').delete()],
    ['signal_subscription', rows('signal_subscription').delete()],
  ];
}
