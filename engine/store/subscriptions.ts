/**
 * Message and signal subscriptions of waiting instances. Rows are written and removed only by the
 * service applying subscribe/unsubscribe effects; correlation reads them, oldest first.
 */
import type { Knex } from 'knex';
import type { Db } from './db.js';

export interface MessageSubscriptionRow {
  tenant_id: string;
  name: string;
  correlation_key: string | null;
  instance_id: string;
  key: number;
  element_id: string;
  created_at: Date;
}

export interface SignalSubscriptionRow { tenant_id: string; name: string; instance_id: string; key: number; element_id: string }

/** Subscribes instance+key; a replay is ignored. */
export function insertMessageSubscription(db: Db, row: MessageSubscriptionRow): Knex.QueryBuilder {
  return db('message_subscription').insert(row).onConflict(['instance_id', 'key']).ignore();
}

export function deleteMessageSubscription(db: Db, instanceId: string, key: number): Knex.QueryBuilder {
  return db('message_subscription').where({ instance_id: instanceId, key }).delete();
}

/** Subscriptions matching a message, oldest first (the first that accepts it wins). */
export async function findMessageSubscriptions(db: Db, tenant: string, name: string, correlationKey: string | null, limit = 20): Promise<MessageSubscriptionRow[]> {
  const q = db('message_subscription').where({ tenant_id: tenant, name });
  if (correlationKey === null) q.whereNull('correlation_key'); else q.where('correlation_key', correlationKey);
  return q.orderBy('created_at').limit(limit);
}

export function insertSignalSubscription(db: Db, row: SignalSubscriptionRow): Knex.QueryBuilder {
  return db('signal_subscription').insert(row).onConflict(['instance_id', 'key']).ignore();
}

export function deleteSignalSubscription(db: Db, instanceId: string, key: number): Knex.QueryBuilder {
  return db('signal_subscription').where({ instance_id: instanceId, key }).delete();
}

/** Every subscription to a signal in the tenant. */
export async function findSignalSubscriptions(db: Db, tenant: string, name: string): Promise<SignalSubscriptionRow[]> {
  return db('signal_subscription').where({ tenant_id: tenant, name }).orderBy(['instance_id', 'key']);
}
