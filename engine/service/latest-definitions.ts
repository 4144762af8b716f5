/**
 * The latest deployed version of each process, remembered per tenant and key. A start needs it
 * and it changes only at a deployment, so reading it every time was a round trip for nothing. A
 * start that uses a remembered head assumes it is still the latest, and its one statement checks
 * that (engine/store/row-ops.ts, `latest-definition`): after a deployment through another process
 * the check fails, the start runs again in a transaction with a fresh read, and the entry is
 * replaced. Deployments here forget their keys.
 */
import { latestDefinition, type DefinitionHead } from '../store/definitions.js';
import type { UnitOfWork } from '../store/unit-of-work.js';

export class LatestDefinitions {
  private readonly heads = new Map<string, DefinitionHead>();

  constructor(private readonly maxEntries = 5000) {}

  /** The latest definition of `key`: remembered (and assumed) when the work may assume, else read (and remembered). */
  async latest(uow: UnitOfWork, tenant: string, key: string): Promise<DefinitionHead | undefined> {
    const known = uow.canAssume ? this.heads.get(id(tenant, key)) : undefined;
    if (known) {
      uow.assume({ type: 'latest-definition', tenantId: tenant, key, version: known.version });
      return known;
    }
    const head = await latestDefinition(uow.db, tenant, key);
    if (head) this.set(head);
    return head;
  }

  forget(tenant: string, key: string): void {
    this.heads.delete(id(tenant, key));
  }

  private set(head: DefinitionHead): void {
    if (this.heads.size >= this.maxEntries) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(id(head.tenant_id, head.key), head);
  }
}

function id(tenant: string, key: string): string {
  return `${tenant}\u0000${key}`;
}
