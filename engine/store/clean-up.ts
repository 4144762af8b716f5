/**
 * When an instance ends, nothing of it may stay waiting: open tasks become cancelled, jobs are
 * cancelled, timers and subscriptions go. The core already emits the closing effects; this is the
 * belt to its braces, so a projection can never outlive its instance.
 */
import type { Db } from './db.js';

export async function cleanUpEndedInstance(db: Db, instanceId: string, now: Date): Promise<void> {
  await db('user_task').where({ instance_id: instanceId, state: 'open' }).update({ state: 'cancelled', completed_at: now });
  await db('job').where({ instance_id: instanceId }).whereIn('state', ['ready', 'running']).update({ state: 'cancelled', locked_until: null });
  await db('timer').where({ instance_id: instanceId }).delete();
  await db('message_subscription').where({ instance_id: instanceId }).delete();
  await db('signal_subscription').where({ instance_id: instanceId }).delete();
}
