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

  it('writes the import\'s audit entry in the deployment\'s transaction: an entry that cannot be written keeps nothing deployed', async () => {
    const tenant = await h.createTenant('audit');
    const admin = h.admin(tenant);
    // The audit refuses this tenant's pack entries, as a full disk or a lost connection would.
    await h.db.knex.raw(`create function refuse_pack_audit() returns trigger language plpgsql as $$
      begin if new.object_type = 'pack' and new.tenant_id = '${tenant}' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await h.db.knex.raw('create trigger refuse_pack_audit before insert on audit_entry for each row execute function refuse_pack_audit()');
    try {
      await importPack(h.engine, admin, await pack('1.0.0'), { petugas: 'loket' }).then(() => { throw new Error('import without its audit entry'); }, (err: Error) => {
        expect(err.message).to.match(/audit unavailable/);
      });
      expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(0);
      expect(await h.db.knex('form').where({ tenant_id: tenant })).to.have.length(0);
    } finally {
      await h.db.knex.raw('drop trigger refuse_pack_audit on audit_entry');
      await h.db.knex.raw('drop function refuse_pack_audit()');
    }
    await importPack(h.engine, admin, await pack('1.0.0'), { petugas: 'loket' });
    expect(await h.db.knex('process_definition').where({ tenant_id: tenant })).to.have.length(1);
    expect(await h.db.knex('audit_entry').where({ tenant_id: tenant, object_type: 'pack' }).pluck('action')).to.deep.equal(['imported']);
  });
});
