// Given a pack installed in a tenant with a running instance, when newer, older or altered
// versions are imported, then new versions are deployed, running instances keep theirs, and
// downgrades or altered re-releases are refused.
import { expect } from 'chai';
import { zipFiles } from '../../engine/packs/build.js';
import { importPack } from '../../engine/packs/import.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { MemoryPackStore } from '../../engine/packs/store.js';
import { validatePack } from '../../engine/packs/validate.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { BPMN, packFiles } from './small-pack.js';

describe('importing pack versions', function () {
  this.timeout(180_000);
  let h: ScenarioHarness;
  before(async () => { h = await ScenarioHarness.open(); });
  after(async () => h?.close());

  const pack = async (version: string, name = 'Periksa') => {
    const files = packFiles((f) => f.set('bpmn/uji.bpmn', Buffer.from(BPMN.replace('name="Periksa"', `name="${name}"`))), version);
    return validatePack(await readPackZip(await zipFiles(files)));
  };

  it('deploys a newer version beside the running one and refuses downgrades and altered re-releases', async () => {
    const tenant = await h.createTenant('versi');
    const admin = h.admin(tenant);
    const store = new MemoryPackStore();
    const roles = { petugas: 'loket' };
    await importPack(h.engine, admin, await pack('1.0.0'), roles, { store });
    const running = await h.engine.startInstance(admin, { processKey: 'uji' });

    const plan = await importPack(h.engine, admin, await pack('1.1.0', 'Periksa berkas'), roles, { store, dryRun: true });
    expect(plan.processes).to.deep.equal([{ key: 'uji', name: 'uji', change: 'changed' }]);
    expect(plan.installedVersion).to.equal('1.0.0');
    const done = await importPack(h.engine, admin, await pack('1.1.0', 'Periksa berkas'), roles, { store });
    expect(done.processes[0].version).to.equal(2);
    const inst = await h.db.knex('process_instance').where({ id: running.instanceId }).first();
    expect(inst.process_version).to.equal(1);

    const again = await importPack(h.engine, admin, await pack('1.1.0', 'Periksa berkas'), roles, { store });
    expect(again.processes[0].version).to.equal(2);
    expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(2);

    await importPack(h.engine, admin, await pack('1.0.0'), roles, { store }).then(() => { throw new Error('downgrade accepted'); }, (err: Error) => {
      expect(err.message).to.match(/older than the installed 1\.1\.0/);
    });
    await importPack(h.engine, admin, await pack('1.1.0', 'Lain'), roles, { store }).then(() => { throw new Error('altered re-release accepted'); }, (err: Error) => {
      expect(err.message).to.match(/already installed with other content/);
    });
    expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(2);
  });
});
