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
import { ephemeralSigning, type SigningSetup } from '../../signing/config.js';
import { tteSignConnector } from '../../signing/tte-sign.js';
import { documentRenderConnector } from '../../letters/document-render.js';
import { findSoffice } from '../../letters/index.js';

export class ScenarioHarness {
  /**
   * Connectors a scenario's `runJob` step runs (tte-sign and document-render, which need nothing
   * outside the database but LibreOffice for a letter's PDF). Not the runner's: jobs wait for a step unless a scenario asks for this.
   */
  readonly jobs = new JobHandlerRegistry();
  readonly signing: SigningSetup;
  /** LibreOffice, where installed: document-render then attaches a PDF, and scenarios that need it run. */
  readonly soffice: string | undefined;

  private constructor(readonly db: Database, readonly engine: Engine, readonly clock: Clock, readonly runner: EmbeddedRunner, sofficeSetting?: string) {
    this.signing = ephemeralSigning(() => clock.now());
    this.jobs.register('tte-sign', tteSignConnector({ knex: db.knex, signing: this.signing, now: () => clock.now() }));
    // Letters from the pack's templates; a PDF too where LibreOffice is installed (a regency's test machine may lack it).
    const soffice = this.soffice = findSoffice(sofficeSetting);
    const maxBytes = 10 * 1024 * 1024;
    this.jobs.register('document-render', documentRenderConnector({
      knex: db.knex, now: () => clock.now(), maxDocumentBytes: maxBytes, soffice: soffice ? { program: soffice, timeoutMs: 120_000, maxBytes } : undefined,
    }));
  }

  /** `soffice`: as ALUR_SOFFICE (unset: the usual places; `off`: no PDFs, as on a machine without LibreOffice). */
  static async open(options: { soffice?: string } = {}): Promise<ScenarioHarness> {
    const db = await openDatabase({ memory: true });
    await migrateToLatest(db.knex);
    const clock = new Clock();
    clock.pin(new Date('2026-03-02T01:00:00Z'));
    const engine = new Engine({ knex: db.knex, clock, models: new ModelCache() });
    return new ScenarioHarness(db, engine, clock, new EmbeddedRunner(engine, new JobHandlerRegistry(), { unclaimedJobMs: null }), options.soffice);
  }

  async createTenant(prefix: string): Promise<string> {
    const id = `${prefix}-${randomUUID().slice(0, 8)}`;
    await insertTenant(this.db.knex, { id, name: `Scratch ${id}`, created_at: this.clock.now() });
    return id;
  }

  admin(tenant: string): Actor {
    return { id: `admin-${tenant}`, username: 'uji-admin', tenant, roles: ['admin', 'analyst'], groups: [] };
  }

  /** A staff user who belongs to `group` (the tenant's group for a pack role); named per tenant, as usernames are unique platform-wide. */
  staff(tenant: string, group: string): Actor {
    return { id: `staff-${group}`, username: `${group}@${tenant}`, tenant, roles: ['staff'], groups: [group] };
  }

  /** Fires every timer due at the current clock (and whatever they cause). */
  async settle(): Promise<void> {
    await this.runner.drain();
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
