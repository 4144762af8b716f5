/**
 * Tenant rows. Inserting an existing id fails with a unique violation (the API maps it to 409).
 */
import type { Db } from './db.js';

export interface TenantRow { id: string; name: string; created_at: Date }

/** Inserts a tenant; running twice fails on the primary key. */
export async function insertTenant(db: Db, row: TenantRow): Promise<void> {
  await db('tenant').insert(row);
}

/** The tenant or undefined. */
export async function findTenant(db: Db, id: string): Promise<TenantRow | undefined> {
  return db('tenant').where({ id }).first();
}

/** Every tenant, by id. */
export async function listTenants(db: Db): Promise<TenantRow[]> {
  return db('tenant').orderBy('id');
}
