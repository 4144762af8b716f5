/**
 * An in-process engine for scenario tests: PGlite in memory, the real service and the embedded
 * runner's timer firing, a pinned clock that only scenarios move, and no job handlers — service
 * tasks wait until a scenario completes their job, however long the scenario moves the clock (no
 * unclaimed-job incidents), so tests never reach the outside world.
 * Every scenario runs in its own scratch tenant of this one database.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase, migrateToLatest, type Database } from '../../store/database.js';
import { insertTenant } from '../../store/tenants.js';
import { Engine } from '../../service/engine.js';
import { ModelCache } from '../../service/models.js';
import { Clock } from '../../runner/clock.js';
import { EmbeddedRunner } from '../../runner/embedded.js';
import { JobHandlerRegistry } from '../../runner/registry.js';
import type { Actor } from '../../service/actor.js';

export class ScenarioHarness {
  private constructor(readonly db: Database, readonly engine: Engine, readonly clock: Clock, readonly runner: EmbeddedRunner) {}

  static async open(): Promise<ScenarioHarness> {
    const db = await openDatabase({ memory: true });
    await migrateToLatest(db.knex);
    const clock = new Clock();
    clock.pin(new Date('2026-03-02T01:00:00Z'));
    const engine = new Engine({ knex: db.knex, clock, models: new ModelCache() });
    return new ScenarioHarness(db, engine, clock, new EmbeddedRunner(engine, new JobHandlerRegistry(), { unclaimedJobMs: null }));
  }

  async createTenant(prefix: string): Promise<string> {
    const id = `${prefix}-${randomUUID().slice(0, 8)}`;
    await insertTenant(this.db.knex, { id, name: `Scratch ${id}`, created_at: this.clock.now() });
    return id;
  }

  admin(tenant: string): Actor {
    return { id: `admin-${tenant}`, username: 'uji-admin', tenant, roles: ['admin', 'analyst'], groups: [] };
  }

  /** A staff user who belongs to `group` (the tenant's group for a pack role). */
  staff(tenant: string, group: string): Actor {
    return { id: `staff-${group}`, username: `uji-${group}`, tenant, roles: ['staff'], groups: [group] };
  }

  /** Fires every timer due at the current clock (and whatever they cause). */
  async settle(): Promise<void> {
    await this.runner.drain();
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
