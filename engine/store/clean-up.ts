/**
 * When an instance ends, nothing of it may stay waiting: open tasks become cancelled, jobs are
 * cancelled, timers and subscriptions go. The core already emits the closing effects; this is the
 * belt to its braces, so a projection can never outlive its instance.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

/**
 * The clean-up writes, one per table (so a write batch can send them as one statement). Tasks the
 * same step opens or closes (`taskKeys`) are left to those writes, so the two never touch one row.
 */
export function cleanUpEndedInstance(db: Db, instanceId: string, now: Date, taskKeys: number[] = []): [table: string, query: Knex.QueryBuilder][] {
  const tasks = db('user_task').where({ instance_id: instanceId, state: 'open' });
  if (taskKeys.length) tasks.whereNotIn('key', taskKeys);
  return [
    ['user_task', tasks.update({ state: 'cancelled', completed_at: now })],
    ['job', db('job').where({ instance_id: instanceId }).whereIn('state', ['ready', 'running']).update({ state: 'cancelled', locked_until: null })],
    ['timer', db('timer').where({ instance_id: instanceId }).delete()],
    ['message_subscription', db('message_subscription').where({ instance_id: instanceId }).delete()],
    ['signal_subscription', db('signal_subscription').where({ instance_id: instanceId }).delete()],
  ];
}
