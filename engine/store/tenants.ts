/**
 * Tenant rows. Inserting an existing id fails with a unique violation (the API maps it to 409).
 */
import type { Db } from './db.js';

export interface TenantRow { id: string; name: string; created_at: Date; local_passwords?: boolean }

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

/** Whether a tenant's users may sign in with a password (single sign-on may replace them); platform users always may. */
export async function localPasswordsAllowed(db: Db, tenant: string | null): Promise<boolean> {
  if (!tenant) return true;
  const row: { local_passwords: boolean } | undefined = await db('tenant').where({ id: tenant }).first('local_passwords');
  return row?.local_passwords !== false;
}

/** Turns password sign-in of a tenant on or off. */
export async function setLocalPasswords(db: Db, tenant: string, allowed: boolean): Promise<void> {
  await db('tenant').where({ id: tenant }).update({ local_passwords: allowed });
}
