/** Process keys deployed in a tenant (for call-activity checks at deployment). */
import type { Db } from './db.js';

export async function distinctProcessKeys(db: Db, tenant: string): Promise<string[]> {
  return db('process_definition').where({ tenant_id: tenant }).distinct('key').pluck('key');
}
