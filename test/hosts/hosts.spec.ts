/**
 * Host conformance: every case of cases.ts on the memory host and on the durable engine over
 * each storage backend (PGlite always, PostgreSQL with DATABASE_URL). A host that carries out an
 * effect or a follow-up differently from the others fails here.
 */
import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import type { Database } from '../../engine/store/database.js';
import { cases } from './cases.js';
import { memoryHost } from './memory-host.js';
import { durableHost } from './durable-host.js';
import type { HostCase, HostDriver, World } from './world.js';

async function play(driver: HostDriver, c: HostCase): Promise<void> {
  await driver.deploy(c.bpmn);
  for (const [i, action] of c.actions.entries()) {
    if ('start' in action) await driver.start(action.start, action);
    else if ('complete' in action) await driver.complete(action.complete, action.variables);
    else if ('publish' in action) {
      const delivered = await driver.publish(action.publish, action.correlationKey, action.variables);
      expect(delivered, `action ${i + 1}: message ${action.publish} ${action.correlationKey ?? '(no key)'} delivered`).to.equal(action.delivered);
    } else if ('cancel' in action) await driver.cancel(action.cancel);
    else if ('advance' in action) await driver.advance(action.advance);
    else {
      const world = await driver.world();
      const seen: Partial<World> = {};
      for (const part of Object.keys(action.expect) as (keyof World)[]) {
        if (part === 'variables') {
          seen.variables = Object.fromEntries(Object.keys(action.expect.variables!).map((p) => [p, world.variables[p]]));
        } else seen[part] = world[part];
      }
      expect(seen, `after action ${i}`).to.deep.equal({ ...action.expect, ...(action.expect.variables ? { variables: action.expect.variables } : {}) });
    }
  }
}

describe('hosts: conformance [memory]', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const driver = memoryHost(c.handlers);
      try {
        await play(driver, c);
      } finally {
        await driver.close();
      }
    });
  }
});

forEachBackend('hosts: conformance [durable]', (backend) => {
  let db: Database;
  before(async () => { db = await backend.open(); });
  after(async () => { await db.close(); });
  for (const c of cases) {
    it(c.name, async () => {
      const driver = await durableHost(db, c.handlers);
      try {
        await play(driver, c);
      } finally {
        await driver.close();
      }
    });
  }
});
