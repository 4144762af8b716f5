/**
 * The latest deployed version of each process, remembered per tenant and key. A start needs it
 * and it changes only at a deployment, so reading it every time was a round trip for nothing. A
 * start that uses a remembered head asserts in its one statement that no newer version exists
 * (`stillLatest`): after a deployment through another process that assertion fails, the start
 * runs again with a fresh read, and the entry is replaced. Deployments here forget their keys.
 */
import type { Knex } from 'knex';
import type { Db } from '../store/db.js';
import type { DefinitionHead } from '../store/definitions.js';

export class LatestDefinitions {
  private readonly heads = new Map<string, DefinitionHead>();

  constructor(private readonly maxEntries = 5000) {}

  get(tenant: string, key: string): DefinitionHead | undefined {
    return this.heads.get(id(tenant, key));
  }

  set(head: DefinitionHead): void {
    if (this.heads.size >= this.maxEntries) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(id(head.tenant_id, head.key), head);
  }

  forget(tenant: string, key: string): void {
    this.heads.delete(id(tenant, key));
  }
}

/** True (in SQL) while `head` is still the newest version of its process. */
export function stillLatest(db: Db, head: DefinitionHead): Knex.Raw {
  return db.raw('not exists (select 1 from process_definition where tenant_id = ? and key = ? and version > ?)', [head.tenant_id, head.key, head.version]);
}

function id(tenant: string, key: string): string {
  return `${tenant}\u0000${key}`;
}
