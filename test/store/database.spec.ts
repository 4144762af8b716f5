import { expect } from 'chai';
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, migrateToLatest } from '../../engine/store/database.js';

describe('store: PGlite data folder', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alur-db-')); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('initialises an empty folder, refuses a second opener, and reopens what it wrote', async () => {
    // Given a fresh folder opened and migrated
    const first = await openDatabase({ dataDir: dir });
    await migrateToLatest(first.knex);
    await first.knex('tenant').insert({ id: 'klaten', name: 'Kabupaten Klaten', created_at: new Date() });
    expect(existsSync(join(dir, 'alur.lock'))).to.equal(true);

    // When another opener tries the same folder, it is refused with a clear message
    try {
      await openDatabase({ dataDir: dir });
      expect.fail('opened a locked folder');
    } catch (err) {
      expect((err as Error).message).to.match(/in use by process \d+/);
    }

    // Then after closing, the lock is gone and the data is there
    await first.close();
    expect(existsSync(join(dir, 'alur.lock'))).to.equal(false);
    const again = await openDatabase({ dataDir: dir });
    await migrateToLatest(again.knex);
    expect((await again.knex('tenant').first()).id).to.equal('klaten');
    await again.close();
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(join(dir, 'alur.lock'), '999999999');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });
});
