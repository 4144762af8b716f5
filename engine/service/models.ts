/**
 * Compiled models by definition id, cached in memory: definitions are immutable, so a cached
 * model never goes stale. Loading takes the definition row through the caller's transaction.
 */
import type { ProcessModel } from '../core/index.js';
import type { Db } from '../store/db.js';
import { findDefinitionById } from '../store/definitions.js';

export class ModelCache {
  private readonly models = new Map<string, ProcessModel>();

  constructor(private readonly maxEntries = 2000) {}

  async get(db: Db, definitionId: string): Promise<ProcessModel> {
    const cached = this.models.get(definitionId);
    if (cached) return cached;
    const row = await findDefinitionById(db, definitionId);
    if (!row) throw new Error(`process definition ${definitionId} is missing`);
    this.put(definitionId, row.model);
    return row.model;
  }

  put(definitionId: string, model: ProcessModel): void {
    if (this.models.size >= this.maxEntries) this.models.delete(this.models.keys().next().value as string);
    this.models.set(definitionId, model);
  }
}
